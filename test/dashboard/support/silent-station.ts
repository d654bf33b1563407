import { once } from 'node:events';
import { WebSocket } from 'ws';

/** A connected OCPP 1.6 station that never answers the hub's CALLs. */
export interface SilentStation {
  readonly identity: string;
  /** CALLs the hub sent (action names), left unanswered. */
  readonly ignored: string[];
  close(): Promise<void>;
}

/**
 * A raw OCPP-J 1.6 client: boots (BootNotification Accepted), reports connector 1 Available, and
 * from then on stays connected — WebSocket pings are answered by `ws` itself — but never answers
 * a CALL, so every command to it ends in a timeout.
 */
export async function connectSilentStation(ocppUrl: string, identity: string): Promise<SilentStation> {
  const ws = new WebSocket(`${ocppUrl}/${encodeURIComponent(identity)}`, ['ocpp1.6'], { perMessageDeflate: false });
  await once(ws, 'open');
  const ignored: string[] = [];
  const waiting = new Map<string, (payload: unknown) => void>();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as [number, string, ...unknown[]];
    if (frame[0] === 2) ignored.push(String(frame[2]));
    else waiting.get(frame[1])?.(frame[0] === 3 ? frame[2] : frame);
  });
  let next = 0;
  const call = (action: string, payload: object) =>
    new Promise<{ status?: string } | undefined>((resolve, reject) => {
      const id = `silent-${++next}`;
      const timer = setTimeout(() => reject(new Error(`${identity}: no answer to ${action}`)), 10_000);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(answer as { status?: string } | undefined);
      });
      ws.send(JSON.stringify([2, id, action, payload]));
    });
  const boot = await call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Silent' });
  if (boot?.status !== 'Accepted') throw new Error(`${identity}: boot not accepted: ${JSON.stringify(boot)}`);
  await call('StatusNotification', {
    connectorId: 1,
    errorCode: 'NoError',
    status: 'Available',
    timestamp: new Date().toISOString(),
  });
  return {
    identity,
    ignored,
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      const closed = once(ws, 'close');
      ws.close(1000);
      await closed;
    },
  };
}
