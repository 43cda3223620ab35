// /__emulator/* — the test and demo control plane (only with faultControl on, and only with
// the X-Service-Token). Bodies are validated with zod; answers are plain JSON, not ErrorBody,
// so nobody mistakes them for Genesys responses.
import { z } from 'zod';
import type { Core } from '../core';
import { resetCore } from '../core';
import { matchPath } from '../router';
import { jsonResponse } from '../http/response';
import { readText } from '../http/body';
import { hasServiceToken } from '../service-token';
import { findOrg, listTenantCredentials, readOnlyCredential } from '../credentials';
import { snapshotStats } from '../stats';
import { faultSpecSchema } from './fault-queue';
import { addClient, describeClient, mutateOrganization, rotateSecret, setClientState } from './control-actions';
import { type ControlContext, type ControlRoute, type Reply, failure, ok, orgNotFound } from './control-reply';
import { USER_CONTROL_ROUTES } from './user-control';

const clientNotFound = failure(404, 'not_found', 'No such client.');

function withClient(
  ctx: ControlContext,
  act: (client: NonNullable<ReturnType<Core['world']['clientsById']['get']>>) => Reply,
): Reply {
  const client = ctx.core.world.clientsById.get(ctx.params.clientId ?? '');
  return client ? act(client) : clientNotFound;
}

const orgChangesSchema = z
  .object({
    name: z.string().min(1).max(256),
    defaultLanguage: z.string().max(32),
    defaultCountryCode: z.string().max(8),
    thirdPartyURI: z.string().max(1024),
    domain: z.string().max(255),
    supportURI: z.string().max(1024),
    voicemailEnabled: z.boolean(),
  })
  .partial()
  .strict();

const newClientSchema = z
  .object({
    name: z.string().min(1).max(200).optional(),
    permissions: z.array(z.string().min(1).max(200)).max(500),
    rateLimitPerMinute: z.number().int().min(0).max(1_000_000).optional(),
    accessTokenValiditySeconds: z.number().int().min(1).max(172_800).optional(),
    authorizedGrantType: z.enum(['CLIENT-CREDENTIALS', 'CODE', 'TOKEN', 'SAML2-BEARER', 'PASSWORD']).optional(),
  })
  .strict();

