import { Counter, Gauge, Histogram, register } from 'prom-client';

function getOrCreate<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * The gateway's Prometheus metrics, in the default registry that the API's `/metrics` serves.
 * Created once per process (several gateways in one test process share them).
 */
export const gatewayMetrics = {
  connected: getOrCreate(
    'chargebridge_ocpp_connected_stations',
    () =>
      new Gauge({
        name: 'chargebridge_ocpp_connected_stations',
        help: 'Stations connected, by OCPP version',
        labelNames: ['version'],
      }),
  ),
  messages: getOrCreate(
    'chargebridge_ocpp_messages_total',
    () =>
      new Counter({
        name: 'chargebridge_ocpp_messages_total',
        help: 'Inbound OCPP CALL/SEND messages, by version and action',
        labelNames: ['version', 'action'],
      }),
  ),
  errors: getOrCreate(
    'chargebridge_ocpp_errors_total',
    () =>
      new Counter({
        name: 'chargebridge_ocpp_errors_total',
        help: 'OCPP errors (bad frames, CALLERRORs sent), by error code',
        labelNames: ['code'],
      }),
  ),
  callLatency: getOrCreate(
    'chargebridge_ocpp_call_duration_seconds',
    () =>
      new Histogram({
        name: 'chargebridge_ocpp_call_duration_seconds',
        help: 'Latency of CALLs sent to stations, by action and outcome',
        labelNames: ['action', 'outcome'],
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      }),
  ),
  handshakes: getOrCreate(
    'chargebridge_ocpp_handshakes_total',
    () =>
      new Counter({
        name: 'chargebridge_ocpp_handshakes_total',
        help: 'WebSocket handshakes, by outcome',
        labelNames: ['outcome'],
      }),
  ),
};
