/**
 * Fault drills of the shared infrastructure, with both instances under a steady background
 * load: Redis killed (SIGKILL) and restarted on the same port, and the config service failing
 * for longer than the refresh interval. Required: no process exits, no answer carries another
 * tenant's data, every error is a clear JSON error and nothing hangs, no acknowledged audit entry
 * is lost, and service comes back without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../lib/audit/types';
import type { Organization } from '../../lib/genesys/schemas/organization';
import type { HealthReport } from '../../lib/health';
import { bannerFor, jarOf, launchChromium, signInWithForm } from './support/browser';
import { startBackgroundLoad, statusesByTenant, type BackgroundLoad } from './support/background-load';
import { getCluster, tenantOf } from './support/cluster-info';
import { sleep, waitFor } from './support/deadline';
import { inspectWindow, instancesAlive, listed, NONE, untilServing } from './support/drill';
import { emulatorControl } from './support/emulator-control';
import { call, isErrorShape, signIn, signInOrThrow, type CookieJar, type Instance } from './support/portal-client';
import { withRedis } from './support/redis-keys';
import { killRedis, startRedis } from './support/redis-server';
import { secretsInLogs } from './support/secret-check';

const cluster = getCluster();
const [a, b] = cluster.instances;
const control = emulatorControl(cluster.emulator.url, cluster.emulator.controlToken);
const LOAD_TENANTS = ['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac'].map((id) => tenantOf(cluster, id));
let jar: CookieJar;
let load: BackgroundLoad;
let loadStartedAt: number;
const OUTAGE_ANSWER_DEADLINE_MS = 10_000;

beforeAll(async () => {
  jar = await signInOrThrow(a, cluster.users.driller);
  loadStartedAt = Date.now();
  load = startBackgroundLoad({ instances: [a, b], tenants: LOAD_TENANTS, jar, pauseMs: 600 });
  await sleep(1_000);
});

const codeOf = (body: unknown) => (isErrorShape(body) ? body.error.code : undefined);

/** A refusal the portal recognised: the error shape, 4xx/5xx, and not the 500 catch-all. */
const isClearRefusal = (refusal: { status: number; shaped: boolean; code?: string }) =>
  refusal.shaped && refusal.status >= 400 && refusal.code !== 'internal_error';

