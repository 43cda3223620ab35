import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterGrantedTenants, isTenantGranted } from '@/lib/auth/grants';
import type { PortalUser, TenantGrants } from '@/lib/auth/types';

const user = (grants: TenantGrants, disabled = false): PortalUser => ({
  id: 'u-1',
  email: 'u@example.test',
  name: 'U',
  role: 'ops',
  grants,
  disabled,
});

const tenants = [
  { tenantId: 'acme-prod', group: 'acme' },
  { tenantId: 'acme-sandbox', group: 'acme' },
  { tenantId: 'globex-eu' },
  { tenantId: 'initech-apac', group: 'initech' },
];

describe('tenant grants', () => {
  it('all grants every tenant; explicit lists grant by id or by group', () => {
    expect(filterGrantedTenants(user({ all: true }), tenants)).toEqual(tenants);
    const listed = user({ tenants: ['globex-eu'], groups: ['initech'] });
    expect(filterGrantedTenants(listed, tenants).map((t) => t.tenantId)).toEqual(['globex-eu', 'initech-apac']);
  });

  it('exact match only: no prefix, case or substring games', () => {
    const u = user({ tenants: ['acme'], groups: ['Acme'] });
    expect(filterGrantedTenants(u, tenants)).toEqual([]);
    expect(isTenantGranted(user({ tenants: ['acme-prod'], groups: [] }), { tenantId: 'ACME-PROD' })).toBe(false);
    expect(isTenantGranted(user({ tenants: ['acme-prod'], groups: [] }), { tenantId: 'acme-prod ' })).toBe(false);
    // A tenant without a group is not granted by an empty-string group.
    expect(isTenantGranted(user({ tenants: [], groups: [''] }), { tenantId: 'globex-eu' })).toBe(false);
  });

  it('a disabled user is granted nothing, even with all', () => {
    expect(filterGrantedTenants(user({ all: true }, true), tenants)).toEqual([]);
    expect(filterGrantedTenants(user({ tenants: ['acme-prod'], groups: ['acme'] }, true), tenants)).toEqual([]);
  });

  it('property: never grants a tenant whose id and group are both unlisted', () => {
    const name = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 6 }),
        fc.array(name, { maxLength: 6 }),
        name,
        fc.option(name, { nil: undefined }),
        (listedTenants, listedGroups, tenantId, group) => {
          const granted = isTenantGranted(user({ tenants: listedTenants, groups: listedGroups }), { tenantId, group });
          const listed = listedTenants.includes(tenantId) || (group !== undefined && listedGroups.includes(group));
          expect(granted).toBe(listed);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: near-miss ids (prefix, suffix, case change) are never granted', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
        fc.constantFrom('prefix', 'suffix', 'upper'),
        (id, kind) => {
          const nearMiss =
            kind === 'prefix' ? id.slice(0, -1) || `${id}x` : kind === 'suffix' ? `${id}-x` : id.toUpperCase();
          fc.pre(nearMiss !== id);
          expect(isTenantGranted(user({ tenants: [id], groups: [id] }), { tenantId: nearMiss, group: nearMiss })).toBe(
            false,
          );
        },
      ),
    );
  });
});
