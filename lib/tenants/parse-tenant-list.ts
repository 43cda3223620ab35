import { tenantSchema, type Tenant } from './tenant-schema';

export interface TenantProblem {
  /** The entry's tenantId when it has a readable one, else its position in the list. */
  tenant: string;
  field: string;
  message: string;
}

export interface ParsedTenantList {
  tenants: Tenant[];
  problems: TenantProblem[];
}

function describeEntry(entry: unknown, index: number): string {
  if (entry && typeof entry === 'object' && 'tenantId' in entry) {
    const id = entry.tenantId;
    if (typeof id === 'string' && id.length > 0 && id.length <= 64) return id;
  }
  return `#${index}`;
}

/**
 * Validates every entry on its own: a bad entry is reported by tenant and field and skipped,
 * the good ones load. Duplicate tenant ids are all rejected (which one is right is unknowable).
 * Problems never carry the offending value, so a misplaced secret cannot reach a log.
 */
export function parseTenantList(input: unknown): ParsedTenantList {
  if (!Array.isArray(input)) {
    return { tenants: [], problems: [{ tenant: '*', field: '(root)', message: 'expected a list of tenants' }] };
  }
  const problems: TenantProblem[] = [];
  const valid: Tenant[] = [];
  input.forEach((entry, index) => {
    const result = tenantSchema.safeParse(entry);
    if (result.success) {
      valid.push(result.data);
      return;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : '(entry)');
      problems.push({ tenant: describeEntry(entry, index), field, message: issue.message });
    }
  });
  const counts = new Map<string, number>();
  for (const t of valid) counts.set(t.tenantId, (counts.get(t.tenantId) ?? 0) + 1);
  const tenants = valid.filter((t) => counts.get(t.tenantId) === 1);
  for (const [id, count] of counts) {
    if (count > 1)
      problems.push({ tenant: id, field: 'tenantId', message: `appears ${count} times; all copies skipped` });
  }
  return { tenants, problems };
}
