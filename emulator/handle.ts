// The emulator's front door: (Request) => Promise<Response>. Dispatches to the token
// endpoint, the config service, the control plane or the Platform API, applies queued faults
// first, and turns any unexpected exception into a 500 ErrorBody instead of a crash.
import { randomUUID } from 'node:crypto';
import type { Core } from './core';
import type { QueuedFault } from './faults/fault-queue';
import { API_ROUTES } from './routes/index';
import { handleApi } from './api-pipeline';
import { handleTokenRequest } from './auth/token-endpoint';
import { CONFIG_SERVICE_PATH, handleConfigService } from './config-service';
import { handleControl } from './faults/control-routes';
import { ConnectionResetError } from './errors';
import { internalError, notFound } from './http/errors';
import { toResponse } from './http/render-result';
import { errorResponse, jsonResponse } from './http/response';
import { requestOrgId } from './faults/request-org';
import { recordResponse } from './stats';

type Outcome = { response: Response; orgId?: string; clientId?: string };

const STATUS_CODES: Record<number, string> = {
  400: 'bad.request',
  401: 'bad.credentials',
  403: 'not.authorized',
  404: 'not.found',
  408: 'request.timeout',
  409: 'general.conflict',
  429: 'too.many.requests.retry.after',
  500: 'internal.server.error',
  502: 'bad.gateway',
  503: 'service.unavailable',
  504: 'request.timeout',
};

/** Retry-After of a scripted 429 that names none. */
export const DEFAULT_FAULT_RETRY_AFTER_SECONDS = 1;

function faultResponse(fault: QueuedFault & { status: number }, correlationId: string): Response {
  const headers = { ...fault.headers };
  // A custom body means the test crafts the whole answer itself; leave it exactly as given.
  if (fault.body !== undefined) return jsonResponse(fault.status, fault.body, correlationId, headers);
  const code = STATUS_CODES[fault.status] ?? 'emulated.fault';
  if (fault.status === 429) {
    // Every real 429 since 2021-11-10 carries an integer Retry-After and names it in the message
    // (genesys-api.md §11); a default scripted 429 must too, or a portal's back-off goes untested.
    const given = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
    const seconds = given ?? String(DEFAULT_FAULT_RETRY_AFTER_SECONDS);
    if (given === undefined) headers['Retry-After'] = seconds;
    const message = `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`;
    return errorResponse(429, code, message, correlationId, [], headers);
  }
  return errorResponse(fault.status, code, `Emulated fault (HTTP ${fault.status}).`, correlationId, [], headers);
}

async function route(core: Core, req: Request, url: URL, correlationId: string): Promise<Outcome> {
  const path = url.pathname;
  if (path === '/oauth/token') return handleTokenRequest(core, req, url, correlationId);
  if (path === CONFIG_SERVICE_PATH) return { response: await handleConfigService(core, req, correlationId) };
  if (path.startsWith('/api/')) return handleApi(core, API_ROUTES, req, url, correlationId);
  return { response: toResponse(notFound(), correlationId) };
}

export async function handleRequest(core: Core, req: Request): Promise<Response> {
  const correlationId = randomUUID();
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return toResponse(notFound(), correlationId);
  }
  if (url.pathname === '/__emulator' || url.pathname.startsWith('/__emulator/')) {
    if (!core.options.faultControl) return toResponse(notFound(), correlationId);
    return safely(() => handleControl(core, req, url, correlationId), correlationId);
  }

  core.stats.requests++;
  const requestOrg = requestOrgId(core, req);
  const fault = core.faults.take(req.method, url.pathname, requestOrg);
  if (fault) core.stats.faultsApplied++;
  if (fault?.latencyMs) await core.options.sleep(fault.latencyMs);
  // A faulted answer is booked to the org whose credentials the request carried.
  const faultOrg = requestOrg ? { orgId: requestOrg } : {};
  if (fault?.connectionReset) {
    recordResponse(core.stats, { method: req.method, path: url.pathname, status: 0, ...faultOrg });
    throw new ConnectionResetError();
  }
  const outcome: Outcome =
    fault?.status !== undefined
      ? { response: faultResponse({ ...fault, status: fault.status }, correlationId), ...faultOrg }
      : await safelyOutcome(() => route(core, req, url, correlationId), correlationId);
  recordResponse(core.stats, {
    method: req.method,
    path: url.pathname,
    status: outcome.response.status,
    ...(outcome.orgId ? { orgId: outcome.orgId } : {}),
    ...(outcome.clientId ? { clientId: outcome.clientId } : {}),
  });
  return outcome.response;
}

async function safelyOutcome(run: () => Promise<Outcome>, correlationId: string): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConnectionResetError) throw error;
    return { response: toResponse(internalError(), correlationId) };
  }
}

const safely = async (run: () => Promise<Response>, correlationId: string): Promise<Response> =>
  (await safelyOutcome(async () => ({ response: await run() }), correlationId)).response;
