import type { OcpiObjectRow } from '@chargebridge/store';

/** An OCPI object as stored, with `last_updated` from its row (the paging key). */
export function storedObject(row: OcpiObjectRow): Record<string, unknown> {
  return { ...row.data, last_updated: row.last_updated.toISOString() };
}