const ROUTES: ControlRoute[] = [
  { method: 'POST', pattern: '/__emulator/reset', handle: ({ core }) => (resetCore(core), ok({ reset: true })) },
  { method: 'GET', pattern: '/__emulator/stats', handle: ({ core }) => ok(snapshotStats(core.stats)) },
  { method: 'GET', pattern: '/__emulator/tenants', handle: ({ core }) => ok({ tenants: listTenantCredentials(core) }) },
  {
    method: 'GET',
    pattern: '/__emulator/tenants/:tenant/clients',
    handle({ core, params }) {
      const org = findOrg(core, params.tenant ?? '');
      return org
        ? ok({
            clients: org.clients.map((client) => describeClient(org, client)),
            readOnly: readOnlyCredential(core, org.spec.tenantId),
          })
        : orgNotFound;
    },
  },
  {
    method: 'POST',
    pattern: '/__emulator/tenants/:tenant/clients',
    schema: newClientSchema,
    handle({ core, params, body }) {
      const org = findOrg(core, params.tenant ?? '');
      return org ? ok(addClient(core, org, body as z.infer<typeof newClientSchema>), 201) : orgNotFound;
    },
  },
  {
    method: 'POST',
    pattern: '/__emulator/tenants/:tenant/mutate',
    schema: orgChangesSchema,
    handle({ core, params, body }) {
      const org = findOrg(core, params.tenant ?? '');
      return org ? ok(mutateOrganization(org, body ?? {})) : orgNotFound;
    },
  },
  ...USER_CONTROL_ROUTES,
  {
    method: 'PUT',
    pattern: '/__emulator/clients/:clientId/rate-limit',
    schema: z.object({ perMinute: z.number().int().min(0).max(1_000_000) }).strict(),
    handle: (ctx) =>
      withClient(ctx, (client) => {
        client.rateLimitPerMinute = (ctx.body as { perMinute: number }).perMinute;
        return ok({ clientId: client.id, rateLimitPerMinute: client.rateLimitPerMinute });
      }),
  },
  {
    method: 'POST',
    pattern: '/__emulator/clients/:clientId/rotate-secret',
    schema: z
      .object({
        graceMs: z
          .number()
          .int()
          .min(0)
          .max(30 * 86_400_000),
      })
      .partial()
      .strict(),
    handle: (ctx) =>
      withClient(ctx, (client) =>
        ok(rotateSecret(ctx.core, client, (ctx.body as { graceMs?: number } | undefined)?.graceMs)),
      ),
  },
  ...(['disable', 'enable'] as const).map((action): ControlRoute => ({
    method: 'POST',
    pattern: `/__emulator/clients/:clientId/${action}`,
    handle: (ctx) =>
      withClient(ctx, (client) => {
        setClientState(ctx.core, client, action === 'disable' ? 'disabled' : 'active');
        return ok({ clientId: client.id, state: client.state });
      }),
  })),
  {
    method: 'POST',
    pattern: '/__emulator/clients/:clientId/revoke-tokens',
    handle: (ctx) =>
      withClient(ctx, (client) => ok({ clientId: client.id, revoked: ctx.core.tokens.revokeClient(client.id) })),
  },
  { method: 'GET', pattern: '/__emulator/faults', handle: ({ core }) => ok({ faults: core.faults.list() }) },
  {
    method: 'POST',
    pattern: '/__emulator/faults',
    schema: faultSpecSchema,
    handle({ core, body }) {
      const spec = faultSpecSchema.parse(body);
      if (spec.tenant === undefined) return ok(core.faults.add(spec), 201);
      const org = findOrg(core, spec.tenant);
      return org ? ok(core.faults.add({ ...spec, tenant: org.organization.id }), 201) : orgNotFound;
    },
  },
  {
    method: 'DELETE',
    pattern: '/__emulator/faults',
    handle: ({ core }) => (core.faults.clear(), ok({ cleared: true })),
  },
  {
    method: 'PUT',
    pattern: '/__emulator/config-service',
    schema: z
      .object({
        mode: z.enum(['ok', 'slow', 'failing', 'malformed']),
        latencyMs: z.number().int().min(0).max(600_000).optional(),
      })
      .strict(),
    handle({ core, body }) {
      const { mode, latencyMs } = body as { mode: Core['configService']['mode']; latencyMs?: number };
      core.configService = { mode, latencyMs: latencyMs ?? core.configService.latencyMs };
      return ok(core.configService);
    },
  },
];

async function parseBody(
  req: Request,
  schema: z.ZodType | undefined,
): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  if (!schema) return { ok: true, value: undefined };
  const read = await readText(req);
  if (!read.ok) return { ok: false, reply: failure(400, 'bad_request', 'Body could not be read.') };
  let value: unknown;
  try {
    value = read.text.trim() === '' ? {} : (JSON.parse(read.text) as unknown);
  } catch {
    return { ok: false, reply: failure(400, 'bad_request', 'Body is not valid JSON.') };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, reply: failure(400, 'bad_request', z.prettifyError(parsed.error)) };
  return { ok: true, value: parsed.data };
}

export async function handleControl(core: Core, req: Request, url: URL, correlationId: string): Promise<Response> {
  const send = (reply: Reply) => jsonResponse(reply.status, reply.body, correlationId);
  if (!hasServiceToken(req, core.options.configServiceToken))
    return send(failure(401, 'unauthorized', 'Missing or invalid X-Service-Token header.'));
  const method = req.method.toUpperCase();
  const candidates = ROUTES.flatMap((route) => {
    const params = matchPath(route.pattern, url.pathname);
    return params ? [{ route, params }] : [];
  });
  if (candidates.length === 0) return send(failure(404, 'not_found', 'No such fault-control route.'));
  const found = candidates.find(({ route }) => route.method === method);
  if (!found)
    return send(failure(405, 'method_not_allowed', `Use ${candidates.map(({ route }) => route.method).join(' or ')}.`));
  const body = await parseBody(req, found.route.schema);
  if (!body.ok) return send(body.reply);
  return send(found.route.handle({ core, params: found.params, body: body.value }));
}
