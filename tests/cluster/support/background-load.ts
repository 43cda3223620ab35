/**
 * A steady load for the fault drills: one loop per (instance, tenant) reading the tenant's
 * organization, every answer recorded with what it carried. The checks below are what the
 * drills require of every answer, whatever the fault: a 200 carries the requested tenant's
 * org and nothing else; anything else is a 4xx/5xx in the portal's error shape; nothing hangs.
 */
import { sleep } from './deadline';
import type { ClusterTenant } from './cluster-info';
import { call, isErrorShape, type CookieJar, type Instance } from './portal-client';

export interface LoadRecord {
  instance: string;
  tenantId: string;
  startedAt: number;
  endedAt: number;
  /** 0 when no answer came: a network error, or the deadline passed. */
  status: number;
  failure?: string;
  body?: unknown;
}

export interface BackgroundLoad {
  readonly records: LoadRecord[];
  between(from: number, to: number): LoadRecord[];
  stop(): Promise<void>;
}

/**
 * The portal's own longest budget for a request is 30 s (the Genesys client's deadline over all
 * attempts); past this, an answer counts as a hang.
 */
export const LOAD_DEADLINE_MS = 35_000;

export function startBackgroundLoad(options: {
  instances: readonly Instance[];
  tenants: readonly ClusterTenant[];
  jar: CookieJar;
  pauseMs: number;
}): BackgroundLoad {
  const records: LoadRecord[] = [];
  let running = true;

  async function loop(instance: Instance, tenant: ClusterTenant): Promise<void> {
    while (running) {
      const startedAt = Date.now();
      try {
        const answer = await call(instance, `/api/tenants/${tenant.tenantId}/organization`, {
          jar: options.jar,
          timeoutMs: LOAD_DEADLINE_MS,
        });
        records.push({
          instance: instance.name,
          tenantId: tenant.tenantId,
          startedAt,
          endedAt: Date.now(),
          status: answer.status,
          body: answer.body ?? answer.text.slice(0, 200),
        });
      } catch (error) {
        const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        records.push({
          instance: instance.name,
          tenantId: tenant.tenantId,
          startedAt,
          endedAt: Date.now(),
          status: 0,
          failure,
        });
      }
      await sleep(options.pauseMs);
    }
  }

  const loops = options.instances.flatMap((instance) => options.tenants.map((tenant) => loop(instance, tenant)));
  return {
    records,
    between: (from, to) => records.filter((record) => record.startedAt >= from && record.startedAt <= to),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

export type ProblemKind = 'no-answer' | 'foreign-data' | 'bad-status' | 'no-error-shape' | 'unrecognised-failure';

/** What is wrong with one answer, whatever the fault; undefined when it is acceptable. */
export function problemWith(
  record: LoadRecord,
  tenants: readonly ClusterTenant[],
): { kind: ProblemKind; text: string } | undefined {
  const where = `${record.instance} ${record.tenantId} @${record.startedAt}`;
  if (record.status === 0) return { kind: 'no-answer', text: `${where}: no answer (${record.failure})` };
  if (record.status === 200) {
    const tenant = tenants.find((t) => t.tenantId === record.tenantId);
    const body = record.body as { tenantId?: unknown; data?: { id?: unknown } } | undefined;
    if (body?.tenantId === record.tenantId && body.data?.id === tenant?.orgId) return undefined;
    const carried = `tenant ${String(body?.tenantId)} / org ${String(body?.data?.id)}`;
    return { kind: 'foreign-data', text: `${where}: a 200 carrying ${carried}` };
  }
  if (record.status < 400 || record.status > 599)
    return { kind: 'bad-status', text: `${where}: HTTP ${record.status}` };
  if (!isErrorShape(record.body)) {
    const excerpt = JSON.stringify(record.body).slice(0, 80);
    return { kind: 'no-error-shape', text: `${where}: HTTP ${record.status} without the error shape: ${excerpt}` };
  }
  // The catch-all (500 internal_error, "Something went wrong") means the portal did not recognise
  // the failure: not a clear error.
  if (record.body.error.code === 'internal_error') {
    return { kind: 'unrecognised-failure', text: `${where}: HTTP ${record.status} internal_error` };
  }
  return undefined;
}

/** Status counts per tenant, for failure messages and the drill summary. */
export function statusesByTenant(records: readonly LoadRecord[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const record of records) {
    const key =
      record.status === 200 || record.status === 0 ? String(record.status) : `${record.status} ${errorCode(record)}`;
    const counts = (out[record.tenantId] ??= {});
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return out;
}

const errorCode = (record: LoadRecord) => (isErrorShape(record.body) ? record.body.error.code : 'no-shape');
