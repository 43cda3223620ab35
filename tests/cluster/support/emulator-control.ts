/**
 * The emulator's fault control over HTTP (X-Service-Token), as the drills use it against the
 * running emulator: faults, client state, the config service mode, stats.
 */
import type { EmulatorStats } from '../../../emulator/index';
import type { Secret } from './log-secrets';

export interface EmulatorControl {
  call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  stats(): Promise<EmulatorStats>;
}

export function emulatorControl(url: string, token: string): EmulatorControl {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${url}/__emulator${path}`, {
      method,
      headers: { 'X-Service-Token': token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    const text = await response.text();
    // The answer may hold a client secret (clients, rotate-secret): never put it in an error.
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status}`);
    return JSON.parse(text) as T;
  }
  return { call, stats: () => call<EmulatorStats>('GET', '/stats') };
}

type ClientList = { clients: Array<{ tenantId: string; clientSecret: string; purpose: string }> };

/** Every client secret of every org, as the emulator holds them now. */
export async function collectClientSecrets(url: string, token: string): Promise<Secret[]> {
  const control = emulatorControl(url, token);
  const { tenants } = await control.call<{ tenants: Array<{ tenantId: string }> }>('GET', '/tenants');
  const lists = await Promise.all(
    tenants.map(({ tenantId }) => control.call<ClientList>('GET', `/tenants/${tenantId}/clients`)),
  );
  return lists.flatMap(({ clients }) =>
    clients.map((client) => ({
      kind: `client secret (${client.tenantId}, ${client.purpose})`,
      value: client.clientSecret,
    })),
  );
}
