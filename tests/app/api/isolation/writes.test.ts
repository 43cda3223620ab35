/**
 * Successful writes change the path tenant's org and nothing else: for every write route, every
 * user allowed to write and every tenant they hold, all six orgs are read straight from the
 * emulator before and after, and only the path tenant's may differ (in the field written). The
 * audit entry names the path tenant too.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  setupIsolationSuite,
  PORTAL_ORIGIN,
  ROUTE_METHODS,
  runCase,
  TENANT_IDS,
  USERS,
  type OrgState,
  type TenantId,
} from './support';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);

const suite = setupIsolationSuite();

async function everyOrg(): Promise<Map<TenantId, OrgState>> {
  const all = new Map<TenantId, OrgState>();
  for (const tenantId of TENANT_IDS) all.set(tenantId, await suite.state(tenantId, { fresh: true }));
  return all;
}

const WRITES = ROUTE_METHODS.filter((rm) => rm.spec.mutates);
const WRITERS = USERS.filter((user) => user.capabilities.has('org.edit'));

describe('successful writes reach the path tenant only', () => {
  it('covers every mutating route', () => {
    expect(WRITES.map((rm) => `${rm.method} ${rm.route.name}`).sort()).toEqual(
      ['PATCH authentication-settings', 'PATCH features/[featureName]', 'PUT organization'].sort(),
    );
    expect(WRITERS.map((user) => user.role)).toEqual(['admin', 'ops']);
  });

  for (const user of WRITERS) {
    it(`${user.email}: each write × each granted tenant changes that tenant's org alone`, async () => {
      const problems: string[] = [];
      for (const rm of WRITES) {
        for (const tenant of user.granted) {
          const label = `${user.role} ${rm.method} ${rm.route.name} on ${tenant}`;
          const before = await everyOrg();
          problems.push(
            ...(await runCase(suite, {
              label,
              routeMethod: rm,
              segment: tenant,
              param: tenant,
              headers: {
                origin: PORTAL_ORIGIN,
                'sec-fetch-site': 'same-origin',
                'x-genesys-organization': suite.harness.credentials.find((c) => c.tenantId !== tenant)?.orgId ?? '',
                cookie: await suite.harness.cookiesFor(user.id, { tenant }),
              },
              body: 'valid',
              expected: { status: 200 },
            })),
          );
          const after = await everyOrg();
          for (const tenantId of TENANT_IDS) {
            const changed = JSON.stringify(before.get(tenantId)) !== JSON.stringify(after.get(tenantId));
            if (changed !== (tenantId === tenant)) problems.push(`${label}: ${tenantId} changed=${changed}`);
          }
          const [entry] = (await suite.harness.portal.audit.query({ limit: 1 })).entries;
          if (entry?.tenantId !== tenant || entry.userId !== user.id || entry.result !== 'success')
            problems.push(`${label}: audit entry ${JSON.stringify(entry ?? null).slice(0, 200)}`);
        }
      }
      expect(problems).toEqual([]);
    }, 30_000);
  }
});
