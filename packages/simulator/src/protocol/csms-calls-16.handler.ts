import { type CallHandler, type JsonObject, OcppError } from '@chargebridge/ocpp';
import type { SimStation } from '../sim-station.js';
import * as act from '../station-actions.js';

type Body = JsonObject;

/** Limit of the first period of a 1.6 chargingProfile (§7.8), if any. */
function firstLimit(profile: Body | undefined): { value: number; unit: 'A' | 'W' } | undefined {
  const schedule = profile?.chargingSchedule as Body | undefined;
  const period = (schedule?.chargingSchedulePeriod as Body[] | undefined)?.[0];
  if (schedule === undefined || period === undefined) return undefined;
  return { value: Number(period.limit), unit: schedule.chargingRateUnit === 'W' ? 'W' : 'A' };
}

const TRIGGERS = new Set(['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues']);

/** Answers the CSMS-initiated CALLs of OCPP 1.6 a real charge point gets (1.6 §5). */
export function ocpp16CallHandler(station: SimStation): CallHandler {
  return (action, p) => {
    station.stats.received(action);
    switch (action) {
      case 'RemoteStartTransaction': {
        const ok = act.remoteStart(station, p.connectorId as number | undefined, p.idTag as string);
        if (ok && p.chargingProfile !== undefined) {
          act.applyChargingLimit(station, p.connectorId as number | undefined, firstLimit(p.chargingProfile as Body));
        }
        return { status: ok ? 'Accepted' : 'Rejected' };
      }
      case 'RemoteStopTransaction':
        return { status: act.remoteStop(station, p.transactionId as number) ? 'Accepted' : 'Rejected' };
      case 'Reset':
        act.reset(station, p.type === 'Hard');
        return { status: 'Accepted' };
      case 'ChangeAvailability':
        return { status: act.changeAvailability(station, p.connectorId as number, p.type === 'Operative') };
      case 'TriggerMessage': {
        const kind = p.requestedMessage as string;
        if (!TRIGGERS.has(kind)) return { status: 'NotImplemented' };
        const ok = act.trigger(station, kind as act.TriggerKind, p.connectorId as number | undefined);
        return { status: ok ? 'Accepted' : 'Rejected' };
      }
      case 'GetConfiguration': {
        const keys = p.key as string[] | undefined;
        const all = station.config.list();
        if (keys === undefined || keys.length === 0) return { configurationKey: all };
        return {
          configurationKey: all.filter((e) => keys.includes(e.key)),
          unknownKey: keys.filter((k) => station.config.get(k) === undefined),
        };
      }
      case 'ChangeConfiguration': {
        const status = station.config.set(p.key as string, p.value as string);
        if (status === 'Accepted' && p.key === 'HeartbeatInterval') station.rescheduleHeartbeat();
        return { status };
      }
      case 'UnlockConnector':
        return { status: act.unlock(station, p.connectorId as number) ? 'Unlocked' : 'NotSupported' };
      case 'ReserveNow':
        return {
          status: act.reserve(
            station,
            p.connectorId as number,
            p.reservationId as number,
            p.idTag as string,
            new Date(p.expiryDate as string),
          ),
        };
      case 'CancelReservation':
        return { status: act.cancelReservation(station, p.reservationId as number) ? 'Accepted' : 'Rejected' };
      case 'SetChargingProfile':
        act.applyChargingLimit(station, p.connectorId as number, firstLimit(p.csChargingProfiles as Body));
        return { status: 'Accepted' };
      case 'ClearChargingProfile':
        act.applyChargingLimit(station, p.connectorId as number | undefined, undefined);
        return { status: 'Accepted' };
      case 'DataTransfer':
        return { status: 'Accepted' };
      case 'ClearCache':
        return { status: 'Accepted' };
      case 'GetLocalListVersion':
        return { listVersion: 0 };
      case 'SendLocalList':
        return { status: 'Accepted' };
      default:
        throw new OcppError('NotImplemented', `${action} is not simulated`);
    }
  };
}
