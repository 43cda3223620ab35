import { z } from 'zod';
import { tenantSchema } from '../tenants/tenant-schema';
import { parsePasswordHash } from './passwords';
import { ROLES, type StoredPortalUser } from './types';

/**
 * The users file, `{ "users": [...] }`, as written by `npm run user`. Strict objects: a typo in
 * a hand edit (`"grant"`, `"disable"`) is an error, not a silently ignored field.
 */
const userIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'must be a lowercase slug (a-z, 0-9, -)');

// Lowercased before validation so lookups are exact string compares everywhere else.
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an email address').max(254));

/** Exact ids and group names: no wildcards, prefixes or case folding (grants.ts compares strings). */
export const tenantGrantsSchema = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({
    all: z.literal(false).optional(),
    tenants: z.array(tenantSchema.shape.tenantId).default([]),
    groups: z.array(z.string().trim().min(1).max(80)).default([]),
  }),
]);

export const storedPortalUserSchema = z.strictObject({
  id: userIdSchema,
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  grants: tenantGrantsSchema,
  disabled: z.boolean().default(false),
  passwordHash: z.string().refine((hash) => parsePasswordHash(hash) !== undefined, 'must be a scrypt$N$r$p$salt$hash'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const usersFileSchema = z
  .strictObject({ users: z.array(storedPortalUserSchema) })
  .superRefine(({ users }, ctx) => {
    for (const field of ['id', 'email'] as const) {
      const seen = new Set<string>();
      users.forEach((user, index) => {
        if (seen.has(user[field])) {
          ctx.addIssue({
            code: 'custom',
            path: ['users', index, field],
            message: `duplicate ${field} "${user[field]}"`,
          });
        }
        seen.add(user[field]);
      });
    }
  });

export type UsersFile = { users: StoredPortalUser[] };

/** Parses the file's text; throws an Error listing each problem by path (never a password hash). */
export function parseUsersFile(text: string): UsersFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const result = usersFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(problems.join('; '));
  }
  return result.data satisfies UsersFile;
}
