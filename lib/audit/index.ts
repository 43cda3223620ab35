/**
 * The audit log of the portal: a Redis Stream shared by every instance when REDIS_URL is set,
 * else an fsynced JSONL file (AUDIT_FILE) for a single instance. Either way `append` resolves only
 * once the entry is durable and rejects with AuditUnavailableError otherwise: the caller then
 * refuses the change it was about to audit.
 * No `server-only`: portal-runtime.ts (used by proxy.ts and the CLIs) and test child processes
 * import this outside React's server condition. Components may not import it (lint).
 */
import type { Redis } from 'ioredis';
import { createFileAuditLog } from './file-audit-log';
import { maskAuditInput } from './mask-audit-input';
import { createRedisAuditLog } from './redis-audit-log';
import type { AuditEntry, AuditEntryInput, AuditLog } from './types';

export interface AuditLogConfig {
  redisUrl?: string;
  /** A shared client instead of redisUrl; close() leaves it to its owner. */
  redis?: Redis;
  filePath: string;
}

export function createAuditLog({ redisUrl, redis, filePath }: AuditLogConfig): AuditLog {
  if (redis) return createRedisAuditLog({ redis });
  return redisUrl ? createRedisAuditLog({ redisUrl }) : createFileAuditLog({ path: filePath });
}

/** Masks secrets, then appends. (The stores mask again on append; masking is idempotent.) */
export function recordAudit(log: AuditLog, input: AuditEntryInput): Promise<AuditEntry> {
  return log.append(maskAuditInput(input));
}

export { maskSecrets } from './mask-secrets';
export { AUDIT_ACTIONS, AuditUnavailableError } from './types';
export type { AuditAction, AuditEntry, AuditEntryInput, AuditLog, AuditPage, AuditQuery, AuditResult } from './types';
