import 'server-only';
import {
  withTenantRoute,
  type RouteParams,
  type TenantRouteContext,
  type TenantRouteOptions,
} from './with-tenant-route';

/**
 * withTenantRoute for a handler that answers a whole Response (a file download) instead of the
 * `{ tenantId, data }` JSON: the same gate (session, capability, [tenantId] grant), the same
 * error mapping and logging. The handler's Response is kept aside and answered as it is; the
 * gate's own JSON answer is used only when the gate or the handler refused.
 */
export function withTenantDownload(
  options: TenantRouteOptions,
  handler: (context: TenantRouteContext) => Promise<Response>,
) {
  return async (request: Request, context: RouteParams): Promise<Response> => {
    let download: Response | undefined;
    const gated = withTenantRoute(options, async (routeContext) => {
      download = await handler(routeContext);
      return null;
    });
    const answer = await gated(request, context);
    return download ?? answer;
  };
}
