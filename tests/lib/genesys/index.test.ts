// The public surface: one import gives server code the client, the resources and the errors.
import { describe, expect, it } from 'vitest';
import * as genesys from '@/lib/genesys';

describe('lib/genesys public surface', () => {
  it('exports the client, pagination, every resource function and the typed errors', () => {
    const functions = [
      'createGenesysClient',
      'createTokenProvider',
      'createRateGovernor',
      'buildApiUrl',
      'parseRetryAfter',
      'computeBackoff',
      'paginateEntities',
      'paginateUserSearch',
      'getOrganization',
      'updateOrganization',
      'setFeature',
      'getAuthSettings',
      'updateAuthSettings',
      'listLimitNamespaces',
      'getNamespaceLimits',
      'listUsers',
      'iterateUsers',
      'getUser',
      'searchUsers',
      'listDivisions',
      'listRoles',
      'listOAuthClients',
      'getTokenInfo',
      'listTrustors',
      'listTrustees',
      'listQueues',
      'queryConversationAggregates',
      'parseMissingPermissions',
      'GenesysApiError',
      'GenesysContractError',
      'GenesysTimeoutError',
      'RateLimitedError',
      'InvalidApiRequestError',
      'TenantAccessError',
    ] as const;
    for (const name of functions) expect(typeof genesys[name], name).toBe('function');
    expect(genesys.MAX_RETRY_WAIT_MS).toBe(180_000);
    expect(Object.keys(genesys.RESPONSE_SCHEMAS).sort()).toEqual(Object.keys(genesys.API_OPERATIONS).sort());
  });
});
