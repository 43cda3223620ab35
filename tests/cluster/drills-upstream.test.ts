/**
 * Fault drills of one tenant's Genesys side, with both instances under a steady background
 * load: a secret rotation, 5xx bursts, latency spikes, connection resets, a disabled OAuth
 * client. Required each time: the other tenants keep answering 200, the affected tenant answers
 * 200 or a clear JSON error (never another tenant's data, never a hang), and it answers 200 again
 * without a restart once the fault ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundLoad, statusesByTenant, type BackgroundLoad } from './support/background-load';
import { getCluster, tenantOf, type ClusterTenant } from './support/cluster-info';
import { sleep, waitFor } from './support/deadline';
import { inspectWindow, instancesAlive, listed, NONE, untilServing } from './support/drill';
import { emulatorControl } from './support/emulator-control';
import { signInOrThrow, type CookieJar } from './support/portal-client';
import { secretsInLogs } from './support/secret-check';

const cluster = getCluster();
const [a, b] = cluster.instances;
const control = emulatorControl(cluster.emulator.url, cluster.emulator.controlToken);
const LOAD_TENANTS = ['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac'].map((id) => tenantOf(cluster, id));
const RECOVERY_MS = 15_000;
let jar: CookieJar;
let load: BackgroundLoad;
let loadStartedAt: number;

beforeAll(async () => {
  jar = await signInOrThrow(b, cluster.users.driller);
  loadStartedAt = Date.now();
  load = startBackgroundLoad({ instances: [a, b], tenants: LOAD_TENANTS, jar, pauseMs: 600 });
  await sleep(1_000);
});

afterAll(async () => {
  await load?.stop();
  await control.call('DELETE', '/faults').catch(() => undefined);
});

/**
 * Runs `fault` (which returns once the fault has ended), waits for the tenant to answer 200
 * again on both instances, and checks every background answer started in between.
 */
async function drill(name: string, tenant: ClusterTenant, fault: () => Promise<void>) {
  const from = Date.now();
  await fault();
  const endedAt = Date.now();
  await untilServing([a, b], tenant.tenantId, jar, RECOVERY_MS);
  const to = Date.now();
  const window = inspectWindow(cluster, load, from, to, [tenant.tenantId]);
  const affected = window.records.filter((record) => record.tenantId === tenant.tenantId);
  console.log(
    `${name} drill`,
    JSON.stringify({ faultMs: endedAt - from, recoveryMs: to - endedAt, load: window.statuses }),
  );
  expect.soft(listed(window.problems), 'answers that are neither 200 nor a clear JSON error').toEqual(NONE);
  expect.soft(listed(window.collateral), 'non-200 answers for tenants the fault was not aimed at').toEqual(NONE);
  expect(await instancesAlive(cluster)).toEqual([]);
  return { affected };
}

/** Queues a tenant-scoped fault and returns once the emulator has used it up. */
async function queueFault(spec: Record<string, unknown>): Promise<void> {
  const { id } = await control.call<{ id: number }>('POST', '/faults', spec);
  await waitFor(
    `fault ${id} used up by the load`,
    async () => {
      const { faults } = await control.call<{ faults: Array<{ id: number }> }>('GET', '/faults');
      return faults.some((fault) => fault.id === id) ? undefined : true;
    },
    { timeoutMs: 20_000, intervalMs: 200 },
  );
}

describe('one tenant’s upstream fails', () => {
  it('secret rotated at the emulator (the config service serves the new one): re-read and used', async () => {
    const tenant = tenantOf(cluster, 'globex-eu');
    const before = await control.stats();
    const { affected } = await drill('rotation', tenant, async () => {
      // No grace for the old secret, and its tokens revoked: the next request must re-authenticate.
      await control.call('POST', `/clients/${tenant.clientId}/rotate-secret`, { graceMs: 0 });
      await control.call('POST', `/clients/${tenant.clientId}/revoke-tokens`);
      // Long enough for the load to meet the revoked token and for a background refresh to run.
      await sleep(2 * cluster.refreshIntervalMs + 500);
    });
    const after = await control.stats();
    // A token was issued after the rotation, which only the new secret can get.
    expect(after.tokensIssued[tenant.clientId] ?? 0).toBeGreaterThan(before.tokensIssued[tenant.clientId] ?? 0);
    // The re-read happens inside the request that met the rejection: nobody saw an error.
    expect(affected.length).toBeGreaterThan(0);
    expect(affected.filter((record) => record.status !== 200)).toEqual([]);
  });

  it('a burst of 503s', async () => {
    const tenant = tenantOf(cluster, 'acme-sandbox');
    await drill('5xx burst', tenant, () =>
      queueFault({ path: '/api/v2/organizations/me', tenant: tenant.tenantId, status: 503, count: 12 }),
    );
  });

  it('latency spikes', async () => {
    const tenant = tenantOf(cluster, 'acme-sandbox');
    const { affected } = await drill('latency', tenant, () =>
      queueFault({ path: '/api/v2/organizations/me', tenant: tenant.tenantId, latencyMs: 3_000, count: 6 }),
    );
    // Slow, not failed: a 3 s answer is well within the portal's budget.
    expect(affected.filter((record) => record.status !== 200)).toEqual([]);
  });

  it('connection resets', async () => {
    const tenant = tenantOf(cluster, 'acme-sandbox');
    await drill('connection reset', tenant, () =>
      queueFault({ path: '*', tenant: tenant.tenantId, connectionReset: true, count: 10 }),
    );
  });

  it('its OAuth client disabled, then enabled again', async () => {
    const tenant = tenantOf(cluster, 'initech-apac');
    const { affected } = await drill('disabled client', tenant, async () => {
      const from = Date.now();
      await control.call('POST', `/clients/${tenant.clientId}/disable`);
      try {
        await waitFor(
          `${tenant.tenantId} failing on both instances`,
          () => {
            const failing = load
              .between(from, Date.now())
              .filter((r) => r.tenantId === tenant.tenantId && r.status !== 200);
            return new Set(failing.map((r) => r.instance)).size === 2 ? true : undefined;
          },
          { timeoutMs: 15_000 },
        );
        await sleep(1_500);
      } finally {
        await control.call('POST', `/clients/${tenant.clientId}/enable`);
      }
    });
    const codes = new Set(
      affected.filter((r) => r.status !== 200).map((r) => (r.body as { error?: { code?: string } }).error?.code),
    );
    expect([...codes]).toEqual(['credentials_invalid']);
  });
});

describe('over all these drills', () => {
  it('no answer of the whole background load carried another tenant’s data or hung', () => {
    const all = load.between(loadStartedAt, Date.now());
    console.log('upstream drills, whole load', JSON.stringify(statusesByTenant(all)));
    expect(all.length).toBeGreaterThan(50);
    expect(listed(inspectWindow(cluster, load, loadStartedAt, Date.now(), []).severe)).toEqual(NONE);
  });

  it('no instance log carries a secret (rotated ones included)', async () => {
    expect(await secretsInLogs(cluster)).toEqual([]);
  });
});
