import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { parseEmulatorEnv } from '../../emulator/main-env';

describe('parseEmulatorEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEmulatorEnv({})).toEqual({
      ok: true,
      tokenGenerated: true,
      options: { port: 8787, host: '127.0.0.1', seed: 42, faultControl: false },
    });
  });

  it('reads every variable', () => {
    const result = parseEmulatorEnv({
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_SEED: '9',
      EMULATOR_ORG_SIZES: '100, 20,5',
      EMULATOR_FAULT_CONTROL: 'true',
      CONFIG_SERVICE_TOKEN: 'sixteen-chars-at-least',
    });
    expect(result).toEqual({
      ok: true,
      tokenGenerated: false,
      options: {
        port: 0,
        host: '0.0.0.0',
        seed: 9,
        orgSizes: [100, 20, 5],
        faultControl: true,
        configServiceToken: 'sixteen-chars-at-least',
      },
    });
  });

  it.each([
    ['EMULATOR_PORT', 'eighty'],
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_SEED', '-1'],
    ['EMULATOR_ORG_SIZES', '10,,20'],
    ['EMULATOR_ORG_SIZES', '0'],
    ['EMULATOR_FAULT_CONTROL', 'yes'],
    ['CONFIG_SERVICE_TOKEN', 'short'],
  ])('names the bad variable %s=%s', (name, value) => {
    const result = parseEmulatorEnv({ [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(`Invalid ${name}`);
  });
});

describe('npm run emulator (emulator/main.ts)', () => {
  it('starts, prints its URLs, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
      env: {
        ...process.env,
        EMULATOR_PORT: '0',
        EMULATOR_ORG_SIZES: '10,5',
        CONFIG_SERVICE_TOKEN: 'token-for-the-main-test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1] && output.includes('acme-sandbox')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toContain(`${url}/api/v1/genesys/tenants`);
    const tenants = await fetch(`${url}/api/v1/genesys/tenants`, {
      headers: { 'X-Service-Token': 'token-for-the-main-test' },
    });
    expect(tenants.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });

  it('exits 1 naming a bad variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], {
      env: { ...process.env, EMULATOR_PORT: 'nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(errors).toContain('Invalid EMULATOR_PORT');
  });
});
