// Bundles the `chargebridge` CLI (apps/hub/src/cli.ts and the workspace packages it imports) into
// one ES module, apps/hub/dist/cli.mjs, so production starts plain JavaScript instead of compiling
// TypeScript at every start. Third-party packages stay in node_modules (imported as they are);
// `@chargebridge/dashboard` too (it locates its built files from its own path). Runs after
// `npm ci` and before `npm start` (a second or two); apps/hub/bin/chargebridge.js uses the bundle
// only while none of its inputs changed since (else it runs the sources through tsx, as in
// development). Skipped while the bundle is current; `--force` always builds, `--out DIR` writes
// elsewhere (tests).
import { existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A bare import's package name (`ajv`, `@fastify/static`). */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/** The directory Node would load package `name` from, for a module in `dir` (node_modules lookup). */
function packageDir(name, dir) {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Bundles the CLI into `outDir`; returns its entry, the input files and how long it took. Refuses
 * (throws) when a third-party import would load another copy of its package from the bundle's
 * place than from the source file that imports it (a workspace package with its own version in
 * its node_modules): the bundle must run exactly the code the tests ran.
 */
export async function buildHub(outDir = join(root, 'apps', 'hub', 'dist')) {
  const started = performance.now();
  const { build } = await import('esbuild');
  const version = JSON.parse(readFileSync(join(root, 'apps', 'hub', 'package.json'), 'utf8')).version;
  const entry = join(outDir, 'cli.mjs');
  const mismatches = new Set();
  const result = await build({
    entryPoints: [join(root, 'apps', 'hub', 'src', 'cli.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.CHARGEBRIDGE_BUNDLED_VERSION': JSON.stringify(version) },
    plugins: [
      {
        name: 'workspace-packages-only',
        setup(b) {
          // Bare imports: workspace packages are bundled, everything else stays external.
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('@chargebridge/') && !args.path.startsWith('@chargebridge/dashboard')) return;
            if (!args.path.startsWith('node:') && args.resolveDir) {
              const name = packageName(args.path);
              const fromSource = packageDir(name, args.resolveDir);
              const fromBundle = packageDir(name, outDir);
              if (fromSource !== undefined && fromSource !== fromBundle) {
                mismatches.add(
                  `${name}: ${relative(root, fromSource)} for ${relative(root, args.importer)}, ${fromBundle ? relative(root, fromBundle) : 'nothing'} from the bundle`,
                );
              }
            }
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  if (mismatches.size > 0) {
    rmSync(outDir, { recursive: true, force: true });
    throw new Error(`packages resolve differently from the bundle — ${[...mismatches].join('; ')}`);
  }
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, resolve(root, p)));
  writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
  return { entry, inputs, ms: Math.round(performance.now() - started) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const { bundleIsCurrent } = await import('../apps/hub/bin/bundle-state.js');
  if (at < 0 && !process.argv.includes('--force') && bundleIsCurrent()) process.exit(0);
  try {
    const { entry, inputs, ms } = await buildHub(at > 0 ? resolve(process.argv[at + 1]) : undefined);
    console.log(
      `hub: bundled ${inputs.length} files into ${relative(root, entry)} (${(statSync(entry).size / 1e6).toFixed(1)} MB) in ${ms} ms`,
    );
  } catch (error) {
    // Without esbuild (a production install that skipped it) the CLI still runs from its sources.
    console.error(`hub: not bundled (${error.message}); the CLI runs from its TypeScript sources`);
  }
}
