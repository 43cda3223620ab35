// GET /api/v2/oauth/clients and GET /api/v2/tokens/me (genesys-api.md §3, §8).
import type { Route } from '../router';
import { okResult } from '../result';
import { PERMISSIONS } from '../auth/permission-names';
import { notFound } from '../http/errors';
import { renderClient } from '../render/directory';

export const clientAndTokenRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v2/oauth/clients',
    anyPermission: [PERMISSIONS.clientView],
    handle({ org }) {
      // No paging parameters exist on this operation: one page holds every client.
      const entities = org.clients.map(renderClient);
      const selfUri = '/api/v2/oauth/clients';
      return okResult({
        entities,
        pageSize: entities.length,
        pageNumber: 1,
        total: entities.length,
        firstUri: selfUri,
        selfUri,
        lastUri: selfUri,
        pageCount: 1,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/api/v2/tokens/me',
    handle({ org, token, core }) {
      const client = core.world.clientsById.get(token.clientId);
      if (!client) return notFound();
      const organization = { id: org.organization.id, name: org.organization.name };
      const userRef = (id: string) => ({ id, selfUri: `/api/v2/users/${id}` });
      return okResult({
        organization,
        homeOrganization: organization,
        authorizedScope: [],
        // Capitalised key, as in the SDK's TokenInfo model.
        OAuthClient: {
          id: client.id,
          name: client.name,
          dateCreated: client.dateCreated,
          dateModified: client.dateModified,
          createdBy: userRef(client.createdById),
          modifiedBy: userRef(client.createdById),
          authorizedGrantType: client.authorizedGrantType,
          scope: [],
          roleDivisions: client.roleDivisions,
          state: client.state,
          organization,
        },
      });
    },
  },
];
