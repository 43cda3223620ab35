/**
 * CSRF: every mutating route (the read-only search POST included) × every user (and nobody) ×
 * cross-site signals → 403 `csrf_rejected` before anything else runs: not one request reaches
 * the emulator and no org changes. The same requests sent same-origin then succeed (or meet the
 * role's 403), proving the refusal came from the origin check alone.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  setupIsolationSuite,
  PORTAL_ORIGIN,
  ROUTE_METHODS,
  runCase,
  TENANT_IDS,
  USERS,
  type Case,
  type UserSpec,
} from './support';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const suite = setupIsolationSuite();

const MUTATING = ROUTE_METHODS.filter((rm) => rm.method !== 'GET');

const HOSTILE: [string, Record<string, string>][] = [
  ['foreign Origin', { origin: 'https://evil.example' }],
  ['foreign Origin + Sec-Fetch-Site: cross-site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site: cross-site, no Origin', { 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (sibling subdomain)', { origin: 'https://x.portal.test', 'sec-fetch-site': 'same-site' }],
  ['Origin: null (sandboxed frame)', { origin: 'null' }],
  ['look-alike Origin', { origin: 'http://portal.test.evil.example' }],
  ['other scheme', { origin: 'https://portal.test' }],
  ['other port', { origin: 'http://portal.test:8443' }],
  ['own Origin but Sec-Fetch-Site: cross-site', { origin: PORTAL_ORIGIN, 'sec-fetch-site': 'cross-site' }],
];

async function cases(user: UserSpec | null, headers: Record<string, string>, label: string, expectCsrf: boolean) {
  const out: Case[] = [];
  for (const rm of MUTATING) {
    const tenant = user?.granted[0] ?? 'acme-prod';
    const can = user?.capabilities.has(rm.spec.capability) ?? false;
    out.push({
      label: `${user?.role ?? 'anonymous'} ${rm.method} ${rm.route.name} [${label}]`,
      routeMethod: rm,
      segment: tenant,
      param: tenant,
      headers: { ...headers, ...(user ? { cookie: await suite.harness.cookiesFor(user.id, { tenant }) } : {}) },
      body: 'valid',
      expected: expectCsrf
        ? { status: 403, code: 'csrf_rejected' }
        : !user
          ? { status: 401, code: 'unauthenticated' }
          : can
            ? { status: 200 }
            : { status: 403, code: 'forbidden' },
    });
  }
  return out;
}

describe('CSRF on every mutating tenant route', () => {
  it('covers every non-GET handler', () => {
    expect(MUTATING.map((rm) => `${rm.method} ${rm.route.name}`).sort()).toEqual(
      [
        'PATCH authentication-settings',
        'PATCH features/[featureName]',
        'POST snapshots',
        'POST users/search',
        'PUT organization',
      ].sort(),
    );
  });

  it('cross-site signals are refused before session, role or tenant, and the emulator sees nothing', async () => {
    const before = new Map<string, string>();
    for (const tenantId of TENANT_IDS)
      before.set(tenantId, JSON.stringify(await suite.state(tenantId, { fresh: true })));
    const requestsBefore = suite.harness.mounted.emulator.stats().requests;

    const problems: string[] = [];
    let count = 0;
    for (const user of [...USERS, null]) {
      for (const [label, headers] of HOSTILE) {
        for (const c of await cases(user, headers, label, true)) {
          count++;
          problems.push(...(await runCase(suite, c)));
        }
      }
    }
    const requestsAfter = suite.harness.mounted.emulator.stats().requests;
    expect(problems).toEqual([]);
    expect(count).toBe((USERS.length + 1) * HOSTILE.length * MUTATING.length);
    expect(requestsAfter - requestsBefore, 'emulator requests during refused requests').toBe(0);
    for (const tenantId of TENANT_IDS)
      expect(JSON.stringify(await suite.state(tenantId, { fresh: true })), tenantId).toBe(before.get(tenantId));
  }, 60_000);

  it('the same requests sent same-origin go through (control)', async () => {
    const problems: string[] = [];
    for (const user of [...USERS, null]) {
      for (const [label, headers] of [
        ['same-origin Origin', { origin: PORTAL_ORIGIN, 'sec-fetch-site': 'same-origin' }],
        ['no Origin, no Sec-Fetch-Site (non-browser client)', {}],
      ] as const) {
        for (const c of await cases(user, headers, label, false)) {
          problems.push(...(await runCase(suite, c)));
        }
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
