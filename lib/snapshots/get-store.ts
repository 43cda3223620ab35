import 'server-only';
import { getEnv } from '../env';
import { getRedis } from '../redis';
import { createFileSnapshotStore, snapshotDirectoryFor } from './file-store';
import { createRedisSnapshotStore } from './redis-store';
import type { SnapshotStore } from './store';

// Keyed by where the store points, on globalThis: Next's dev server re-evaluates modules, and a
// test harness that points AUDIT_FILE elsewhere must get a store there, not the previous one.
const globalForSnapshots = globalThis as typeof globalThis & { __snapshotStores?: Map<string, SnapshotStore> };

/** The snapshot store beside the audit log: the same Redis, or files next to AUDIT_FILE. */
export function getSnapshotStore(): SnapshotStore {
  const env = getEnv();
  const stores = (globalForSnapshots.__snapshotStores ??= new Map<string, SnapshotStore>());
  const key = env.REDIS_URL ? `redis ${env.REDIS_URL}` : `file ${snapshotDirectoryFor(env.AUDIT_FILE)}`;
  let store = stores.get(key);
  if (!store) {
    store = env.REDIS_URL
      ? createRedisSnapshotStore({ redis: getRedis(env.REDIS_URL) })
      : createFileSnapshotStore({ directory: snapshotDirectoryFor(env.AUDIT_FILE) });
    stores.set(key, store);
  }
  return store;
}
