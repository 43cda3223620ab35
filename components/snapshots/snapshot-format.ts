// Words for snapshots, shared by the list, the compare form and the comparison. Pure.
import { formatCount } from '@/components/charts/scale';
import { formatUtc } from '@/lib/format-time';
import type { SnapshotMeta } from '@/lib/snapshots/types';
import type { UserFilter } from '@/lib/users/user-view';

/** "Search “ann” · state deleted · division Sales"; no filter: the default list. */
export function describeFilter(filter: UserFilter, divisionName?: string): string {
  const parts = [
    filter.q ? `search “${filter.q}”` : null,
    filter.state ? `state ${filter.state}` : 'active and inactive users',
    filter.division ? `division ${divisionName ?? filter.division}` : null,
  ].filter((part): part is string => part !== null);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "120 of 20,000 users" while taking ("120 users" before the first page says how many). */
export function progressText(snapshot: Pick<SnapshotMeta, 'total' | 'expected'>): string {
  return snapshot.expected === null
    ? `${formatCount(snapshot.total)} users`
    : `${formatCount(snapshot.total)} of ${formatCount(snapshot.expected)} users`;
}

/** A snapshot as an option of the compare form: when, how many, which filter. */
export const snapshotLabel = (snapshot: SnapshotMeta) =>
  `${formatUtc(Date.parse(snapshot.createdAt))} · ${formatCount(snapshot.total)} users · ${describeFilter(snapshot.filter, snapshot.filterDivisionName)}`;

export const usersText = (count: number) => `${formatCount(count)} ${count === 1 ? 'user' : 'users'}`;
