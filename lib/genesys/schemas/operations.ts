// The response schema of every allow-listed operation: the client validates each 2xx body here.
import type { z } from 'zod';
import type { OperationId } from '../api-paths';
import { conversationAggregateResponseSchema } from './analytics';
import { divisionListingSchema, roleListingSchema } from './authorization';
import { oauthClientListingSchema, tokenInfoSchema } from './oauth-client';
import {
  authSettingsSchema,
  limitNamespaceListingSchema,
  namespaceLimitsSchema,
  organizationFeaturesSchema,
  organizationSchema,
} from './organization';
import { queueListingSchema } from './routing';
import { trusteeListingSchema, trustorListingSchema } from './trust';
import { userListingSchema, userSchema, userSearchResponseSchema } from './user';

export const RESPONSE_SCHEMAS = {
  'organizations.me': organizationSchema,
  'organizations.updateMe': organizationSchema,
  'organizations.feature': organizationFeaturesSchema,
  'organizations.authSettings': authSettingsSchema,
  'organizations.updateAuthSettings': authSettingsSchema,
  'organizations.limitsNamespaces': limitNamespaceListingSchema,
  'organizations.limitsNamespace': namespaceLimitsSchema,
  'users.list': userListingSchema,
  'users.get': userSchema,
  'users.search': userSearchResponseSchema,
  'users.searchNext': userSearchResponseSchema,
  'authorization.divisions': divisionListingSchema,
  'authorization.roles': roleListingSchema,
  'oauth.clients': oauthClientListingSchema,
  'tokens.me': tokenInfoSchema,
  'orgauthorization.trustors': trustorListingSchema,
  'orgauthorization.trustees': trusteeListingSchema,
  'routing.queues': queueListingSchema,
  'analytics.conversationAggregates': conversationAggregateResponseSchema,
} as const satisfies Record<OperationId, z.ZodType>;

export type OperationResult<Op extends OperationId> = z.output<(typeof RESPONSE_SCHEMAS)[Op]>;
