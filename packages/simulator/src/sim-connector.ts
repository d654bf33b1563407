import type { ChargingSession, ConnectorState, StopCause } from './charging-session.js';
import { MeterModel } from './meter-model.js';
import { drawMs, type SimulatorOptions } from './options.js';
import type { OutboundMessage, VersionAdapter } from './protocol/version-adapter.js';
import type { ScheduledTask, Scheduler } from './scheduler.js';
import type { SimStats } from './sim-stats.js';

/** What a connector needs from its station. */
export interface ConnectorHost {
  readonly options: SimulatorOptions;
  readonly scheduler: Scheduler;
  readonly stats: SimStats;
  readonly adapter: VersionAdapter;
  /** Connected and booted: messages go out now rather than queue. */
  readonly online: boolean;
  enqueue(message: OutboundMessage): void;
  nextToken(): string;
  /** Current meter sample interval in ms (changeable by the CSMS). */
  meterIntervalMs(): number;
}

/** A reservation held on a connector (1.6 ReserveNow / 2.x ReserveNow). */
export interface Reservation {
  readonly id: number;
  readonly idTag: string;
  readonly expiresAt: number;
}

/**
 * One connector living the charging cycle: Available → plug in (Preparing) → Authorize → start →
 * meter values every interval (with an optional SuspendedEV pause) → stop (Finishing) → unplug
 * (Available) → idle → again. Every timer is a task on the fleet's shared {@link Scheduler}.
 */
export class SimConnector {
  state: ConnectorState = 'Available';
  session: ChargingSession | undefined;
  reservation: Reservation | undefined;
  /** ChangeAvailability: Inoperative connectors refuse sessions. */
  operative = true;
  readonly meter = new MeterModel();
  private cycleTask: ScheduledTask | undefined;
  private meterTask: ScheduledTask | undefined;
  /** Bumped on every interruption, so an await that resumes late sees it was overtaken. */
  private generation = 0;

  constructor(
    readonly id: number,
    private readonly host: ConnectorHost,
  ) {}

  /** Starts the idle → session cycle (after the first accepted boot). */
  startCycle(): void {
    if (!this.host.options.charging || this.session !== undefined) return;
    this.schedule(drawMs(this.host.options.idleSeconds), () => void this.plugIn(this.host.nextToken()));
  }

  /** Stops every timer of this connector (station stop or reset). */
  halt(): void {
    this.generation++;
    this.cycleTask?.cancel();
    this.meterTask?.cancel();
    this.cycleTask = undefined;
    this.meterTask = undefined;
  }

  /** Whether a new session may start here (free, operative, and not reserved for someone else). */
  canStart(idTag?: string): boolean {
    if (!this.operative || this.session !== undefined) return false;
    if (this.state === 'Reserved') return this.reservation !== undefined && this.reservation.idTag === idTag;
    return this.state === 'Available';
  }

  /**
   * An EV plugs in and the driver presents `idTag`. Online, the token is authorized first (unless
   * the CSMS started it remotely); offline, the station authorizes locally and the transaction
   * messages queue up. Resolves whether a session started.
   */
  async plugIn(idTag: string, remote?: { remoteStartId?: number; authorize?: boolean }): Promise<boolean> {
    if (!this.canStart(idTag)) return false;
    const generation = ++this.generation;
    this.cycleTask?.cancel();
    const reservationId = this.reservation?.idTag === idTag ? this.reservation.id : undefined;
    this.reservation = undefined;
    this.setState('Preparing');
    if (this.host.online && (remote === undefined || remote.authorize === true)) {
      const accepted = await new Promise<boolean | undefined>((resolve) =>
        this.host.enqueue(this.host.adapter.authorize(idTag, resolve)),
      );
      if (generation !== this.generation) return false;
      if (accepted === false) {
        this.schedule(2_000, () => this.unplug());
        return false;
      }
    }
    this.start(idTag, remote?.remoteStartId, reservationId);
    return true;
  }

