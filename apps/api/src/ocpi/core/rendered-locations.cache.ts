import { type LocationViewInput, toOcpiLocation } from '@chargebridge/domain';

/** Default bound of the cache: 256 MiB of rendered JSON (≈ 60,000 locations of 10 EVSEs). */
export const RENDERED_LOCATIONS_DEFAULT_BYTES = 256 * 1024 * 1024;

/** UTF-8 bytes in a buffer of their own: small `Buffer.from` results share (and pin) 8 KiB pool slabs. */
function utf8(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return bytes;
}

/** A location in a page: its row id and the store's version of everything its view reads. */
export interface LocationVersion {
  id: number;
  version: string;
}

interface Entry {
  version: string;
  /** UTF-8 JSON text: the response is concatenated from these bytes, nothing re-encoded. */
  json: Buffer;
}

/**
 * Rendered OCPI Locations of this API process, as UTF-8 JSON text, keyed by location row id and valid
 * for one version (LocationViewsRepository.pageVersions: row versions of the location and its
 * EVSEs, and the stations' `online` flags). A page read asks the store only for the
 * versions and re-reads and re-renders just the locations whose version moved; the text of the
 * others goes into the response as is — nothing parsed, mapped or serialized again. The mapping
 * itself stays in `toOcpiLocation`; this only keeps its `JSON.stringify` output.
 *
 * Bounded LRU by size in bytes. Per process: every
 * API process keeps its own, and a stale entry is never served because its version no longer
 * matches.
 */
export class RenderedLocationsCache {
  private readonly entries = new Map<number, Entry>();
  private size = 0;

  constructor(private readonly maxBytes = RENDERED_LOCATIONS_DEFAULT_BYTES) {}

  /** Rendered locations currently held (tests, metrics). */
  get count(): number {
    return this.entries.size;
  }

  /**
   * The JSON text (UTF-8) of each location in `page`, in page order. `load` reads the ones not
   * cached at their version; a location gone in between is left out. What `load` returns is
   * stored under the page's version: if the location changed in between, the rendering is newer
   * than its version says, and the next read (seeing the newer version) renders it again —
   * never the other way round.
   */
  async render(
    page: readonly LocationVersion[],
    load: (ids: number[]) => Promise<Array<LocationViewInput & { id: number }>>,
  ): Promise<Buffer[]> {
    const out: Array<Buffer | undefined> = new Array(page.length);
    const missing: number[] = [];
    // Ids are compared as numbers: pg hands bigint columns over as strings.
    const ids = page.map((item) => Number(item.id));
    page.forEach((item, i) => {
      const id = ids[i] as number;
      const entry = this.entries.get(id);
      if (entry && entry.version === item.version) {
        this.entries.delete(id); // refresh its LRU position
        this.entries.set(id, entry);
        out[i] = entry.json;
      } else {
        missing.push(id);
      }
    });
    if (missing.length > 0) {
      const fresh = new Map<number, Buffer>();
      for (const row of await load(missing)) fresh.set(Number(row.id), utf8(JSON.stringify(toOcpiLocation(row))));
      ids.forEach((id, i) => {
        if (out[i] !== undefined) return;
        const json = fresh.get(id);
        if (json === undefined) return;
        out[i] = json;
        this.put(id, { version: (page[i] as LocationVersion).version, json });
      });
    }
    return out.filter((json): json is Buffer => json !== undefined);
  }

  private put(id: number, entry: Entry): void {
    const old = this.entries.get(id);
    if (old) {
      this.size -= old.json.length;
      this.entries.delete(id);
    }
    if (entry.json.length > this.maxBytes) return;
    this.entries.set(id, entry);
    this.size += entry.json.length;
    for (const [oldest, e] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.size -= e.json.length;
    }
  }
}
