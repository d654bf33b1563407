import type { OcppVersion } from '@chargebridge/ocpp';

interface Entry {
  value: string;
  readonly readonly: boolean;
}

/** Result of a write (1.6 ConfigurationStatus / 2.x SetVariableStatusEnumType share these names). */
export type ConfigWriteStatus = 'Accepted' | 'Rejected' | 'NotSupported';

/** The keys the simulator acts on, under each version's name. */
const KEYS: Record<'heartbeat' | 'meterInterval' | 'authorizeRemote', Record<'1.6' | '2.x', string>> = {
  heartbeat: { '1.6': 'HeartbeatInterval', '2.x': 'OCPPCommCtrlr.HeartbeatInterval' },
  meterInterval: { '1.6': 'MeterValueSampleInterval', '2.x': 'SampledDataCtrlr.TxUpdatedInterval' },
  authorizeRemote: { '1.6': 'AuthorizeRemoteTxRequests', '2.x': 'AuthCtrlr.AuthorizeRemoteStart' },
};

/**
 * A station's configuration: 1.6 configuration keys (GetConfiguration / ChangeConfiguration) or,
 * for 2.x, `Component.Variable` device-model entries (GetVariables / SetVariables). Integer keys
 * are checked; HeartbeatInterval and the meter interval change the station's behaviour at once.
 */
export class StationConfig {
  private readonly entries = new Map<string, Entry>();
  private readonly flavour: '1.6' | '2.x';

  constructor(version: OcppVersion, identity: string, connectors: number, heartbeatS: number, meterS: number) {
    this.flavour = version === '1.6' ? '1.6' : '2.x';
    const rw = (value: string | number | boolean) => ({ value: String(value), readonly: false });
    const ro = (value: string | number | boolean) => ({ value: String(value), readonly: true });
    const keys: Record<string, Entry> =
      this.flavour === '1.6'
        ? {
            HeartbeatInterval: rw(heartbeatS),
            MeterValueSampleInterval: rw(meterS),
            AuthorizeRemoteTxRequests: rw(false),
            NumberOfConnectors: ro(connectors),
            ConnectionTimeOut: rw(60),
            StopTransactionOnInvalidId: rw(true),
            MeterValuesSampledData: rw('Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC'),
            WebSocketPingInterval: rw(0),
            LocalPreAuthorize: rw(false),
            SupportedFeatureProfiles: ro('Core,RemoteTrigger,Reservation,SmartCharging'),
          }
        : {
            'OCPPCommCtrlr.HeartbeatInterval': rw(heartbeatS),
            'SampledDataCtrlr.TxUpdatedInterval': rw(meterS),
            'SampledDataCtrlr.TxUpdatedMeasurands': rw(
              'Energy.Active.Import.Register,Power.Active.Import,Current.Import,SoC',
            ),
            'AuthCtrlr.AuthorizeRemoteStart': rw(false),
            'TxCtrlr.EVConnectionTimeOut': rw(60),
            'SecurityCtrlr.Identity': ro(identity),
            'SecurityCtrlr.SecurityProfile': ro(1),
            'ChargingStation.AvailabilityState': ro('Available'),
            'EVSE.Count': ro(connectors),
          };
    for (const [key, entry] of Object.entries(keys)) this.entries.set(key, entry);
  }

  /** The value of a key, `undefined` if unknown. */
  get(key: string): string | undefined {
    return this.entries.get(key)?.value;
  }

  /** Whether `key` exists and is read-only. */
  isReadonly(key: string): boolean {
    return this.entries.get(key)?.readonly === true;
  }

  /** Every key, for a GetConfiguration without keys. */
  list(): Array<{ key: string; value: string; readonly: boolean }> {
    return [...this.entries].map(([key, e]) => ({ key, value: e.value, readonly: e.readonly }));
  }

  /** Writes a value; unknown keys are NotSupported, read-only or ill-typed ones Rejected. */
  set(key: string, value: string): ConfigWriteStatus {
    const entry = this.entries.get(key);
    if (entry === undefined) return 'NotSupported';
    if (entry.readonly) return 'Rejected';
    if (/^\d+$/.test(entry.value) && !/^\d+$/.test(value)) return 'Rejected';
    entry.value = value;
    return 'Accepted';
  }

  /** Heartbeat interval in seconds (0 = off). */
  get heartbeatS(): number {
    return Number(this.get(KEYS.heartbeat[this.flavour]));
  }

  set heartbeatS(seconds: number) {
    this.entries.get(KEYS.heartbeat[this.flavour])!.value = String(seconds);
  }

  /** Meter sample interval in seconds. */
  get meterS(): number {
    return Number(this.get(KEYS.meterInterval[this.flavour]));
  }

  /** Whether a remote start is authorized first (1.6 AuthorizeRemoteTxRequests). */
  get authorizeRemote(): boolean {
    return this.get(KEYS.authorizeRemote[this.flavour]) === 'true';
  }
}
