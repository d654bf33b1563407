import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { spawnCli } from '../../../apps/hub/test/run-cli.js';
import { freePort } from '../../support/free-port.js';

/** Hub processes started by {@link startCluster}: one per gateway node, then one API process. */
export interface HubCluster {
  /** The gateway processes, in the order of `gatewayNodes`. */
  gateways: ChildProcess[];
  /** Every process (gateways and the API). */
  children: ChildProcess[];
  /** The OCPP port of each gateway, in the order of `gatewayNodes`. */
  ocppPorts: number[];
  apiPort: number;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `check` is true (expect.poll is not available in hooks). */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('hub processes did not start in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts `chargebridge start --role gateway` once per node id and one `--role api` process (node
 * id `apiNode`), all with `env` (database, Redis, admin token…), and waits until every gateway
 * listens and the API answers ready.
 */
export async function startCluster(
  env: Record<string, string>,
  gatewayNodes: string[],
  apiNode: string,
): Promise<HubCluster> {
  const ocppPorts: number[] = [];
  for (const _ of gatewayNodes) ocppPorts.push(await freePort());
  const apiPort = await freePort();
  const gateways: ChildProcess[] = [];
  for (const [i, nodeId] of gatewayNodes.entries()) {
    gateways.push(
      spawnCli(['start', '--role', 'gateway'], {
        ...env,
        OCPP_PORT: String(ocppPorts[i]),
        PORT: String(await freePort()),
        NODE_ID: nodeId,
      }),
    );
  }
  const api = spawnCli(['start', '--role', 'api'], {
    ...env,
    PORT: String(apiPort),
    OCPP_PORT: String(await freePort()),
    NODE_ID: apiNode,
  });
  const children = [...gateways, api];
  for (const child of children) child.stderr?.on('data', () => {});
  for (const port of ocppPorts) await waitFor(() => portOpen(port));
  await waitFor(() =>
    fetch(`http://127.0.0.1:${apiPort}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    ),
  );
  return { gateways, children, ocppPorts, apiPort };
}

/** SIGTERM to every process still running, SIGKILL after 10 s. */
export async function stopCluster(cluster: HubCluster | undefined): Promise<void> {
  for (const child of cluster?.children ?? []) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }
}
