// A portal process appending audit entries as fast as it can, for the crash test: run with
// `node --import tsx` (not the tsx CLI, which would put a wrapper process between the test's
// SIGKILL and this one). Prints each acknowledged id on its own line; a pipe write is
// synchronous on Linux, so every printed id reached the test before the process could die.
import { createFileAuditLog } from '../../../../lib/audit/file-audit-log';
import { createRedisAuditLog } from '../../../../lib/audit/redis-audit-log';
import type { AuditLog } from '../../../../lib/audit/types';

const log: AuditLog =
  process.env.AUDIT_KIND === 'redis'
    ? createRedisAuditLog({ redisUrl: process.env.AUDIT_REDIS_URL!, streamKey: process.env.AUDIT_STREAM_KEY! })
    : createFileAuditLog({ path: process.env.AUDIT_PATH! });

async function appendForever(worker: number): Promise<never> {
  for (let n = 0; ; n++) {
    const entry = await log.append({
      userId: `worker-${worker}`,
      userEmail: null,
      role: 'admin',
      tenantId: 'acme',
      action: 'org.update',
      result: 'success',
      requestId: `w${worker}-${n}`,
      after: { name: 'x'.repeat(200 + ((n * 37) % 800)) }, // varied line lengths
    });
    process.stdout.write(`${entry.id}\n`);
  }
}

await Promise.all(Array.from({ length: 8 }, (_, worker) => appendForever(worker)));
