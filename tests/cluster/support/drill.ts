/**
 * What every drill asserts, in one place: which answers a window of the background load may
 * hold, recovery within a bound once the fault ends, and that no instance process died.
 */
import type { ClusterInfo } from './cluster-info';
import { waitFor } from './deadline';
import { problemWith, statusesByTenant, type BackgroundLoad, type LoadRecord } from './background-load';
import { call, type CookieJar, type Instance } from './portal-client';

export interface DrillWindow {
  records: LoadRecord[];
  /** Acceptable-answer violations (another tenant's data, no error shape, no answer). */
  problems: string[];
  /** The worst of them: a 200 with another tenant's data, or no answer before the deadline. */
  severe: string[];
  /** Non-200 answers of tenants the fault was not aimed at. */
  collateral: string[];
  statuses: Record<string, Record<string, number>>;
}

export function inspectWindow(
  cluster: ClusterInfo,
  load: BackgroundLoad,
  from: number,
  to: number,
  affected: readonly string[],
): DrillWindow {
  const records = load.between(from, to);
  const found = records.flatMap((record) => problemWith(record, cluster.tenants) ?? []);
  return {
    records,
    problems: found.map((problem) => problem.text),
    severe: found.filter((p) => p.kind === 'foreign-data' || p.kind === 'no-answer').map((p) => p.text),
    collateral: records
      .filter((record) => !affected.includes(record.tenantId) && record.status !== 200)
      .map((record) => `${record.instance} ${record.tenantId} @${record.startedAt}: HTTP ${record.status}`),
    statuses: statusesByTenant(records),
  };
}

/** A list as its count and first few entries: a failure message stays readable under load. */
export const listed = (items: readonly string[]) => ({ count: items.length, first: items.slice(0, 5) });
export const NONE = listed([]);

/** The tenant answers 200 on every instance again (no restart), within `timeoutMs`. */
export function untilServing(instances: readonly Instance[], tenantId: string, jar: CookieJar, timeoutMs: number) {
  return waitFor(
    `${tenantId} answering 200 on ${instances.map((i) => i.name).join(' and ')}`,
    async () => {
      for (const instance of instances) {
        const answer = await call(instance, `/api/tenants/${tenantId}/organization`, { jar, timeoutMs: 10_000 });
        if (answer.status !== 200) return undefined;
      }
      return true;
    },
    { timeoutMs, intervalMs: 300 },
  );
}

/** Every instance process is still the one started (not exited), and answers its health check. */
export async function instancesAlive(cluster: ClusterInfo): Promise<string[]> {
  const dead: string[] = [];
  for (const instance of cluster.instances) {
    try {
      process.kill(instance.pid, 0);
    } catch {
      dead.push(`${instance.name}: process ${instance.pid} exited`);
      continue;
    }
    const health = await fetch(`${instance.url}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(
      (error: unknown) => error,
    );
    if (!(health instanceof Response)) dead.push(`${instance.name}: health check got no answer`);
    else await health.arrayBuffer();
  }
  return dead;
}
