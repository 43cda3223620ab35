/**
 * One more instance, started while A and B serve (a scale-out, or a restart behind the load
 * balancer), whose first request is a user's API call rather than a health check. It must take
 * over existing sessions (same secret, same Redis) and answer failures exactly like A and B.
 *
 * Why the first request matters: Next bundles proxy.ts and the route handlers apart, each with
 * its own copy of every module, while the portal and Genesys runtimes are kept on globalThis by
 * whichever bundle asks first. Error classes checked with `instanceof` then come from another copy.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Organization } from '../../lib/genesys/schemas/organization';
import { getCluster, tenantOf } from './support/cluster-info';
import { emulatorControl } from './support/emulator-control';
import { freePort } from '@/tests/support/free-port';
import { call, isErrorShape, signInOrThrow, type CookieJar } from './support/portal-client';
import { startPortal, type PortalInstance } from './support/portal-instance';
import { secretsInLogs } from './support/secret-check';

const cluster = getCluster();
const [a] = cluster.instances;
const control = emulatorControl(cluster.emulator.url, cluster.emulator.controlToken);
const logFile = join('reports', 'cluster', 'instance-c.log');
let c: PortalInstance;
let jar: CookieJar;

beforeAll(async () => {
  jar = await signInOrThrow(a, cluster.users.loader);
  // Ready when its login page answers: nothing has built its runtimes yet.
  c = await startPortal({ name: 'C', port: await freePort(), env: cluster.portalEnv, logFile, readyPath: '/login' });
});

afterAll(async () => {
  await c?.stop();
});

it('a new instance whose first request is an API call maps an upstream failure like A does', async () => {
  const tenant = tenantOf(cluster, 'initech-apac');
  await control.call('POST', `/clients/${tenant.clientId}/disable`);
  try {
    const onC = await call(c, `/api/tenants/${tenant.tenantId}/organization`, { jar });
    const onA = await call(a, `/api/tenants/${tenant.tenantId}/organization`, { jar });
    expect(isErrorShape(onA.body) && [onA.status, onA.body.error.code]).toEqual([503, 'credentials_invalid']);
    expect(isErrorShape(onC.body) && [onC.status, onC.body.error.code]).toEqual([503, 'credentials_invalid']);
  } finally {
    await control.call('POST', `/clients/${tenant.clientId}/enable`);
  }
});

it('serves the sessions A started, for every tenant', async () => {
  for (const tenant of cluster.tenants) {
    const answer = await call<{ tenantId: string; data: Organization }>(
      c,
      `/api/tenants/${tenant.tenantId}/organization`,
      { jar },
    );
    expect([answer.status, answer.body?.tenantId, answer.body?.data.id]).toEqual([200, tenant.tenantId, tenant.orgId]);
  }
});

it('no instance log carries a secret (C’s included)', async () => {
  expect(await secretsInLogs(cluster, [logFile])).toEqual([]);
});
