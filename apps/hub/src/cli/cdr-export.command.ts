import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { loadConfig } from '@chargebridge/config';
import {
  CdrExportInputError,
  CdrExportTotals,
  type CurrencyTotals,
  cdrExportChunks,
  parseCdrExportQuery,
} from '@chargebridge/domain';
import { type CdrExportFilter, repositories } from '@chargebridge/store';
import { connectStore } from '../runtime/connect-store.js';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';
import { ProgressBar } from './progress-bar.js';

const usage = 'cdr export --from ISO --to ISO [--party CC-PID] [--partner ID] [--format csv|json|ndjson] [--out FILE]';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The per-currency summary printed on stderr after the export. */
export function totalsText(totals: CurrencyTotals[]): string {
  if (totals.length === 0) return '  (no CDRs)\n';
  return totals
    .map(
      (t) =>
        `  ${t.currency}: ${fmt(t.cdrs)} CDRs (${fmt(t.credits)} credits), ${t.kwh} kWh, ` +
        `total_cost excl. VAT ${t.total_cost_excl_vat}, incl. VAT ${t.total_cost_incl_vat}\n`,
    )
    .join('');
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * The finance export (interfaces.md): CDRs with `end_date_time` in [from, to) to stdout or a file,
 * streamed batch by batch; totals per currency (and a progress bar on a terminal) on stderr, so
 * stdout carries nothing but the export.
 */
export const cdrExportCommand: CliCommand = {
  path: ['cdr', 'export'],
  summary: 'finance export of CDRs (end_date_time in [from, to)) as CSV, JSON or NDJSON, streamed',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        party: { type: 'string' },
        partner: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
    });
    let query: ReturnType<typeof parseCdrExportQuery>;
    try {
      query = parseCdrExportQuery(values);
    } catch (error) {
      if (error instanceof CdrExportInputError) throw new CliError(`${error.message}\n  usage: chargebridge ${usage}`);
      throw error;
    }
    const store = await connectStore(loadConfig(), { migrate: false });
    try {
      const repo = repositories(store.db).cdrExport;
      const filter: CdrExportFilter = { from: query.from, to: query.to, party: query.party };
      if (values.partner !== undefined) {
        const parties = await repo.partnerParties(values.partner);
        if (!parties) throw new CliError(`no partner "${values.partner}"`);
        filter.tokenParties = parties;
      }
      const started = performance.now();
      const bar = process.stderr.isTTY ? new ProgressBar(process.stderr, await repo.count(filter), 'CDRs') : undefined;
      const totals = new CdrExportTotals();
      const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
      let failure: NodeJS.ErrnoException | undefined;
      out.on('error', (error: NodeJS.ErrnoException) => {
        failure = error;
      });
      if (values.out) {
        await once(out, 'open').catch((error: Error) => {
          throw new CliError(`cannot write ${values.out}: ${error.message}`);
        });
      }
      const chunks = cdrExportChunks(repo.batches(filter), query.format, {
        onBatch(rows) {
          for (const row of rows) totals.add(row);
          bar?.update(totals.count);
        },
      });
      try {
        for await (const chunk of chunks) {
          if (failure) throw failure;
          await write(out, chunk);
        }
        if (values.out) {
          out.end();
          await once(out, 'finish');
        }
      } catch (error) {
        // `… | head` closes stdout early: that ends the export, it is not a failure.
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
        throw new CliError(`cannot write ${values.out ?? 'stdout'}: ${(error as Error).message}`);
      }
      bar?.done();
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `exported ${fmt(totals.count)} CDRs with end_date_time in [${query.from.toISOString()}, ${query.to.toISOString()}) ` +
          `as ${query.format} in ${seconds.toFixed(1)} s${values.out ? ` to ${values.out}` : ''}\n${totalsText(totals.result())}`,
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