function countBy(refusals: Array<{ status: number; code?: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status, code } of refusals) {
    const key = `${status} ${code ?? '-'}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

afterAll(async () => {
  await load?.stop();
  await control.call('PUT', '/config-service', { mode: 'ok' }).catch(() => undefined);
});

describe('Redis killed (SIGKILL) and restarted on the same port', () => {
  // Audited actions all along: sign-ins alternating A and B. A 200 means the entry was acknowledged.
  const acknowledged: string[] = [];
  const refusals: Array<{ status: number; shaped: boolean; code?: string }> = [];
  let outage = { killedAt: 0, restartedAt: 0, recoveredAt: 0 };
  // Had recovery failed, the window runs to now: the checks below never pass on an empty window.
  const outageWindow = () => inspectWindow(cluster, load, outage.killedAt, outage.recoveredAt || Date.now(), []);

  it('runs: audited sign-ins and the background load before, during and after the outage', async () => {
    let signingIn = true;
    const auditedLoop = (async () => {
      for (let i = 0; signingIn; i++) {
        const answer = await signIn(i % 2 === 0 ? a : b, cluster.users.driller, { address: '10.9.0.1' }).catch(
          () => undefined,
        );
        if (answer?.status === 200) acknowledged.push(answer.requestId);
        else
          refusals.push({
            status: answer?.status ?? 0,
            shaped: isErrorShape(answer?.body),
            code: codeOf(answer?.body),
          });
        await sleep(150);
      }
    })();
    try {
      await sleep(1_500);
      const killedAt = Date.now();
      await killRedis(cluster.redis);
      await sleep(4_000);
      await startRedis(cluster.redis);
      outage = { killedAt, restartedAt: Date.now(), recoveredAt: 0 };
      for (const tenant of LOAD_TENANTS) await untilServing([a, b], tenant.tenantId, jar, 20_000);
      outage.recoveredAt = Date.now();
      await sleep(1_000); // a few sign-ins after the recovery too
    } finally {
      signingIn = false;
      await auditedLoop;
    }
    const window = outageWindow();
    console.log(
      'redis drill',
      JSON.stringify({
        outageMs: outage.restartedAt - outage.killedAt,
        recoveryMs: outage.recoveredAt - outage.restartedAt,
        load: window.statuses,
        signIns: { acknowledged: acknowledged.length, refused: countBy(refusals) },
      }),
    );
    expect(acknowledged.length).toBeGreaterThan(5);
  });

  it('answered every request meanwhile with a 200 or a JSON error in the error shape, and none hung', () => {
    const window = outageWindow();
    expect(window.records.length).toBeGreaterThan(0);
    expect(listed(window.problems)).toEqual(NONE);
    // A dead Redis fails each command within about 2 s (lib/upstream/redis-client.ts: connect and
    // command timeouts 2 s, one retry), so an answer that takes longer than a few such waits is a hang.
    const slow = window.records.filter((record) => record.endedAt - record.startedAt > OUTAGE_ANSWER_DEADLINE_MS);
    expect(slow.map((record) => `${record.instance} ${record.tenantId} @${record.startedAt}`)).toEqual([]);
    expect(refusals.filter((refusal) => !isClearRefusal(refusal))).toEqual([]);
  });

  it('lost no acknowledged audit entry: every sign-in that answered 200 is in the log, read from B and A', async () => {
    for (const reader of [b, a]) {
      const page = await call<AuditPage>(reader, '/api/audit?action=login&user=driller&limit=500', { jar });
      expect(page.status).toBe(200);
      const logged = new Set(page.body?.entries.map((entry) => entry.requestId));
      expect(acknowledged.filter((id) => !logged.has(id))).toEqual([]);
    }
  });

  it('kept both instance processes up (recovery needed no restart)', async () => {
    expect(outage.recoveredAt).toBeGreaterThan(0);
    expect(await instancesAlive(cluster)).toEqual([]);
  });
});

describe('Redis refusing writes (maxmemory reached, noeviction)', () => {
  const tenantId = 'stark-uk'; // not in the background load: its org is edited here
  type Attempt = { instance: string; status: number; shaped: boolean; code?: string; requestId: string };
  const signIns: Attempt[] = [];
  const edits: Attempt[] = [];
  const span = { from: 0, healedAt: 0, recoveredAt: 0 };
  let nameBefore = '';
  let nameAfter = '';
  let editJar: CookieJar;

  const setMaxMemory = (bytes: number) =>
    withRedis(cluster.redis.url, async (redis) => {
      await redis.config('SET', 'maxmemory-policy', 'noeviction');
      await redis.config('SET', 'maxmemory', String(bytes));
    });
  const orgName = async () =>
    (await call<{ data: Organization }>(a, `/api/tenants/${tenantId}/organization`, { jar: editJar })).body?.data;

  it('runs: sign-ins and org edits on A and B while every Redis write is refused', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInWithForm(page, a, cluster.users.driller);
      await page
        .getByRole('button', { name: `Switch to ${tenantOf(cluster, tenantId).displayName}`, exact: true })
        .click();
      await page.waitForSelector(bannerFor(tenantId));
      editJar = await jarOf(context);
    } finally {
      await browser.close();
    }
    const org = await orgName();
    nameBefore = org?.name ?? '';
    span.from = Date.now();
    await setMaxMemory(1);
    try {
      for (const instance of [a, b]) {
        const signedIn = await signIn(instance, cluster.users.driller, { address: '10.9.0.2' });
        signIns.push({
          instance: instance.name,
          status: signedIn.status,
          shaped: isErrorShape(signedIn.body),
          code: codeOf(signedIn.body),
          requestId: signedIn.requestId,
        });
        const edit = await call(instance, `/api/tenants/${tenantId}/organization`, {
          method: 'PUT',
          jar: editJar,
          body: { version: org?.version, name: `Unaudited ${instance.name} ${Date.now().toString(36)}` },
        });
        edits.push({
          instance: instance.name,
          status: edit.status,
          shaped: isErrorShape(edit.body),
          code: codeOf(edit.body),
          requestId: edit.requestId,
        });
      }
      await sleep(2 * cluster.refreshIntervalMs); // the background load meets the refusing store
    } finally {
      await setMaxMemory(0);
    }
    span.healedAt = Date.now();
    for (const tenant of LOAD_TENANTS) await untilServing([a, b], tenant.tenantId, jar, 15_000);
    span.recoveredAt = Date.now();
    nameAfter = (await orgName())?.name ?? '';
    console.log(
      'redis write-refusal drill',
      JSON.stringify({ signIns, edits, load: inspectWindow(cluster, load, span.from, span.healedAt, []).statuses }),
    );
    expect(signIns).toHaveLength(2);
  });

  it('refused every sign-in on both instances with a clear 503 (nothing it could not audit)', () => {
    expect(signIns.map(({ instance }) => instance)).toEqual(['A', 'B']);
    for (const { status, code } of signIns) {
      expect(status).toBe(503);
      expect(code).toMatch(/^(audit|store)_unavailable$/);
    }
  });

  it('made no org change without its audit entry, and refused the others clearly', async () => {
    const audit = await call<AuditPage>(a, `/api/audit?tenant=${tenantId}&action=org.update&limit=50`, {
      jar: editJar,
    });
    const audited = new Set(audit.body?.entries.filter((e) => e.result === 'success').map((e) => e.requestId));
    const saved = edits.filter((edit) => edit.status === 200);
    expect(saved.filter((edit) => !audited.has(edit.requestId))).toEqual([]);
    if (saved.length === 0) expect(nameAfter).toBe(nameBefore);
    expect(edits.filter((edit) => edit.status !== 200 && !isClearRefusal(edit))).toEqual([]);
  });

  it('answered the background load with 200s or clear errors meanwhile, and recovered without a restart', async () => {
    expect(span.recoveredAt).toBeGreaterThan(0);
    expect(listed(inspectWindow(cluster, load, span.from, span.recoveredAt || Date.now(), []).problems)).toEqual(NONE);
    expect(await instancesAlive(cluster)).toEqual([]);
  });
});

describe('config service failing', () => {
  const health = async (instance: Instance) =>
    (await call<HealthReport>(instance, '/api/health', { timeoutMs: 10_000 })).body?.status;

  it('serves the last good tenant list while it fails, and reads it again once it answers', async () => {
    const from = Date.now();
    await control.call('PUT', '/config-service', { mode: 'failing' });
    await sleep(3 * cluster.refreshIntervalMs + 1_000);
    expect([await health(a), await health(b)]).toEqual(['degraded', 'degraded']);
    await control.call('PUT', '/config-service', { mode: 'ok' });
    const healedAt = Date.now();
    // The registry's circuit breaker asks a failing source again after 30 s (source-breaker.ts).
    await waitFor(
      'both instances reading the tenant list again',
      async () => ((await health(a)) === 'ok' && (await health(b)) === 'ok' ? true : undefined),
      { timeoutMs: 45_000, intervalMs: 500 },
    );
    const to = Date.now();

    // The config service is off the request path once a list is loaded: nothing failed.
    const window = inspectWindow(cluster, load, from, to, []);
    console.log(
      'config drill',
      JSON.stringify({ failedMs: healedAt - from, recoveryMs: to - healedAt, statuses: window.statuses }),
    );
    expect(listed(window.problems)).toEqual(NONE);
    expect(listed(window.collateral)).toEqual(NONE);
    expect(await instancesAlive(cluster)).toEqual([]);
  });
});

describe('over both drills', () => {
  it('no answer of the whole background load carried another tenant’s data or hung', () => {
    const all = load.between(loadStartedAt, Date.now());
    console.log('redis and config drills, whole load', JSON.stringify(statusesByTenant(all)));
    expect(all.length).toBeGreaterThan(50);
    expect(listed(inspectWindow(cluster, load, loadStartedAt, Date.now(), []).severe)).toEqual(NONE);
  });

  it('no instance log carries a secret', async () => {
    expect(await secretsInLogs(cluster)).toEqual([]);
  });
});
