import { type NewStationVariable, variableKey } from '@chargebridge/store';
import type { MessageHandler } from '../handler.types.js';

/** 2.0.1 / 2.1 B07 NotifyReport: the device model, one row per variable attribute. */
export const notifyReport: MessageHandler = async (p, ctx) => {
  const rows = new Map<string, NewStationVariable>();
  for (const item of Array.isArray(p.reportData) ? p.reportData : []) {
    for (const attr of Array.isArray(item.variableAttribute) ? item.variableAttribute : []) {
      const row: NewStationVariable = {
        station_id: ctx.session.stationId,
        component: String(item.component?.name),
        component_instance: item.component?.instance ?? '',
        evse_id: item.component?.evse?.id ?? 0,
        connector_id: item.component?.evse?.connectorId ?? 0,
        variable: String(item.variable?.name),
        variable_instance: item.variable?.instance ?? '',
        attribute_type: attr.type ?? 'Actual',
        value: attr.value ?? null,
        readonly: attr.mutability === undefined ? null : attr.mutability === 'ReadOnly',
        data: JSON.stringify({ attribute: attr, characteristics: item.variableCharacteristics ?? null }),
      };
      rows.set(variableKey(row), row);
    }
  }
  await ctx.commit(async (repos) => {
    await repos.stationActivity.upsertVariables([...rows.values()]);
    await repos.stationActivity.addEvents([
      {
        stationId: ctx.session.stationId,
        kind: 'NotifyReport',
        payload: { requestId: p.requestId, seqNo: p.seqNo, tbc: p.tbc ?? false, variables: rows.size },
        occurredAt: new Date(p.generatedAt),
      },
    ]);
  });
  return {};
};
