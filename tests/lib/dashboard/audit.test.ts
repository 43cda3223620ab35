import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '@/lib/audit';
import { AUDIT_LIMIT, loadLatestAudit } from '@/lib/dashboard/audit';

const log = createAuditLog({ filePath: join(mkdtempSync(join(tmpdir(), 'dashboard-audit-')), 'audit.jsonl') });
afterAll(() => log.close());

describe('loadLatestAudit', () => {
  it("returns only this tenant's newest entries, newest first, at most the limit, without before/after", async () => {
    for (let i = 0; i < 12; i++) {
      for (const tenantId of ['acme-prod', 'globex-eu', null]) {
        await log.append({
          userId: 'u1',
          userEmail: `${tenantId ?? 'none'}-${i}@demo.test`,
          role: 'admin',
          tenantId,
          action: 'org.update',
          result: i % 3 === 0 ? 'failure' : 'success',
          requestId: `req-${tenantId ?? 'none'}-${i}`,
          before: { name: `secret-before-${i}` },
          after: { name: `after-${i}` },
        });
      }
    }
    const rows = await loadLatestAudit(log, 'acme-prod');
    expect(rows).toHaveLength(AUDIT_LIMIT);
    expect(rows.map((r) => r.userEmail)).toEqual(
      Array.from({ length: AUDIT_LIMIT }, (_, k) => `acme-prod-${11 - k}@demo.test`),
    );
    expect(rows[0]).toEqual({
      id: expect.any(String) as string,
      time: expect.any(String) as string,
      userEmail: 'acme-prod-11@demo.test',
      action: 'org.update',
      result: 'success',
    });
    expect(JSON.stringify(rows)).not.toContain('before');
  });

  it('is empty for a tenant without entries', async () => {
    expect(await loadLatestAudit(log, 'stark-uk')).toEqual([]);
  });
});
