/**
 * Plain HTTP against one instance, as a script or a load balancer would: JSON sign-in, a
 * cookie jar that can be carried to the other instance, and the portal's error shape.
 */
import { randomUUID } from 'node:crypto';
import type { Credentials } from './users-file';

export type Instance = { name: string; url: string };

/** name → value, applied from Set-Cookie (an emptied or expired cookie is removed). */
export class CookieJar {
  readonly values = new Map<string, string>();

  constructor(init?: Map<string, string>) {
    for (const [name, value] of init ?? []) this.values.set(name, value);
  }

  absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (!value || expired) this.values.delete(name);
      else this.values.set(name, value);
    }
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  copy(): CookieJar {
    return new CookieJar(this.values);
  }
}

export interface PortalAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T | undefined;
  text: string;
  requestId: string;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  jar?: CookieJar;
  requestId?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One request; throws only when no answer came (network error, or the deadline passed). */
export async function call<T = unknown>(instance: Instance, path: string, options: CallOptions = {}) {
  const requestId = options.requestId ?? `cluster-${randomUUID()}`;
  const method = options.method ?? 'GET';
  const response = await fetch(`${instance.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      'x-request-id': requestId,
      // A browser's same-origin write; the CSRF check compares it with the instance's own origin.
      ...(method === 'GET' ? {} : { origin: instance.url }),
      ...(options.jar ? { cookie: options.jar.header() } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
  });
  options.jar?.absorb(response);
  const text = await response.text();
  let body: T | undefined;
  try {
    body = JSON.parse(text) as T;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text, requestId } satisfies PortalAnswer<T>;
}

export async function signIn(
  instance: Instance,
  user: Credentials,
  options: { jar?: CookieJar; password?: string; address?: string; requestId?: string } = {},
): Promise<PortalAnswer & { jar: CookieJar }> {
  const jar = options.jar ?? new CookieJar();
  const answer = await call(instance, '/api/auth/login', {
    method: 'POST',
    jar,
    body: { email: user.email, password: options.password ?? user.password },
    ...(options.requestId ? { requestId: options.requestId } : {}),
    // The client address of the login throttle (TRUSTED_PROXY_HOPS=1: the right-most entry).
    headers: { 'x-forwarded-for': options.address ?? '10.0.0.1' },
  });
  return { ...answer, jar };
}

export async function signInOrThrow(instance: Instance, user: Credentials, address?: string): Promise<CookieJar> {
  const answer = await signIn(instance, user, { address });
  if (answer.status !== 200) throw new Error(`sign-in of ${user.email} on ${instance.name}: HTTP ${answer.status}`);
  return answer.jar;
}

export type ErrorShape = { error: { code: string; message: string; requestId: string } };

/** The portal's one error body: `{ error: { code, message, requestId } }`, all non-empty strings. */
export function isErrorShape(body: unknown): body is ErrorShape {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, requestId } = error as Record<string, unknown>;
  return [code, message, requestId].every((field) => typeof field === 'string' && field.length > 0);
}
