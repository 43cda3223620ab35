/**
 * The two HTTP calls behind a token: the client-credentials grant (genesys-api.md §3) and the
 * binding check GET /api/v2/tokens/me. Outcomes are data, never exceptions, and carry only
 * status and error codes: the token and the secret stay out of anything that might be logged.
 */
import { z } from 'zod';
import type { FetchLike, TenantConnection } from './ports';

const grantSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const oauthErrorSchema = z.object({ error: z.string() });
const tokenInfoSchema = z.object({ organization: z.object({ id: z.string() }) });

export type Failure = { ok: false; status?: number; code: string };
export type GrantOutcome = { ok: true; accessToken: string; expiresInMs: number } | Failure;
export type BindingOutcome = { ok: true; orgId: string } | Failure;

/** Basic auth over UTF-8 bytes; btoa alone would throw on a non-Latin-1 secret. */
const basicAuth = (clientId: string, secret: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${clientId}:${secret}`)))}`;

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

const transportFailure = (error: unknown): Failure => ({
  ok: false,
  code: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network_error',
});

export async function requestGrant(
  fetch: FetchLike,
  loginBaseUrl: string,
  connection: Pick<TenantConnection, 'clientId' | 'clientSecret'>,
  signal: AbortSignal,
): Promise<GrantOutcome> {
  let response: Response;
  try {
    response = await fetch(`${loginBaseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: basicAuth(connection.clientId, connection.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      signal,
    });
  } catch (error) {
    return transportFailure(error);
  }
  const body = await readJson(response);
  if (response.ok) {
    const grant = grantSchema.safeParse(body);
    if (!grant.success) return { ok: false, status: response.status, code: 'malformed_grant' };
    return { ok: true, accessToken: grant.data.access_token, expiresInMs: grant.data.expires_in * 1000 };
  }
  const oauthError = oauthErrorSchema.safeParse(body);
  return { ok: false, status: response.status, code: oauthError.success ? oauthError.data.error : 'http_error' };
}

/**
 * Which org the token really belongs to. No X-Genesys-Organization header here: the emulator
 * would answer a mismatch with 403 and we want the org id itself, to report it.
 */
export async function requestTokenOrg(
  fetch: FetchLike,
  apiBaseUrl: string,
  accessToken: string,
  signal: AbortSignal,
): Promise<BindingOutcome> {
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl}/api/v2/tokens/me`, {
      method: 'GET',
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal,
    });
  } catch (error) {
    return transportFailure(error);
  }
  const info = tokenInfoSchema.safeParse(await readJson(response));
  if (!response.ok || !info.success) {
    return { ok: false, status: response.status, code: response.ok ? 'malformed_token_info' : 'http_error' };
  }
  return { ok: true, orgId: info.data.organization.id };
}
