import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { knownVariables } from '@chargebridge/config';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const composeFile = resolve(root, 'docker/compose.yml');

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

function services(): Record<string, Service> {
  const doc = parse(readFileSync(composeFile, 'utf8'), { merge: true }) as { services: Record<string, Service> };
  return doc.services;
}

const hubServices = () => Object.entries(services()).filter(([, s]) => s.command?.[0] === 'start');

describe('docker/compose.yml', () => {
  it('sets only variables that packages/config knows', () => {
    const unknown = hubServices().flatMap(([name, s]) =>
      Object.keys(s.environment ?? {})
        .filter((v) => !knownVariables.includes(v))
        .map((v) => `${name}.${v}`),
    );
    expect(unknown).toEqual([]);
  });

  it('runs two gateways, the API and workers from the one image, each role by its command', () => {
    const roles = hubServices().map(([, s]) => s.command?.[2]);
    expect(roles.filter((r) => r === 'gateway')).toHaveLength(2);
    expect(roles).toContain('api');
    expect(roles).toContain('worker');
    for (const [name, s] of Object.entries(services())) {
      if (name !== 'worker') expect(s.healthcheck, `${name} has a health check`).toBeDefined();
    }
  });

  it('passes `docker-compose config`', () => {
    const output = execFileSync('docker-compose', ['-f', composeFile, 'config', '-q'], {
      env: { ...process.env, ADMIN_TOKEN: 'compose-test-token-0123' },
      stdio: 'pipe',
    });
    expect(output.toString()).toBe('');
  });
});

describe('docker/Dockerfile', () => {
  it('copies the package.json of every workspace before npm ci', () => {
    const dockerfile = readFileSync(resolve(root, 'docker/Dockerfile'), 'utf8');
    const workspaces = ['apps', 'packages'].flatMap((dir) =>
      readdirSync(resolve(root, dir)).map((name) => `${dir}/${name}/package.json`),
    );
    const missing = workspaces.filter((path) => !dockerfile.includes(`COPY ${path} `));
    expect(missing).toEqual([]);
  });
});
