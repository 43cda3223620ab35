// Helpers that drive `emulator.handle` directly with Request objects (no msw, no sockets).
import type { Emulator, TenantCredential } from '../../../emulator/index';

export const BASE = 'https://emulator.test';

export const basicAuth = (clientId: string, secret: string): string =>
  `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;

export function tokenRequest(
  clientId: string,
  secret: string,
  body = 'grant_type=client_credentials',
  base = BASE,
): Request {
  return new Request(`${base}/oauth/token`, {
    method: 'POST',
    headers: { authorization: basicAuth(clientId, secret), 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

export async function getToken(
  emulator: Emulator,
  credential: Pick<TenantCredential, 'clientId' | 'clientSecret'>,
): Promise<string> {
  const response = await emulator.handle(tokenRequest(credential.clientId, credential.clientSecret));
  if (response.status !== 200) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export type CallInit = { method?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string };

export async function call(emulator: Emulator, token: string | undefined, path: string, init: CallInit = {}) {
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await emulator.handle(
    new Request(`${BASE}${path}`, { method: init.method ?? 'GET', headers: { ...headers, ...init.headers }, body }),
  );
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json: json as Record<string, unknown>, text };
}

export function credentialOf(emulator: Emulator, tenantId: string): TenantCredential {
  const credential = emulator.listTenantCredentials().find((candidate) => candidate.tenantId === tenantId);
  if (!credential) throw new Error(`no tenant ${tenantId}`);
  return credential;
}

/** Asserts the ErrorBody shape and returns it typed. */
export type ErrorBodyShape = {
  message: string;
  code: string;
  status: number;
  contextId: string;
  details: unknown[];
  errors: unknown[];
};

export function isErrorBody(value: unknown): value is ErrorBodyShape {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.message === 'string' &&
    typeof body.code === 'string' &&
    typeof body.status === 'number' &&
    typeof body.contextId === 'string' &&
    Array.isArray(body.details) &&
    Array.isArray(body.errors)
  );
}
