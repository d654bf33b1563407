import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One built JavaScript file of the dashboard. */
export interface BuiltChunk {
  /** Path below `dist`, e.g. `assets/index-abc.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
  code: string;
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` — never `import("x")`. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

/** Reads one chunk and its gzip size (node:zlib, default level, as a server would send it). */
export function readChunk(dist: string, file: string): BuiltChunk {
  const buffer = readFileSync(join(dist, file));
  return { file, bytes: buffer.length, gzipBytes: gzipSync(buffer).length, code: buffer.toString('utf8') };
}

/** Every `.js` file under `dist/assets`. */
export function allChunks(dist: string): BuiltChunk[] {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readChunk(dist, `assets/${name}`));
}

/** The files a chunk imports statically (resolved to paths below `dist`). */
export function staticImportsOf(chunk: BuiltChunk): string[] {
  const found = new Set<string>();
  for (const match of chunk.code.matchAll(STATIC_IMPORT)) {
    const spec = match[1]!;
    if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
    const resolved = spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(chunk.file), spec);
    found.add(posix.normalize(resolved));
  }
  return [...found];
}

/**
 * The JavaScript a first visit loads before any route chunk: index.html's module entry scripts,
 * its `modulepreload` links, and everything they import statically, transitively.
 */
export function initialChunks(dist: string): BuiltChunk[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
  ].map((src) => src.replace(/^\//, ''));
  if (roots.length === 0) throw new Error('index.html loads no module script');
  const seen = new Map<string, BuiltChunk>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const chunk = readChunk(dist, file);
    seen.set(file, chunk);
    queue.push(...staticImportsOf(chunk));
  }
  return [...seen.values()];
}

/** Markers that survive minification: a class name of MapLibre GL's canvas, ECharts' instance key. */
export const LIBRARY_MARKERS = { maplibre: 'maplibregl-canvas', echarts: '_echarts_instance_' } as const;
