import type { NewStationVariable } from './repositories/station-activity.repository.js';

/** The component name 1.6 configuration keys are filed under in `station_variables`. */
export const OCPP16_CONFIGURATION_COMPONENT = 'Configuration';

type Json = Record<string, unknown>;
const text = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : 0);

/** What identifies a `station_variables` row (its primary key), as one string. */
export function variableKey(row: NewStationVariable): string {
  return [
    row.component,
    row.component_instance,
    row.evse_id,
    row.connector_id,
    row.variable,
    row.variable_instance,
    row.attribute_type,
  ].join('\u0000');
}

/**
 * The configuration an answer reveals, as `station_variables` rows: a 1.6 GetConfiguration's
 * `configurationKey[]` (component "Configuration", one variable per key) or the accepted items of
 * a 2.x GetVariables. Other answers reveal nothing. Duplicate keys: the last one wins.
 */
export function configurationRows(stationId: number, action: string, response: unknown): NewStationVariable[] {
  const r = (response ?? {}) as Json;
  const rows = new Map<string, NewStationVariable>();
  const add = (row: NewStationVariable) => rows.set(variableKey(row), row);
  if (action === 'GetConfiguration' && Array.isArray(r.configurationKey)) {
    for (const k of r.configurationKey as Json[]) {
      if (typeof k.key !== 'string') continue;
      add({
        station_id: stationId,
        component: OCPP16_CONFIGURATION_COMPONENT,
        variable: k.key,
        value: typeof k.value === 'string' ? k.value : null,
        readonly: typeof k.readonly === 'boolean' ? k.readonly : null,
        data: JSON.stringify(k),
      });
    }
  }
  if (action === 'GetVariables' && Array.isArray(r.getVariableResult)) {
    for (const item of r.getVariableResult as Json[]) {
      if (item.attributeStatus !== 'Accepted') continue;
      const component = (item.component ?? {}) as Json;
      const variable = (item.variable ?? {}) as Json;
      const evse = (component.evse ?? {}) as Json;
      if (typeof component.name !== 'string' || typeof variable.name !== 'string') continue;
      add({
        station_id: stationId,
        component: component.name,
        component_instance: text(component.instance),
        evse_id: int(evse.id),
        connector_id: int(evse.connectorId),
        variable: variable.name,
        variable_instance: text(variable.instance),
        attribute_type: text(item.attributeType, 'Actual'),
        value: typeof item.attributeValue === 'string' ? item.attributeValue : null,
        readonly: null,
        data: JSON.stringify(item),
      });
    }
  }
  return [...rows.values()];
}
