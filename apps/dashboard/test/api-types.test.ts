import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the dashboard API types', () => {
  it('match the hub’s OpenAPI document (regenerate with npm run api:types)', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/generate-api-types.ts', '--check'], {
      timeout: 120_000,
    });
    expect(stdout).toContain('schema.d.ts is up to date');
  }, 150_000);
});
