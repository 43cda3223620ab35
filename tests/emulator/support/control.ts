// Fault-control calls through emulator.handle, for tests that need an extra client etc.
import type { Emulator } from '../../../emulator/index';
import { BASE } from './direct';

export async function control<T = Record<string, unknown>>(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await emulator.handle(
    new Request(`${BASE}/__emulator${path}`, {
      method,
      headers: {
        'x-service-token': emulator.configServiceToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as T };
}

export type AddedClient = { clientId: string; clientSecret: string; orgId: string; permissions: string[] };

export async function addClient(
  emulator: Emulator,
  tenant: string,
  permissions: string[],
  extra: Record<string, unknown> = {},
): Promise<AddedClient> {
  const { status, body } = await control<AddedClient>(emulator, 'POST', `/tenants/${tenant}/clients`, {
    permissions,
    ...extra,
  });
  if (status !== 201) throw new Error(`addClient failed: ${status}`);
  return body;
}
