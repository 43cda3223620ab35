import { describe, expect, it } from 'vitest';
import { parseTenantList } from '@/lib/tenants/parse-tenant-list';
import { toPublicTenant } from '@/lib/tenants/tenant-schema';
import { tenantEntry } from './fixtures';

describe('parseTenantList', () => {
  it('loads valid entries with defaults', () => {
    const { tenants, problems } = parseTenantList([tenantEntry()]);
    expect(problems).toEqual([]);
    expect(tenants[0]).toMatchObject({ tenantId: 'acme-prod', rateLimitPerMinute: 300 });
  });

  it('skips a bad entry, reports it by tenant and field, and keeps the others', () => {
    const { tenants, problems } = parseTenantList([
      tenantEntry({ tenantId: 'good-one' }),
      tenantEntry({ tenantId: 'bad-region', region: 'api.mypurecloud.com' }),
      tenantEntry({ tenantId: 'bad-org', orgId: 'not-a-uuid', clientSecret: '' }),
    ]);
    expect(tenants.map((t) => t.tenantId)).toEqual(['good-one']);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ tenant: 'bad-region', field: 'region' }),
        expect.objectContaining({ tenant: 'bad-org', field: 'orgId' }),
        expect.objectContaining({ tenant: 'bad-org', field: 'clientSecret' }),
      ]),
    );
  });

  it('names entries without a usable id by position', () => {
    const { problems } = parseTenantList([{ displayName: 'x' }]);
    expect(problems.every((p) => p.tenant === '#0')).toBe(true);
  });

  it('rejects unknown fields (a typo must not silently drop a setting)', () => {
    const { tenants, problems } = parseTenantList([tenantEntry({ clientsecret: 'x' })]);
    expect(tenants).toEqual([]);
    expect(problems[0]).toMatchObject({ tenant: 'acme-prod', field: 'clientsecret' });
  });

  it('skips every copy of a duplicated tenant id', () => {
    const { tenants, problems } = parseTenantList([tenantEntry(), tenantEntry(), tenantEntry({ tenantId: 'other' })]);
    expect(tenants.map((t) => t.tenantId)).toEqual(['other']);
    expect(problems).toContainEqual(expect.objectContaining({ tenant: 'acme-prod', field: 'tenantId' }));
  });

  it('rejects a non-list', () => {
    expect(parseTenantList({ tenants: 1 }).problems).toHaveLength(1);
  });

  it('never copies a value into a problem', () => {
    const { problems } = parseTenantList([tenantEntry({ region: 'canary-secret-do-not-log' })]);
    expect(JSON.stringify(problems)).not.toContain('canary-secret');
  });

  it('public view drops credentials', () => {
    const [tenant] = parseTenantList([tenantEntry()]).tenants;
    const view = JSON.stringify(toPublicTenant(tenant!));
    expect(view).not.toContain('canary-secret');
    expect(view).not.toContain('client-acme');
  });
});
