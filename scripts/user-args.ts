/** Command line of `npm run user`: parsed and validated here, so commands get clean values. */
import { parseArgs } from 'node:util';
import { ROLES, type Role, type TenantGrants } from '../lib/auth/types';
import { emailSchema, tenantGrantsSchema } from '../lib/auth/user-schema';

export const USAGE = `usage: npm run user -- <command>
  add <email> --name "Full Name" --role admin|ops|auditor (--all | [--tenants a,b] [--groups g1,g2])
  passwd <email>        set a new password (prompted, or PORTAL_USER_PASSWORD)
  disable <email>       refuse sign-in and end live sessions
  enable <email>
  list
The users file is PORTAL_USERS_FILE. Passwords are never taken from the command line.`;

/** Bad usage: exit 2 with the message and the usage text. */
export class UsageError extends Error {}

export type UserCommand =
  | { command: 'add'; email: string; name: string; role: Role; grants: TenantGrants }
  | { command: 'passwd' | 'disable' | 'enable'; email: string }
  | { command: 'list' }
  | { command: 'help' };

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function parseEmail(value: string | undefined): string {
  const email = emailSchema.safeParse(value ?? '');
  if (!email.success) throw new UsageError(value ? `not an email address: ${value}` : 'missing <email>');
  return email.data;
}

function parseGrants(values: { all?: boolean; tenants?: string; groups?: string }): TenantGrants {
  if (values.all && (values.tenants !== undefined || values.groups !== undefined)) {
    throw new UsageError('--all cannot be combined with --tenants or --groups');
  }
  if (values.all) return { all: true };
  const grants = tenantGrantsSchema.safeParse({ tenants: list(values.tenants), groups: list(values.groups) });
  if (!grants.success) throw new UsageError(`bad tenant id or group: ${grants.error.issues[0]?.message ?? 'invalid'}`);
  if ('all' in grants.data && grants.data.all) return grants.data;
  if (grants.data.tenants.length + grants.data.groups.length === 0) {
    throw new UsageError('say which tenants: --all, --tenants a,b or --groups g1');
  }
  return grants.data;
}

export function parseUserArgs(argv: string[]): UserCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        tenants: { type: 'string' },
        groups: { type: 'string' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, email, ...extra] = positionals;
  if (values.help || command === 'help') return { command: 'help' };
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra[0]}`);
  const addOnly = ['name', 'role', 'tenants', 'groups', 'all'] as const;
  if (command !== 'add' && addOnly.some((option) => values[option] !== undefined)) {
    throw new UsageError(`--${addOnly.find((option) => values[option] !== undefined)} is only for add`);
  }
  switch (command) {
    case 'list':
      if (email !== undefined) throw new UsageError(`unexpected argument: ${email}`);
      return { command };
    case 'passwd':
    case 'disable':
    case 'enable':
      return { command, email: parseEmail(email) };
    case 'add': {
      const name = values.name?.trim();
      if (!name || name.length > 120) throw new UsageError('--name "Full Name" is required (at most 120 characters)');
      const role = ROLES.find((r) => r === values.role);
      if (!role) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      return { command, email: parseEmail(email), name, role, grants: parseGrants(values) };
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'missing command');
  }
}
