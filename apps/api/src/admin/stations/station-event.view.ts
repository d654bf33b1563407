import { provisioningView } from './provisioning.view.js';

type Json = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const join = (...parts: Array<string | undefined>) => parts.filter((p) => p !== undefined).join(' · ');

/** Summaries by event kind: what an operator reads in the station's event log. */
const SUMMARIES: Readonly<Record<string, (p: Json) => string>> = {
  Connected: (p) => join(`connected to ${text(p.node) ?? 'a gateway node'}`, text(p.version) && `OCPP ${p.version}`),
  Disconnected: (p) => `disconnected from ${text(p.node) ?? 'a gateway node'}`,
  Unhandled: (p) => `${text(p.action) ?? 'a message'} the hub does not handle (answered NotImplemented)`,
  NotifyReport: (p) =>
    join(
      `report ${p.requestId} part ${p.seqNo}`,
      `${p.variables ?? 0} values`,
      p.tbc === true ? 'more to come' : undefined,
    ),
  NotifyEvent: (p) => {
    const component = (p.component ?? {}) as Json;
    const variable = (p.variable ?? {}) as Json;
    return join(
      `${text(component.name) ?? '?'}.${text(variable.name) ?? '?'} = ${text(p.actualValue) ?? '—'}`,
      text(p.trigger),
    );
  },
  SecurityEventNotification: (p) => join(text(p.type), text(p.techInfo)),
  FirmwareStatusNotification: (p) => `firmware: ${text(p.status) ?? '?'}`,
  SignedFirmwareStatusNotification: (p) => `signed firmware: ${text(p.status) ?? '?'}`,
  DiagnosticsStatusNotification: (p) => `diagnostics upload: ${text(p.status) ?? '?'}`,
  LogStatusNotification: (p) => `log upload: ${text(p.status) ?? '?'}`,
  DataTransfer: (p) => join(`vendor ${text(p.vendorId) ?? '?'}`, text(p.messageId)),
  ReservationStatusUpdate: (p) => `reservation ${p.reservationId}: ${text(p.reservationUpdateStatus) ?? '?'}`,
  SignCertificate: (p) => join(`certificate request ${text(p.status) ?? ''}`.trim(), text(p.reason)),
  CertificateSigned: (p) =>
    join(
      text(p.serial_number) ? `certificate ${p.serial_number} sent` : 'certificate sent',
      text(p.not_after) && `valid until ${p.not_after}`,
      text(p.status) && `station answered ${p.status}`,
    ),
  CertificateSigningFailed: (p) => `certificate not delivered: ${text(p.reason) ?? 'unknown'}`,
};

/**
 * One station event (station_events) for the station detail's event log: its kind, time, a one-line
 * summary — one place that maps every kind the hub records — and the payload as recorded.
 */
export function stationEventView(event: { id: number; kind: string; payload: unknown; occurred_at: Date }) {
  const payload = (event.payload ?? {}) as Json;
  let summary: string;
  if (event.kind === 'Provisioned' || event.kind === 'ProvisioningFailed') {
    const run = provisioningView(event)!;
    summary = `${run.outcome === 'failed' ? 'provisioning failed' : run.accepted ? 'provisioned and accepted' : 'provisioned'}: ${run.detail}`;
  } else {
    summary = SUMMARIES[event.kind]?.(payload) ?? text(payload.status) ?? '';
  }
  return { id: event.id, kind: event.kind, at: event.occurred_at.toISOString(), summary, payload: event.payload };
}
