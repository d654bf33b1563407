import { type CdrExportFormat, type CdrExportRow, cdrExportFormatter } from './cdr-export.format.js';

/** Hooks of one export run: totals and progress see every row, in order. */
export interface CdrExportObserver {
  onBatch?(rows: readonly CdrExportRow[]): void;
}

/**
 * The finance export as text chunks: the formatter's head, one chunk per store batch, its tail.
 * The one pipeline behind `chargebridge cdr export` and `GET /api/v1/cdrs/export`; memory stays
 * at one batch whatever the export's size (the consumer's backpressure pauses the generator).
 */
export async function* cdrExportChunks(
  batches: AsyncIterable<readonly CdrExportRow[]>,
  format: CdrExportFormat,
  observer: CdrExportObserver = {},
): AsyncGenerator<string> {
  const formatter = cdrExportFormatter(format);
  let index = 0;
  yield formatter.head();
  for await (const rows of batches) {
    observer.onBatch?.(rows);
    let chunk = '';
    for (const row of rows) chunk += formatter.row(row, index++);
    if (chunk) yield chunk;
  }
  const tail = formatter.tail();
  if (tail) yield tail;
}
