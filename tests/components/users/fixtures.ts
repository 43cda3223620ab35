import type { UserRow, UserViewPage, UserViewResponse } from '@/lib/users/user-row';

export const DIVISION_ID = '0b6c3f0e-3c0a-4f57-9d7e-2f1f6c1d2a11';

export function row(index: number, extra: Partial<UserRow> = {}): UserRow {
  return {
    id: `user-${index}`,
    name: `User ${String(index).padStart(3, '0')}`,
    email: `user${index}@acme.example`,
    username: `user${index}@acme.example`,
    title: 'Agent',
    department: 'Sales',
    divisionId: DIVISION_ID,
    divisionName: 'Home',
    state: 'active',
    roles: ['Employee'],
    dateLastLogin: '2026-01-02T03:04:05.000Z',
    managerId: null,
    managerName: null,
    ...extra,
  };
}

/** A page of `count` rows starting after `(page - 1) * pageSize`. */
export function pageOf(
  tenantId: string,
  { total, page = 1, pageSize = 25, count }: { total: number; page?: number; pageSize?: number; count?: number },
): UserViewResponse {
  const first = (page - 1) * pageSize;
  const size = count ?? Math.max(0, Math.min(pageSize, total - first));
  const data: UserViewPage = {
    total,
    page,
    pageSize,
    pageCount: Math.ceil(total / pageSize),
    rows: Array.from({ length: size }, (_, i) => row(first + i + 1)),
  };
  return { tenantId, data };
}
