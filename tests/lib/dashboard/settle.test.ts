import { describe, expect, it, vi } from 'vitest';
import { PORTAL_PERMISSIONS } from '@/emulator/index';
import { GenesysApiError, TenantAccessError } from '@/lib/genesys';
import { loadConversationActivity } from '@/lib/dashboard/conversation-activity';
import { settle } from '@/lib/dashboard/settle';
import { addClient } from '@/tests/emulator/support/control';
import { createTestRuntime } from '@/tests/support/runtime-fixture';
import { setupDashboardEmulator } from './support';

vi.hoisted(() => vi.stubEnv('LOG_LEVEL', 'silent')); // before lib/logger reads it

const fx = setupDashboardEmulator([40]);
const context = { section: 'test', tenantId: 'acme-prod', requestId: 'req-settle-0001' };

describe('settle', () => {
  it('passes a loaded value through', async () => {
    expect(await settle(() => Promise.resolve(42), context)).toEqual({ ok: true, data: 42 });
  });

  it('an upstream 403 from the emulator names the missing Genesys permission and the request id', async () => {
    const permissions = PORTAL_PERMISSIONS.filter((p) => p !== 'analytics:conversationAggregate:view');
    const limited = await addClient(fx.mounted.emulator, 'acme-prod', permissions);
    const credential = fx.credentials.find((c) => c.tenantId === 'acme-prod')!;
    const runtime = createTestRuntime(fx.mounted.baseUrl, [
      { ...credential, clientId: limited.clientId, clientSecret: limited.clientSecret, rateLimitPerMinute: 6000 },
    ]);
    try {
      const result = await settle(() => loadConversationActivity(fx.source('acme-prod', runtime)), context);
      expect(result).toEqual({
        ok: false,
        failure: {
          code: 'upstream_forbidden',
          message: expect.stringContaining('analytics:conversationAggregate:view') as string,
          requestId: 'req-settle-0001',
          missingPermissions: ['analytics:conversationAggregate:view'],
        },
      });
    } finally {
      await runtime.close();
    }
  });

  it('maps anything else once, without leaking its message', async () => {
    const result = await settle(() => Promise.reject(new Error('db password is hunter2')), context);
    expect(result).toEqual({
      ok: false,
      failure: { code: 'internal_error', message: 'Something went wrong on the server.', requestId: 'req-settle-0001' },
    });
  });

  it('a synchronous throw is settled too, and a 429 keeps its code and says when to retry', async () => {
    const result = await settle(() => {
      throw new GenesysApiError({ status: 429, code: 'too.many.requests', message: 'slow down', retryAfterMs: 3000 });
    }, context);
    expect(result).toMatchObject({ ok: false, failure: { code: 'rate_limited', retryAfterSeconds: 3 } });
  });

  it('a binding mismatch keeps the token provider’s message, which names no organization', async () => {
    const result = await settle(() => {
      throw new TenantAccessError(
        'acme-prod',
        'tenant_binding_mismatch',
        'The credentials belong to another organization',
      );
    }, context);
    expect(result).toEqual({
      ok: false,
      failure: {
        code: 'tenant_binding_mismatch',
        message: 'The credentials belong to another organization',
        requestId: 'req-settle-0001',
      },
    });
  });
});
