import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type ScryptCost } from '@/lib/auth/passwords';
import type { StoredPortalUser } from '@/lib/auth/types';

/** Cheap scrypt for tests; production cost stays the default in code. */
export const TEST_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export async function makeUser(
  overrides: Partial<StoredPortalUser> & { password?: string } = {},
): Promise<StoredPortalUser> {
  const { password = 'test-password-1', ...rest } = overrides;
  return {
    id: 'u-alice',
    email: 'alice@example.test',
    name: 'Alice',
    role: 'ops',
    grants: { tenants: ['acme-prod'], groups: [] },
    disabled: false,
    passwordHash: await hashPassword(password, TEST_COST),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...rest,
  };
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'portal-users-'));
