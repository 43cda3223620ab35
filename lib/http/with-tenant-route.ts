import 'server-only';
import { can } from '../auth/capabilities';
import type { Capability, PortalUser } from '../auth/types';
import type { GenesysRuntime } from '../genesys-runtime';
import type { TenantConnection } from '../genesys/ports';
import { logger } from '../logger';
import { getPortalRuntime, type PortalRuntime } from '../portal-runtime';
import { getRequestSession } from '../session/server';
import type { Tenant } from '../tenants';
import { getGenesysRuntime } from '../tenants';
import { ApiError, forbidden, unauthorized } from './api-error';
import { assertSameOrigin } from './csrf';
import { errorResponse } from './error-response';
import { REQUEST_ID_HEADER, resolveRequestId } from './request-id';
import { resolveGrantedTenant } from './tenant-access';

export interface TenantRouteContext {
  request: Request;
  requestId: string;
  /** Every dynamic segment of the route, already URL-decoded by Next. */
  params: Record<string, string>;
  user: PortalUser;
  tenant: Tenant;
  connection: TenantConnection;
  genesys: GenesysRuntime;
  portal: PortalRuntime;
}

export interface TenantRouteOptions {
  capability: Capability;
  /** Writes also require the path tenant to be the active one (a stale tab must not write). */
  write?: boolean;
}

export type RouteParams = { params: Promise<{ tenantId: string } & Record<string, string>> };

const NO_STORE = { 'Cache-Control': 'private, no-store' };

/**
 * The gate every tenant route handler goes through, whatever proxy.ts did: CSRF, session,
 * capability, the [tenantId] grant, the active-tenant rule for writes. Answers
 * `{ tenantId, data }` so the client can drop a payload for a tenant that is no longer active.
 */
export function withTenantRoute(
  options: TenantRouteOptions,
  handler: (context: TenantRouteContext) => Promise<unknown>,
) {
  return async (request: Request, { params }: RouteParams): Promise<Response> => {
    const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
    const log = logger.child({ requestId });
    try {
      assertSameOrigin(request);
      const session = await getRequestSession();
      if (!session) throw unauthorized();
      const { user, activeTenantId } = session;
      if (!can(user.role, options.capability)) throw forbidden('Your role cannot do this.');
      const routeParams = await params;
      const tenant = await resolveGrantedTenant(user, routeParams.tenantId);
      if (options.write && activeTenantId !== tenant.tenantId) {
        throw new ApiError(
          409,
          'tenant_context_changed',
          'The active tenant changed in another tab; reload before saving.',
          {},
          {
            activeTenantId,
          },
        );
      }
      const genesys = getGenesysRuntime();
      const connection = await genesys.connectionFor(tenant.tenantId);
      const data = await handler({
        request,
        requestId,
        params: routeParams,
        user,
        tenant,
        connection,
        genesys,
        portal: getPortalRuntime(),
      });
      return Response.json(
        { tenantId: tenant.tenantId, data },
        { headers: { ...NO_STORE, [REQUEST_ID_HEADER]: requestId } },
      );
    } catch (error) {
      const response = errorResponse(error, requestId);
      const level = response.status >= 500 ? 'error' : 'warn';
      log[level](
        {
          status: response.status,
          err: error instanceof Error ? error.name : 'unknown',
          path: new URL(request.url).pathname,
        },
        'tenant route failed',
      );
      return response;
    }
  };
}
