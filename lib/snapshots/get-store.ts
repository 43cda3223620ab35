import 'server-only';
import { getEnv } from '../env';
import { getRedis } from '../redis';
import { createFileSnapshotStore, snapshotDirectoryFor } from './file-store';
import { createRedisSnapshotStore } from './redis-store';
import { createSnapshotRunsFor, type SnapshotRuns } from './runs';
import type { SnapshotStore } from './store';

interface SnapshotRuntime {
  store: SnapshotStore;
  runs: SnapshotRuns;
}

// Keyed by where the store points, on globalThis: Next's dev server re-evaluates modules (an
// in-process lock must survive that), and a test harness that points AUDIT_FILE elsewhere must
// get a store there, not the previous one.
const globalForSnapshots = globalThis as typeof globalThis & { __snapshotRuntimes?: Map<string, SnapshotRuntime> };

function getSnapshotRuntime(): SnapshotRuntime {
  const env = getEnv();
  const runtimes = (globalForSnapshots.__snapshotRuntimes ??= new Map<string, SnapshotRuntime>());
  const key = env.REDIS_URL ? `redis ${env.REDIS_URL}` : `file ${snapshotDirectoryFor(env.AUDIT_FILE)}`;
  let runtime = runtimes.get(key);
  if (!runtime) {
    const redis = env.REDIS_URL ? getRedis(env.REDIS_URL) : undefined;
    runtime = {
      store: redis
        ? createRedisSnapshotStore({ redis })
        : createFileSnapshotStore({ directory: snapshotDirectoryFor(env.AUDIT_FILE) }),
      runs: createSnapshotRunsFor(redis),
    };
    runtimes.set(key, runtime);
  }
  return runtime;
}

/** The snapshot store beside the audit log: the same Redis, or files next to AUDIT_FILE. */
export const getSnapshotStore = (): SnapshotStore => getSnapshotRuntime().store;

/** Who is taking a snapshot of which tenant: the same Redis, or this process. */
export const getSnapshotRuns = (): SnapshotRuns => getSnapshotRuntime().runs;
