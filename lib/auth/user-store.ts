import type { PortalUser, StoredPortalUser } from './types';
import { usersFileSchema } from './user-schema';

/**
 * Where portal users come from. Async because the file store may re-read its file; lookups by
 * email take any case and surrounding spaces (stored emails are lowercased by the schema).
 */
export interface UserStore {
  findByEmail(email: string): Promise<StoredPortalUser | undefined>;
  findById(id: string): Promise<StoredPortalUser | undefined>;
  list(): Promise<StoredPortalUser[]>;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** What may go into a session or a page: everything but the hash and bookkeeping. */
export function toPortalUser(user: StoredPortalUser): PortalUser {
  const { id, email, name, role, grants, disabled } = user;
  return { id, email, name, role, grants, disabled };
}

export interface UserIndex {
  users: StoredPortalUser[];
  byEmail: Map<string, StoredPortalUser>;
  byId: Map<string, StoredPortalUser>;
}

export function indexUsers(users: StoredPortalUser[]): UserIndex {
  return {
    users,
    byEmail: new Map(users.map((user) => [user.email, user])),
    byId: new Map(users.map((user) => [user.id, user])),
  };
}

export function createStoreOver(snapshot: () => Promise<UserIndex>): UserStore {
  return {
    findByEmail: async (email) => (await snapshot()).byEmail.get(normalizeEmail(email)),
    findById: async (id) => (await snapshot()).byId.get(id),
    list: async () => [...(await snapshot()).users],
  };
}

/** Validated like the file (unique ids and emails), so a test or the demo cannot build a store the file could not hold. */
export function createMemoryUserStore(users: StoredPortalUser[]): UserStore {
  const index = indexUsers(usersFileSchema.parse({ users }).users);
  return createStoreOver(() => Promise.resolve(index));
}
