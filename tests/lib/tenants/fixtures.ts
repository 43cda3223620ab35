/** A valid tenant entry; tests vary one field at a time. */
export function tenantEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tenantId: 'acme-prod',
    orgId: '6ad2c9c0-6bd6-4a4c-9b1a-2f6f3f2d6a11',
    displayName: 'Acme Corp',
    region: 'mypurecloud.com',
    clientId: 'client-acme',
    clientSecret: 'canary-secret-do-not-log',
    environment: 'production',
    ...overrides,
  };
}
