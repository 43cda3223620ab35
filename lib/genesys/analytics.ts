// Conversation aggregates (requires analytics:conversationAggregate:view).
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';
import {
  type ConversationAggregateResponse,
  type ConversationAggregationQuery,
  conversationAggregationQuerySchema,
} from './schemas/analytics';

/** A read-only POST: retried like a GET on 429/5xx. */
export async function queryConversationAggregates(
  client: GenesysClient,
  tenant: TenantConnection,
  query: ConversationAggregationQuery,
  options?: CallOptions,
): Promise<ConversationAggregateResponse> {
  const body = conversationAggregationQuerySchema.parse(query);
  return client.request(tenant, 'analytics.conversationAggregates', { ...options, body });
}
