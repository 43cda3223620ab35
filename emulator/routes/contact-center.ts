// Queues and conversation aggregates: thin wiring around the pure routing/ and analytics/
// modules (owned separately); this file only adds auth and body parsing.
import type { Route } from '../router';
import { PERMISSIONS } from '../auth/permission-names';
import { readJsonBody } from '../http/body';
import { listQueues } from '../routing/index';
import { queryConversationAggregates } from '../analytics/index';

export const contactCenterRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v2/routing/queues',
    anyPermission: [PERMISSIONS.queueView],
    handle: ({ org, query, url }) => listQueues(org.queues(), query, url.pathname),
  },
  {
    method: 'POST',
    pattern: '/api/v2/analytics/conversations/aggregates/query',
    anyPermission: [PERMISSIONS.conversationAggregateView],
    async handle({ req, org, core, now }) {
      const body = await readJsonBody(req);
      if (!body.ok) return body.error;
      return queryConversationAggregates(
        { queues: org.queues(), orgId: org.organization.id, seed: core.options.seed, now },
        body.value,
      );
    },
  },
];
