// Public surface of the Genesys Cloud core. Server code imports from here, not from the files.
export * from './errors';
export type * from './ports';
export {
  REGIONS,
  type RegionKey,
  type RegionEnvironment,
  getRegionHosts,
  getRegionKey,
  isRegionEnvironment,
  regionEnvironmentSchema,
} from './regions';
export { parseRetryAfter } from './retry-after';
export { computeBackoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export {
  API_OPERATIONS,
  buildApiUrl,
  isOperationId,
  isRetrySafe,
  type HttpMethod,
  type OperationId,
  type PathParams,
  type QueryParams,
} from './api-paths';
export { MAX_RETRY_WAIT_MS } from './fetch-with-retry';
// Token provider and rate governor (written alongside; wired with stores in lib/upstream/).
export { createTokenProvider, type TokenProviderOptions } from './token-provider';
export { createRateGovernor, type RateGovernorOptions } from './rate-governor';
export type { RateStore, RateReservation } from './rate-store';
export {
  createGenesysClient,
  type CallOptions,
  type ClientDefaults,
  type GenesysClient,
  type GenesysClientOptions,
  type RequestOptions,
} from './client';
export {
  paginateEntities,
  paginateUserSearch,
  DEFAULT_PAGE_SIZE,
  type EntityOf,
  type ListOperation,
  type PageCursor,
  type PaginateOptions,
  type ResumableIterator,
  type SearchPage,
} from './paginate';
export {
  getOrganization,
  updateOrganization,
  setFeature,
  getAuthSettings,
  updateAuthSettings,
  listLimitNamespaces,
  getNamespaceLimits,
} from './organization';
export { listUsers, iterateUsers, getUser, searchUsers, type ListUsersQuery } from './users';
export { listDivisions, listRoles, type PageQuery } from './authorization';
export { listOAuthClients } from './oauth-clients';
export { getTokenInfo } from './tokens-info';
export { listTrustors, listTrustees, type TrustQuery } from './trust';
export { listQueues, type QueueQuery } from './routing';
export { queryConversationAggregates } from './analytics';
export * from './schemas/index';