  /** Ends the running session for `cause`; the EV unplugs shortly after. */
  stop(cause: StopCause): boolean {
    const session = this.session;
    if (session === undefined) return false;
    this.generation++;
    this.cycleTask?.cancel();
    this.meterTask?.cancel();
    session.stopCause = cause;
    const sample = this.meter.sample(performance.now(), 'Transaction.End');
    for (const message of this.host.adapter.stopMessages(this, session, sample)) this.host.enqueue(message);
    this.session = undefined;
    this.host.stats.transactionsStopped++;
    this.setState('Finishing');
    this.schedule(cause === 'HardReset' || cause === 'SoftReset' ? 0 : 2_000, () => this.unplug());
    return true;
  }

  /** Sends the current state again (after a boot, or TriggerMessage StatusNotification). */
  reportStatus(): void {
    this.host.enqueue(this.host.adapter.statusNotification(this, this.state));
  }

  /** Sends a meter reading now (TriggerMessage MeterValues). */
  reportMeter(): void {
    const sample = this.meter.sample(performance.now(), 'Trigger');
    this.host.enqueue(this.host.adapter.meterMessage(this, this.session, sample));
  }

  /** Sets a state and tells the CSMS (dropped while offline: 1.6 §4.9, status is re-sent at boot). */
  setState(state: ConnectorState): void {
    this.state = state;
    this.host.enqueue(this.host.adapter.statusNotification(this, state));
  }

  private start(idTag: string, remoteStartId: number | undefined, reservationId: number | undefined): void {
    const now = performance.now();
    this.meter.plugIn(now);
    const sample = this.meter.sample(now, 'Transaction.Begin');
    const session: ChargingSession = {
      transactionId: this.host.adapter.newTransactionId(),
      idTag,
      startedAt: sample.at,
      meterStartWh: sample.energyWh,
      seqNo: 0,
      chargingState: 'Charging',
      remoteStartId,
      reservationId,
      stopCause: undefined,
      offlineSamples: [],
    };
    this.session = session;
    this.host.stats.transactionsStarted++;
    const messages = this.host.adapter.startMessages(this, session, sample, () => {
      if (this.session === session) this.stop('DeAuthorized');
    });
    for (const message of messages) this.host.enqueue(message);
    this.setState('Charging');
    this.scheduleMeter(session);
    const lengthMs = drawMs(this.host.options.sessionSeconds);
    if (Math.random() < this.host.options.suspendProbability) {
      const at = lengthMs * (0.3 + Math.random() * 0.3);
      this.schedule(at, () => this.suspend(session, true, lengthMs * 0.15, lengthMs - at));
    } else {
      this.schedule(lengthMs, () => this.stop('Local'));
    }
  }

  /** SuspendedEV for `pauseMs`, then Charging again until the session's end. */
  private suspend(session: ChargingSession, suspended: boolean, pauseMs: number, remainingMs: number): void {
    if (this.session !== session) return;
    session.chargingState = suspended ? 'SuspendedEV' : 'Charging';
    this.meter.setSuspended(suspended, performance.now());
    const message = this.host.adapter.chargingStateMessage(this, session);
    if (message !== undefined) this.host.enqueue(message);
    this.setState(suspended ? 'SuspendedEV' : 'Charging');
    if (suspended) this.schedule(pauseMs, () => this.suspend(session, false, 0, remainingMs - pauseMs));
    else this.schedule(Math.max(0, remainingMs), () => this.stop('Local'));
  }

  private scheduleMeter(session: ChargingSession): void {
    this.meterTask = this.host.scheduler.after(this.host.meterIntervalMs(), () => {
      if (this.session !== session) return;
      const sample = this.meter.sample(performance.now(), 'Sample.Periodic');
      // 1.6 §6.50: StopTransaction.transactionData carries what was sampled while offline.
      if (!this.host.online && this.host.adapter.version === '1.6') session.offlineSamples.push(sample);
      this.host.enqueue(this.host.adapter.meterMessage(this, session, sample));
      this.scheduleMeter(session);
    });
  }

  private unplug(): void {
    this.meter.setSuspended(false, performance.now());
    this.setState(this.operative ? 'Available' : 'Unavailable');
    if (this.operative) this.startCycle();
  }

  private schedule(delayMs: number, fn: () => void): void {
    this.cycleTask?.cancel();
    this.cycleTask = this.host.scheduler.after(delayMs, fn);
  }
}
