import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './processes.js';

/** One scenario's outcome, as written to bench/results/<scenario>.json and docs/benchmarks.md. */
export interface ScenarioReport {
  scenario: string;
  /** Table label, e.g. "1. capacity". */
  label: string;
  target: string;
  /** The measured headline, e.g. "50,000 stations, 7.9 kB/connection". */
  result: string;
  met: boolean;
  command: string;
  /** Where the time goes / what limited the run. */
  note: string;
  details: Record<string, unknown>;
}

/** Machine and versions, printed above the table. */
export function machine(versions: { postgres: string; redis: string }): Record<string, string> {
  const cpu = cpus();
  return {
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: versions.postgres,
    redis: versions.redis,
  };
}

const DOC = join(repoRoot, 'docs/benchmarks.md');
const HEADER = `# Benchmarks

Measured with \`npm run bench\` (never part of \`npm test\`): the hub in server mode (\`chargebridge start
--role api\`, \`--role worker\` and one \`--role gateway\` process) on a throwaway PostgreSQL and Redis, the load from
\`chargebridge simulate\` in separate processes on the same machine. Each scenario writes
\`bench/results/<scenario>.json\` and replaces its row here. Reproduce one with the command in its row.

| scenario | target | result | met | date | command |
|---|---|---|---|---|---|
`;

/** Writes the JSON result and replaces the scenario's row and note in docs/benchmarks.md. */
export function publish(report: ScenarioReport, env: Record<string, string>): void {
  const dir = join(repoRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const at = new Date().toISOString();
  writeFileSync(join(dir, `${report.scenario}.json`), `${JSON.stringify({ ...report, machine: env, at }, null, 2)}\n`);
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : HEADER;
  if (!/^\|\s*scenario\s*\|\s*target\s*\|/m.test(doc)) doc = `${HEADER}\n${doc}`;
  const row = `| ${report.label} | ${report.target} | ${report.result} | ${report.met ? 'yes' : '**no**'} | ${at.slice(0, 10)} | \`${report.command}\` |`;
  const lines = doc.split('\n');
  const labelCell = (l: string) => l.split('|')[1]?.trim();
  const existing = lines.findIndex((l) => labelCell(l) === report.label);
  if (existing >= 0) lines[existing] = row;
  else {
    // Keep rows in scenario order: insert before the first row with a larger label.
    const tableStart = lines.findIndex((l) => /^\|\s*-{3}/.test(l));
    let at = tableStart + 1;
    while (
      at < lines.length &&
      lines[at]!.startsWith('|') &&
      (labelCell(lines[at]!) ?? '').localeCompare(report.label) < 0
    )
      at++;
    lines.splice(at, 0, row);
  }
  doc = lines.join('\n');
  const machineLine = `Machine: ${Object.entries(env)
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ')}`;
  doc = /^Machine: .*$/m.test(doc)
    ? doc.replace(/^Machine: .*$/m, machineLine)
    : doc.replace('| scenario |', `${machineLine}\n\n| scenario |`);
  const open = `<!-- note:${report.scenario} -->`;
  const close = `<!-- /note:${report.scenario} -->`;
  const note = `${open}\n**${report.label}.** ${report.note.trim()}\n${close}`;
  const from = doc.indexOf(open);
  doc =
    from >= 0
      ? doc.slice(0, from) + note + doc.slice(doc.indexOf(close) + close.length)
      : `${doc.trimEnd()}\n\n${note}\n`;
  writeFileSync(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
  // Keep the table as the repo's formatter (Biome) lays it out, so `npm run lint` stays green.
  try {
    execFileSync(join(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', DOC], { stdio: 'ignore' });
  } catch {}
}
