/** OCPP protocol versions this package speaks over OCPP-J. */
export type OcppVersion = '1.6' | '2.0.1' | '2.1';

/** WebSocket subprotocol names as registered in OCPP-J (part 4 §3.1.2). */
export type OcppSubprotocol = 'ocpp1.6' | 'ocpp2.0.1' | 'ocpp2.1';

/** All supported versions, newest first (the order we prefer when negotiating). */
export const OCPP_VERSIONS: readonly OcppVersion[] = ['2.1', '2.0.1', '1.6'];

const SUBPROTOCOL_BY_VERSION: Readonly<Record<OcppVersion, OcppSubprotocol>> = {
  '1.6': 'ocpp1.6',
  '2.0.1': 'ocpp2.0.1',
  '2.1': 'ocpp2.1',
};

const VERSION_BY_SUBPROTOCOL: ReadonlyMap<string, OcppVersion> = new Map(
  Object.entries(SUBPROTOCOL_BY_VERSION).map(([v, p]) => [p, v as OcppVersion]),
);

/** Type guard for {@link OcppVersion}. */
export function isOcppVersion(value: unknown): value is OcppVersion {
  return value === '1.6' || value === '2.0.1' || value === '2.1';
}

/** Maps a version to its WebSocket subprotocol name, e.g. `'2.0.1'` → `'ocpp2.0.1'`. */
export function toSubprotocol(version: OcppVersion): OcppSubprotocol {
  return SUBPROTOCOL_BY_VERSION[version];
}

/**
 * Maps a WebSocket subprotocol name back to a version; `undefined` for names we do not speak
 * (e.g. `ocpp1.5`). Subprotocol tokens are case-sensitive (RFC 6455 §4.1), so no case folding.
 */
export function fromSubprotocol(subprotocol: string): OcppVersion | undefined {
  return VERSION_BY_SUBPROTOCOL.get(subprotocol.trim());
}

/**
 * Chooses the subprotocol to accept from the list a station offered in `Sec-WebSocket-Protocol`
 * (a comma-separated header string or an already split list). The server picks; we prefer the
 * newest version we support, whatever the station's order (OCPP-J 2.0.1 §3.1.2 lets the server
 * choose any offered one). Returns `undefined` when nothing offered is supported.
 *
 * @param offered - the station's offer, header string or list
 * @param allowed - versions this deployment enables, in no particular order (default: all)
 */
export function chooseSubprotocol(
  offered: string | Iterable<string>,
  allowed: readonly OcppVersion[] = OCPP_VERSIONS,
): OcppSubprotocol | undefined {
  const list = typeof offered === 'string' ? offered.split(',') : [...offered];
  const offeredVersions = new Set(list.map((p) => fromSubprotocol(p)).filter(isOcppVersion));
  const pick = OCPP_VERSIONS.find((v) => allowed.includes(v) && offeredVersions.has(v));
  return pick === undefined ? undefined : toSubprotocol(pick);
}

/** Like {@link chooseSubprotocol} but returns the version. */
export function chooseVersion(
  offered: string | Iterable<string>,
  allowed: readonly OcppVersion[] = OCPP_VERSIONS,
): OcppVersion | undefined {
  const sub = chooseSubprotocol(offered, allowed);
  return sub === undefined ? undefined : fromSubprotocol(sub);
}
