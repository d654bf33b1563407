import { type CallHandler, type JsonObject, OcppError } from '@chargebridge/ocpp';
import type { SimStation } from '../sim-station.js';
import * as act from '../station-actions.js';

type Body = JsonObject;

function limitOf(profile: Body | undefined): { value: number; unit: 'A' | 'W' } | undefined {
  const schedule = (profile?.chargingSchedule as Body[] | undefined)?.[0];
  const period = (schedule?.chargingSchedulePeriod as Body[] | undefined)?.[0];
  if (schedule === undefined || period === undefined) return undefined;
  return { value: Number(period.limit), unit: schedule.chargingRateUnit === 'W' ? 'W' : 'A' };
}

/** 2.x device model key of a component/variable pair (EVSE- or connector-level instances folded). */
function keyOf(item: Body): string {
  return `${(item.component as Body).name}.${(item.variable as Body).name}`;
}

const TRIGGERS: Record<string, act.TriggerKind> = {
  BootNotification: 'BootNotification',
  Heartbeat: 'Heartbeat',
  StatusNotification: 'StatusNotification',
  MeterValues: 'MeterValues',
  TransactionEvent: 'MeterValues',
};

/** Answers the CSMS-initiated CALLs of OCPP 2.0.1 / 2.1 a real charging station gets. */
export function ocpp2xCallHandler(station: SimStation): CallHandler {
  return (action, p) => {
    station.stats.received(action);
    const evseId = (p.evse as Body | undefined)?.id as number | undefined;
    switch (action) {
      case 'RequestStartTransaction': {
        const token = (p.idToken as Body).idToken as string;
        const ok = act.remoteStart(station, p.evseId as number | undefined, token, p.remoteStartId as number);
        if (ok && p.chargingProfile !== undefined) {
          act.applyChargingLimit(station, p.evseId as number | undefined, limitOf(p.chargingProfile as Body));
        }
        return { status: ok ? 'Accepted' : 'Rejected' };
      }
      case 'RequestStopTransaction':
        return { status: act.remoteStop(station, p.transactionId as string) ? 'Accepted' : 'Rejected' };
      case 'Reset':
        act.reset(station, p.type === 'Immediate');
        return { status: 'Accepted' };
      case 'ChangeAvailability':
        return { status: act.changeAvailability(station, evseId, p.operationalStatus === 'Operative') };
      case 'TriggerMessage': {
        const kind = TRIGGERS[p.requestedMessage as string];
        if (kind === undefined) return { status: 'NotImplemented' };
        return { status: act.trigger(station, kind, evseId) ? 'Accepted' : 'Rejected' };
      }
      case 'GetVariables':
        return {
          getVariableResult: (p.getVariableData as Body[]).map((item) => {
            const value = station.config.get(keyOf(item));
            const component = item.component as Body;
            return {
              attributeStatus: value === undefined ? 'UnknownVariable' : 'Accepted',
              component,
              variable: item.variable,
              ...(value === undefined ? {} : { attributeValue: value }),
            };
          }),
        };
      case 'GetBaseReport':
        if (p.reportBase === 'SummaryInventory') return { status: 'NotSupported' };
        act.baseReport(station, p.requestId as number);
        return { status: 'Accepted' };
      case 'SetVariables':
        return {
          setVariableResult: (p.setVariableData as Body[]).map((item) => {
            const key = keyOf(item);
            const written = station.config.set(key, String(item.attributeValue));
            if (written === 'Accepted' && key === 'OCPPCommCtrlr.HeartbeatInterval') station.rescheduleHeartbeat();
            return {
              attributeStatus: written === 'NotSupported' ? 'UnknownVariable' : written,
              component: item.component,
              variable: item.variable,
            };
          }),
        };
      case 'UnlockConnector':
        return { status: act.unlock(station, p.evseId as number) ? 'Unlocked' : 'UnknownConnector' };
      case 'ReserveNow':
        return {
          status: act.reserve(
            station,
            p.evseId as number | undefined,
            p.id as number,
            (p.idToken as Body).idToken as string,
            new Date(p.expiryDateTime as string),
          ),
        };
      case 'CancelReservation':
        return { status: act.cancelReservation(station, p.reservationId as number) ? 'Accepted' : 'Rejected' };
      case 'SetChargingProfile':
        act.applyChargingLimit(station, p.evseId as number, limitOf(p.chargingProfile as Body));
        return { status: 'Accepted' };
      case 'ClearChargingProfile':
        act.applyChargingLimit(station, undefined, undefined);
        return { status: 'Accepted' };
      case 'GetTransactionStatus':
        return { messagesInQueue: station.queuedTransactionMessages > 0, ongoingIndicator: true };
      case 'DataTransfer':
      case 'ClearCache':
        return { status: 'Accepted' };
      case 'GetLocalListVersion':
        return { versionNumber: 0 };
      case 'SendLocalList':
        return { status: 'Accepted' };
      default:
        throw new OcppError('NotImplemented', `${action} is not simulated`);
    }
  };
}
