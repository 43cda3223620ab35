// GET /api/v1/genesys/tenants: the stand-in for the company's config service that hands the
// portal its tenant credentials. Its failure modes are switchable so tests can check that the
// portal keeps its last good list when the service is slow, down or returns garbage.
import type { Core } from './core';
import { listTenantCredentials } from './credentials';
import { jsonResponse, textResponse } from './http/response';
import { hasServiceToken } from './service-token';

export const CONFIG_SERVICE_PATH = '/api/v1/genesys/tenants';

export async function handleConfigService(core: Core, req: Request, correlationId: string): Promise<Response> {
  core.stats.configServiceRequests++;
  if (req.method.toUpperCase() !== 'GET') {
    return jsonResponse(405, { error: 'method_not_allowed', message: 'Only GET is supported.' }, correlationId, {
      Allow: 'GET',
    });
  }
  if (!hasServiceToken(req, core.options.configServiceToken)) {
    return jsonResponse(
      401,
      { error: 'unauthorized', message: 'Missing or invalid X-Service-Token header.' },
      correlationId,
    );
  }
  const { mode, latencyMs } = core.configService;
  if (mode === 'failing') {
    return jsonResponse(
      503,
      { error: 'unavailable', message: 'Config service is unavailable (emulated).' },
      correlationId,
    );
  }
  if (mode === 'malformed')
    return textResponse(200, '{"tenants": [{"tenantId": "acme-prod", "clientId": ', correlationId);
  if (mode === 'slow') await core.options.sleep(latencyMs);
  return jsonResponse(200, { tenants: listTenantCredentials(core) }, correlationId);
}
