/**
 * What the global setup hands every cluster test file (vitest provide/inject): where the two
 * portal instances, Redis and the emulator are, which tenants exist and who may sign in.
 */
import { inject } from 'vitest';
import type { PortalInstanceInfo } from './portal-instance';
import type { Secret } from './log-secrets';
import type { RedisInfo } from './redis-server';
import type { ClusterUserName, Credentials } from './users-file';

export interface ClusterTenant {
  tenantId: string;
  orgId: string;
  displayName: string;
  clientId: string;
}

export interface ClusterInfo {
  instances: [PortalInstanceInfo, PortalInstanceInfo];
  redis: RedisInfo;
  emulator: { url: string; controlToken: string };
  tenants: ClusterTenant[];
  users: Record<ClusterUserName, Credentials>;
  refreshIntervalMs: number;
  /** The environment A and B run with (secrets included): a test may start one more instance. */
  portalEnv: Record<string, string>;
  logFiles: string[];
  /**
   * Values that must never appear in a log: the session secret, the service token, and the
   * client secrets as they were at start (rotated-away ones included). Never printed.
   */
  secrets: Secret[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: ClusterInfo;
  }
}

export function getCluster(): ClusterInfo {
  return inject('cluster');
}

export function tenantOf(cluster: ClusterInfo, tenantId: string): ClusterTenant {
  const tenant = cluster.tenants.find((t) => t.tenantId === tenantId);
  if (!tenant) throw new Error(`no tenant ${tenantId} in the cluster`);
  return tenant;
}
