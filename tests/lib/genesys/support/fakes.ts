// In-test fakes for the ports of lib/genesys: a clock whose sleep is instant and recorded, a
// token provider doing the real client-credentials POST (cached in a Map), a governor that
// never waits, and a logger that keeps every entry. The real provider and governor live
// elsewhere; these tests must not depend on them.
import type {
  AccessToken,
  Clock,
  GenesysLogger,
  RateGovernor,
  TenantConnection,
  TokenProvider,
} from '@/lib/genesys/ports';
import { type GenesysClient, type ClientDefaults, createGenesysClient } from '@/lib/genesys/client';
import type { TenantCredential } from '../../../../emulator/index';

export type TestClock = Clock & { sleeps: number[]; advance(ms: number): void };

export function createTestClock(start = Date.parse('2026-03-01T12:00:00.000Z')): TestClock {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason as Error);
      sleeps.push(ms);
      current += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}

export type TestTokenProvider = TokenProvider & { fetched: number; invalidated: Array<string | undefined> };

export function createTestTokenProvider(baseUrl: string, clock: Clock): TestTokenProvider {
  const cache = new Map<string, AccessToken>();
  const provider: TestTokenProvider = {
    fetched: 0,
    invalidated: [],
    async getToken(tenant) {
      const key = `${tenant.tenantId}:${tenant.clientId}`;
      const cached = cache.get(key);
      if (cached && cached.expiresAt > clock.now()) return cached;
      const response = await fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      if (!response.ok) throw new Error(`token request failed: ${response.status}`);
      const body = (await response.json()) as { access_token: string; expires_in: number };
      provider.fetched++;
      const token = { value: body.access_token, expiresAt: clock.now() + (body.expires_in - 60) * 1000 };
      cache.set(key, token);
      return token;
    },
    invalidate(tenantId, tokenValue) {
      provider.invalidated.push(tokenValue);
      for (const [key, token] of cache)
        if (key.startsWith(`${tenantId}:`) && (tokenValue === undefined || token.value === tokenValue))
          cache.delete(key);
      return Promise.resolve();
    },
  };
  return provider;
}

export type TestGovernor = RateGovernor & {
  acquired: number;
  released: number;
  penalties: Array<{ tenantId: string; retryAfterMs: number }>;
  acquireOptions: Array<{ maxWaitMs: number }>;
};

export function createTestGovernor(): TestGovernor {
  const governor: TestGovernor = {
    acquired: 0,
    released: 0,
    penalties: [],
    acquireOptions: [],
    acquire(_tenant, options) {
      governor.acquired++;
      governor.acquireOptions.push({ maxWaitMs: options.maxWaitMs });
      return Promise.resolve(() => {
        governor.released++;
      });
    },
    penalize(tenantId, retryAfterMs) {
      governor.penalties.push({ tenantId, retryAfterMs });
      return Promise.resolve();
    },
  };
  return governor;
}

export type LogEntry = { level: 'debug' | 'info' | 'warn' | 'error'; details: object; message: string };
export type TestLogger = GenesysLogger & { entries: LogEntry[] };

export function createTestLogger(): TestLogger {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (details: object, message: string): void => {
      entries.push({ level, details, message });
    };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function toConnection(credential: TenantCredential): TenantConnection {
  return {
    tenantId: credential.tenantId,
    orgId: credential.orgId,
    region: credential.region as TenantConnection['region'],
    clientId: credential.clientId,
    clientSecret: credential.clientSecret,
    rateLimitPerMinute: credential.rateLimitPerMinute,
  };
}

export type SentRequest = { url: string; method: string; headers: Record<string, string>; body?: string };

export type Harness = {
  client: GenesysClient;
  clock: TestClock;
  tokens: TestTokenProvider;
  governor: TestGovernor;
  logger: TestLogger;
  /** Every request the client handed to fetch, in order. */
  sent: SentRequest[];
};

export const TEST_DEFAULTS: ClientDefaults = { maxAttempts: 4, timeoutMs: 60_000, maxWaitMs: 60_000 };

export function createHarness(
  baseUrl: string,
  clock: TestClock,
  options: { defaults?: Partial<ClientDefaults>; random?: () => number; gatewayUrl?: string | null } = {},
): Harness {
  const tokens = createTestTokenProvider(baseUrl, clock);
  const governor = createTestGovernor();
  const logger = createTestLogger();
  const sent: SentRequest[] = [];
  const client = createGenesysClient({
    fetch: (url, init) => {
      sent.push({
        url,
        method: init.method ?? 'GET',
        headers: { ...(init.headers as Record<string, string>) },
        ...(typeof init.body === 'string' ? { body: init.body } : {}),
      });
      return fetch(url, init);
    },
    clock,
    logger,
    tokenProvider: tokens,
    governor,
    ...(options.gatewayUrl === null ? {} : { gatewayUrl: options.gatewayUrl ?? baseUrl }),
    random: options.random ?? (() => 0.5),
    defaults: { ...TEST_DEFAULTS, ...options.defaults },
  });
  return { client, clock, tokens, governor, logger, sent };
}
