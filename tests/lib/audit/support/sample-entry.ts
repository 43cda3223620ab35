import type { AuditEntryInput } from '../../../../lib/audit/types';

let counter = 0;

/** A valid entry; each call gets a distinct requestId so entries can be told apart. */
export function sampleEntry(overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  counter += 1;
  return {
    userId: 'user-1',
    userEmail: 'ada@example.com',
    role: 'admin',
    tenantId: 'acme',
    action: 'org.update',
    result: 'success',
    requestId: `req-${counter}`,
    ...overrides,
  };
}
