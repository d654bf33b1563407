import { StationCallInvalidError } from './station-call.errors.js';

/** OCPP versions as the store spells them. */
export type ProtocolVersion = '1.6' | '2.0.1' | '2.1';

/** One CALL ready for `StationCalls.call`. */
export interface StationCommand {
  action: string;
  payload: Record<string, unknown>;
}

/** A token as the hub models it (`@chargebridge/domain` IdToken). */
export interface CommandIdToken {
  idToken: string;
  type: string;
}

function only16(version: ProtocolVersion, what: string): void {
  if (version !== '1.6')
    throw new StationCallInvalidError(`${what} exists only in OCPP 1.6 (station speaks ${version})`);
}

function only2(version: ProtocolVersion, what: string): void {
  if (version === '1.6')
    throw new StationCallInvalidError(`${what} exists only in OCPP 2.0.1 / 2.1 (station speaks 1.6)`);
}

/** Drops `undefined` members so optional fields are absent, as the schemas require. */
function clean(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * Version-aware builders of the commands the OCPI bridge needs. EVSE numbering follows
 * `@chargebridge/domain` evse-identity: 1.6 connectorId N ≙ 2.x EVSE N.
 */
export const stationCommands = {
  /** 1.6 RemoteStartTransaction / 2.x RequestStartTransaction. */
  remoteStart(
    v: ProtocolVersion,
    a: { evseId?: number; idToken: CommandIdToken; remoteStartId: number; chargingProfile?: Record<string, unknown> },
  ): StationCommand {
    if (v === '1.6') {
      return {
        action: 'RemoteStartTransaction',
        payload: clean({
          connectorId: a.evseId,
          idTag: a.idToken.idToken.slice(0, 20),
          chargingProfile: a.chargingProfile,
        }),
      };
    }
    return {
      action: 'RequestStartTransaction',
      payload: clean({
        evseId: a.evseId,
        idToken: a.idToken,
        remoteStartId: a.remoteStartId,
        chargingProfile: a.chargingProfile,
      }),
    };
  },

  /** 1.6 RemoteStopTransaction (integer id) / 2.x RequestStopTransaction. */
  remoteStop(v: ProtocolVersion, a: { transactionUid: string }): StationCommand {
    if (v === '1.6') {
      const id = Number(a.transactionUid);
      if (!Number.isInteger(id))
        throw new StationCallInvalidError(`1.6 transaction ids are integers (got ${a.transactionUid})`);
      return { action: 'RemoteStopTransaction', payload: { transactionId: id } };
    }
    return { action: 'RequestStopTransaction', payload: { transactionId: a.transactionUid } };
  },

  /** Reset: `hard` ≙ 1.6 Hard / 2.x Immediate; otherwise Soft / OnIdle. */
  reset(v: ProtocolVersion, a: { hard?: boolean; evseId?: number } = {}): StationCommand {
    if (v === '1.6') return { action: 'Reset', payload: { type: a.hard ? 'Hard' : 'Soft' } };
    return { action: 'Reset', payload: clean({ type: a.hard ? 'Immediate' : 'OnIdle', evseId: a.evseId }) };
  },

  unlock(v: ProtocolVersion, a: { evseId: number; connectorId?: number }): StationCommand {
    if (v === '1.6') return { action: 'UnlockConnector', payload: { connectorId: a.evseId } };
    return { action: 'UnlockConnector', payload: { evseId: a.evseId, connectorId: a.connectorId ?? 1 } };
  },

  /** Without `evseId` the whole station. */
  changeAvailability(v: ProtocolVersion, a: { evseId?: number; operative: boolean }): StationCommand {
    const status = a.operative ? 'Operative' : 'Inoperative';
    if (v === '1.6') return { action: 'ChangeAvailability', payload: { connectorId: a.evseId ?? 0, type: status } };
    return {
      action: 'ChangeAvailability',
      payload: clean({ operationalStatus: status, evse: a.evseId === undefined ? undefined : { id: a.evseId } }),
    };
  },

  /** `message` is spelled per version (e.g. 1.6 `StatusNotification`, 2.x `StatusNotification`). */
  triggerMessage(v: ProtocolVersion, a: { message: string; evseId?: number }): StationCommand {
    if (v === '1.6')
      return { action: 'TriggerMessage', payload: clean({ requestedMessage: a.message, connectorId: a.evseId }) };
    return {
      action: 'TriggerMessage',
      payload: clean({ requestedMessage: a.message, evse: a.evseId === undefined ? undefined : { id: a.evseId } }),
    };
  },

  getConfiguration(v: ProtocolVersion, a: { keys?: string[] } = {}): StationCommand {
    only16(v, 'GetConfiguration');
    return { action: 'GetConfiguration', payload: clean({ key: a.keys }) };
  },

  /** 1.6 ChangeConfiguration. */
  setConfiguration(v: ProtocolVersion, a: { key: string; value: string }): StationCommand {
    only16(v, 'ChangeConfiguration');
    return { action: 'ChangeConfiguration', payload: { key: a.key, value: a.value } };
  },

  getVariables(
    v: ProtocolVersion,
    a: { items: Array<{ component: string; variable: string; evseId?: number; attributeType?: string }> },
  ): StationCommand {
    only2(v, 'GetVariables');
    return {
      action: 'GetVariables',
      payload: {
        getVariableData: a.items.map((i) =>
          clean({
            component: clean({ name: i.component, evse: i.evseId === undefined ? undefined : { id: i.evseId } }),
            variable: { name: i.variable },
            attributeType: i.attributeType,
          }),
        ),
      },
    };
  },

  setVariables(
    v: ProtocolVersion,
    a: {
      items: Array<{ component: string; variable: string; value: string; evseId?: number; attributeType?: string }>;
    },
  ): StationCommand {
    only2(v, 'SetVariables');
    return {
      action: 'SetVariables',
      payload: {
        setVariableData: a.items.map((i) =>
          clean({
            component: clean({ name: i.component, evse: i.evseId === undefined ? undefined : { id: i.evseId } }),
            variable: { name: i.variable },
            attributeValue: i.value,
            attributeType: i.attributeType,
          }),
        ),
      },
    };
  },

  reserve(
    v: ProtocolVersion,
    a: { reservationId: number; evseId?: number; idToken: CommandIdToken; expiresAt: Date },
  ): StationCommand {
    if (v === '1.6') {
      return {
        action: 'ReserveNow',
        payload: {
          connectorId: a.evseId ?? 0,
          expiryDate: a.expiresAt.toISOString(),
          idTag: a.idToken.idToken.slice(0, 20),
          reservationId: a.reservationId,
        },
      };
    }
    return {
      action: 'ReserveNow',
      payload: clean({
        id: a.reservationId,
        expiryDateTime: a.expiresAt.toISOString(),
        idToken: a.idToken,
        evseId: a.evseId,
      }),
    };
  },

  cancelReservation(_v: ProtocolVersion, a: { reservationId: number }): StationCommand {
    return { action: 'CancelReservation', payload: { reservationId: a.reservationId } };
  },

  /** `profile` is the version's own ChargingProfile object (1.6 csChargingProfiles / 2.x chargingProfile). */
  setChargingProfile(v: ProtocolVersion, a: { evseId: number; profile: Record<string, unknown> }): StationCommand {
    if (v === '1.6')
      return { action: 'SetChargingProfile', payload: { connectorId: a.evseId, csChargingProfiles: a.profile } };
    return { action: 'SetChargingProfile', payload: { evseId: a.evseId, chargingProfile: a.profile } };
  },

  clearChargingProfile(v: ProtocolVersion, a: { profileId?: number; evseId?: number } = {}): StationCommand {
    if (v === '1.6')
      return { action: 'ClearChargingProfile', payload: clean({ id: a.profileId, connectorId: a.evseId }) };
    return {
      action: 'ClearChargingProfile',
      payload: clean({
        chargingProfileId: a.profileId,
        chargingProfileCriteria: a.evseId === undefined ? undefined : { evseId: a.evseId },
      }),
    };
  },

  getCompositeSchedule(
    v: ProtocolVersion,
    a: { evseId: number; durationS: number; rateUnit?: 'W' | 'A' },
  ): StationCommand {
    if (v === '1.6') {
      return {
        action: 'GetCompositeSchedule',
        payload: clean({ connectorId: a.evseId, duration: a.durationS, chargingRateUnit: a.rateUnit }),
      };
    }
    return {
      action: 'GetCompositeSchedule',
      payload: clean({ evseId: a.evseId, duration: a.durationS, chargingRateUnit: a.rateUnit }),
    };
  },
} as const;

/** Whether a command response reports success (`status: "Accepted"`, the common case). */
export function isAccepted(response: unknown): boolean {
  return typeof response === 'object' && response !== null && (response as { status?: unknown }).status === 'Accepted';
}
