/** The transaction fields every admin list of transactions shows. */
interface TransactionFields {
  id: number;
  transaction_uid: string;
  status: string;
  ocpp_evse_id: number | null;
  ocpp_connector_id: number | null;
  id_token: string | null;
  token_type: string | null;
  started_at: Date | null;
  stopped_at: Date | null;
  energy_wh: number;
  stop_reason: string | null;
  charging_state: string | null;
}

/** One transaction row as the admin API names its fields (`GET /transactions`, a station's sessions). */
export function transactionView(t: TransactionFields) {
  return {
    id: t.id,
    transaction_id: t.transaction_uid,
    status: t.status,
    evse_id: t.ocpp_evse_id,
    connector_id: t.ocpp_connector_id,
    id_token: t.id_token,
    token_type: t.token_type,
    started_at: t.started_at?.toISOString() ?? null,
    stopped_at: t.stopped_at?.toISOString() ?? null,
    energy_wh: t.energy_wh,
    stop_reason: t.stop_reason,
    charging_state: t.charging_state,
  };
}
