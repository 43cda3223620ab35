// Read indexes over an org's users, built once: listing and search sort by name on every
// page, and re-sorting 20 000 users per request would dominate the emulator's latency.
import type { UserRecord } from '../model';

export type UserDirectory = {
  all: readonly UserRecord[];
  byId: ReadonlyMap<string, UserRecord>;
  /** Ascending by name, ties by id: the default order of GET /api/v2/users. */
  byName: readonly UserRecord[];
};

export const compareByName = (a: UserRecord, b: UserRecord): number => {
  const left = a.name.toLowerCase();
  const right = b.name.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

export function createUserDirectory(users: readonly UserRecord[]): UserDirectory {
  // Lower-case once per user instead of twice per comparison (~300 000 comparisons at 20 000 users).
  const keyed = users.map((user) => ({ user, key: user.name.toLowerCase() }));
  keyed.sort((a, b) =>
    a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.user.id < b.user.id ? -1 : a.user.id > b.user.id ? 1 : 0,
  );
  return {
    all: users,
    byId: new Map(users.map((user) => [user.id, user])),
    byName: keyed.map((entry) => entry.user),
  };
}
