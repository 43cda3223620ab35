import type { SnapshotMeta } from '@/lib/snapshots/types';

let counter = 0;

/** A snapshot meta; ids are valid v4 UUIDs, times an hour apart in creation order. */
export function meta(changes: Partial<SnapshotMeta> = {}): SnapshotMeta {
  counter += 1;
  const n = String(counter).padStart(12, '0');
  const at = new Date(Date.parse('2025-03-01T10:00:00Z') + counter * 3_600_000).toISOString();
  return {
    id: `00000000-0000-4000-8000-${n}`,
    tenantId: 'acme',
    createdAt: at,
    createdBy: 'auditor@demo.test',
    filter: {},
    status: 'complete',
    total: 240,
    expected: 240,
    updatedAt: at,
    ...changes,
  };
}
