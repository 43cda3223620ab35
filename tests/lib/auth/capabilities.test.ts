import { describe, expect, it } from 'vitest';
import { can, capabilitiesOf } from '@/lib/auth/capabilities';
import { CAPABILITIES, ROLES, type Capability, type Role } from '@/lib/auth/types';

// Every cell spelled out: a change to the matrix must change this table too.
const EXPECTED: Record<Role, Record<Capability, boolean>> = {
  admin: {
    'tenant.view': true,
    'org.edit': true,
    'users.view': true,
    'users.export': true,
    'audit.view': true,
    'credentials.view': true,
    'credentials.rotate': true,
    'tenants.manage': true,
  },
  ops: {
    'tenant.view': true,
    'org.edit': true,
    'users.view': true,
    'users.export': false,
    'audit.view': false,
    'credentials.view': false,
    'credentials.rotate': false,
    'tenants.manage': false,
  },
  auditor: {
    'tenant.view': true,
    'org.edit': false,
    'users.view': true,
    'users.export': true,
    'audit.view': true,
    'credentials.view': false,
    'credentials.rotate': false,
    'tenants.manage': false,
  },
};

const cells = ROLES.flatMap((role) => CAPABILITIES.map((capability) => [role, capability] as const));

describe('capability matrix', () => {
  it('covers every role × capability in the table', () => {
    expect(cells).toHaveLength(ROLES.length * CAPABILITIES.length);
    for (const role of ROLES) expect(Object.keys(EXPECTED[role]).sort()).toEqual([...CAPABILITIES].sort());
  });

  it.each(cells)('%s × %s', (role, capability) => {
    expect(can(role, capability)).toBe(EXPECTED[role][capability]);
  });

  it('capabilitiesOf lists exactly the granted cells, in CAPABILITIES order', () => {
    expect(capabilitiesOf('ops')).toEqual(['tenant.view', 'org.edit', 'users.view']);
    expect(capabilitiesOf('auditor')).toEqual(['tenant.view', 'users.view', 'users.export', 'audit.view']);
    expect(capabilitiesOf('admin')).toEqual([...CAPABILITIES]);
  });

  it('an unknown role (e.g. from a stale cookie) can do nothing', () => {
    expect(can('root' as Role, 'tenant.view')).toBe(false);
    expect(capabilitiesOf('root' as Role)).toEqual([]);
  });
});
