import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditLog } from '@/lib/audit/types';
import { rotateCredentialsAudited } from '@/lib/credentials/rotate';
import type { GenesysRuntime } from '@/lib/genesys-runtime';
import { logger } from '@/lib/logger';
import { control } from '../../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import type { TenantFileEntry } from '../../support/runtime-fixture';
import { ADMIN, callUpstream, createEditableRuntime, createTempAuditLog, tokenRequests, tokensIssued } from './fixture';

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [4, 4, 4] });
});
// Each case starts from the seeded secrets (the first one rotates a secret at the emulator).
beforeEach(() => {
  mounted.emulator.reset();
  demo = mounted.emulator.listTenantCredentials();
});
afterAll(() => mounted.close());

async function currentToken(runtime: GenesysRuntime, tenantId: string) {
  return (await runtime.tokenProvider.getToken(await runtime.connectionFor(tenantId))).value;
}

async function rotate(runtime: GenesysRuntime, audit: AuditLog, tenantId: string) {
  const tenant = await runtime.registry.get(tenantId);
  return rotateCredentialsAudited({ runtime, audit, user: ADMIN, tenant, requestId: 'req-rotate-1' });
}

describe('rotate now', () => {
  it('picks up a secret rotated at Genesys and in the tenants file, evicts the token and audits it', async () => {
    const target = demo[0]!;
    const { runtime, rewrite } = createEditableRuntime(mounted.baseUrl, demo);
    const audit = createTempAuditLog();
    const oldToken = await currentToken(runtime, target.tenantId);

    const { body } = await control<{ clientSecret: string }>(
      mounted.emulator,
      'POST',
      `/clients/${target.clientId}/rotate-secret`,
      { graceMs: 0 },
    );
    rewrite(demo.map((t) => (t.tenantId === target.tenantId ? { ...t, clientSecret: body.clientSecret } : t)));
    const requestsBefore = tokenRequests(mounted.emulator, target.clientId);
    const issuedBefore = tokensIssued(mounted.emulator, target.clientId);

    const outcome = await rotate(runtime, audit, target.tenantId);
    expect(outcome).toEqual({
      ok: true,
      reread: { ok: true },
      secretChanged: true,
      clientIdChanged: false,
      tokenEvicted: true,
      token: { ok: true, expiresAt: expect.any(Number) as number },
    });
    // Exactly one new token, acquired with the new secret (the old one no longer works).
    expect(tokenRequests(mounted.emulator, target.clientId)).toBe(requestsBefore + 1);
    expect(tokensIssued(mounted.emulator, target.clientId)).toBe(issuedBefore + 1);

    // The next call uses that new token: no further token request.
    await callUpstream(runtime, target.tenantId);
    expect(tokenRequests(mounted.emulator, target.clientId)).toBe(requestsBefore + 1);
    expect(await currentToken(runtime, target.tenantId)).not.toBe(oldToken);
    expect(runtime.healthOf(target.tenantId).binding).toMatchObject({ ok: true });

    const { entries } = await audit.query({ limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'credentials.rotate',
        result: 'success',
        tenantId: target.tenantId,
        userId: ADMIN.id,
        requestId: 'req-rotate-1',
        details: {
          reread: true,
          secretChanged: true,
          clientIdChanged: false,
          tokenEvicted: true,
          tokenAcquired: true,
          failure: null,
        },
      }),
    ]);
    const stored = JSON.stringify(entries);
    expect(stored).not.toContain(body.clientSecret);
    expect(stored).not.toContain(target.clientSecret);
    await audit.close();
  });

  it('with unchanged credentials still trades the cached token for a fresh one', async () => {
    const target = demo[1]!;
    const { runtime } = createEditableRuntime(mounted.baseUrl, demo);
    const audit = createTempAuditLog();
    const oldToken = await currentToken(runtime, target.tenantId);
    const issuedBefore = tokensIssued(mounted.emulator, target.clientId);

    const outcome = await rotate(runtime, audit, target.tenantId);
    expect(outcome).toMatchObject({ ok: true, secretChanged: false, clientIdChanged: false, tokenEvicted: true });
    expect(tokensIssued(mounted.emulator, target.clientId)).toBe(issuedBefore + 1);
    expect(await currentToken(runtime, target.tenantId)).not.toBe(oldToken);
    await audit.close();
  });

  it('keeps the working token when the source cannot be re-read, and audits the failure', async () => {
    const target = demo[1]!;
    const { runtime, rewrite } = createEditableRuntime(mounted.baseUrl, demo);
    const audit = createTempAuditLog();
    const oldToken = await currentToken(runtime, target.tenantId);
    const requestsBefore = tokenRequests(mounted.emulator, target.clientId);
    rewrite('{ not json');

    const outcome = await rotate(runtime, audit, target.tenantId);
    expect(outcome).toMatchObject({
      ok: false,
      reread: { ok: false },
      tokenEvicted: false,
      token: null,
      failure: { code: 'reread_failed' },
    });
    // The file's name, not its directory (the raw source error has the full path).
    expect(outcome.failure?.message).toBe(
      'Could not re-read the credentials: tenants file tenants.json is not valid JSON. The current token was kept.',
    );
    expect(await currentToken(runtime, target.tenantId)).toBe(oldToken);
    expect(tokenRequests(mounted.emulator, target.clientId)).toBe(requestsBefore);
    const { entries } = await audit.query({ limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'credentials.rotate',
        result: 'failure',
        details: expect.objectContaining({ reread: false, tokenEvicted: false, failure: 'reread_failed' }) as object,
      }),
    ]);
    await audit.close();
  });

  it('reports a tenant removed from the source (its token evicted by the registry)', async () => {
    const target = demo[2]!;
    const { runtime, rewrite } = createEditableRuntime(mounted.baseUrl, demo);
    const audit = createTempAuditLog();
    await currentToken(runtime, target.tenantId);
    rewrite(demo.filter((t) => t.tenantId !== target.tenantId));

    const outcome = await rotate(runtime, audit, target.tenantId);
    expect(outcome).toMatchObject({ ok: false, tokenEvicted: true, failure: { code: 'tenant_removed' } });
    const { entries } = await audit.query({ limit: 10 });
    expect(entries).toEqual([expect.objectContaining({ result: 'failure' })]);
    await audit.close();
  });

  it('does nothing when the audit log is not answering', async () => {
    const target = demo[0]!;
    const { runtime } = createEditableRuntime(mounted.baseUrl, demo);
    const oldToken = await currentToken(runtime, target.tenantId);
    const requestsBefore = tokenRequests(mounted.emulator, target.clientId);
    const down: AuditLog = {
      append: () => Promise.reject(new Error('down')),
      query: () => Promise.reject(new Error('down')),
      close: () => Promise.resolve(),
    };

    const outcome = await rotate(runtime, down, target.tenantId);
    expect(outcome).toMatchObject({ ok: false, tokenEvicted: false, failure: { code: 'audit_unavailable' } });
    expect(await currentToken(runtime, target.tenantId)).toBe(oldToken);
    expect(tokenRequests(mounted.emulator, target.clientId)).toBe(requestsBefore);
  });

  it('audits an unexpected error after the re-read once, as a failure, and tells the user nothing internal', async () => {
    const target = demo[0]!;
    const { runtime } = createEditableRuntime(mounted.baseUrl, demo);
    const audit = createTempAuditLog();
    const oldToken = await currentToken(runtime, target.tenantId);
    const tenant = await runtime.registry.get(target.tenantId);
    const internal = new Error('registry index corrupt at /var/lib/portal/state.db');
    const broken = {
      tokenProvider: runtime.tokenProvider,
      registry: { ...runtime.registry, get: () => Promise.reject(internal) },
    };
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await rotateCredentialsAudited({
        runtime: broken,
        audit,
        user: ADMIN,
        tenant,
        requestId: 'req-rotate-2',
      });
      expect(outcome).toMatchObject({
        ok: false,
        reread: { ok: true },
        tokenEvicted: false,
        token: null,
        failure: { code: 'rotation_error' },
      });
      expect(outcome.auditFailed).toBeUndefined();
      expect(JSON.stringify(outcome)).not.toMatch(/corrupt|state\.db/);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ requestId: 'req-rotate-2', tenantId: target.tenantId, err: internal }),
        expect.any(String),
      );
    } finally {
      logged.mockRestore();
    }
    const { entries } = await audit.query({ limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'credentials.rotate',
        result: 'failure',
        requestId: 'req-rotate-2',
        details: expect.objectContaining({ reread: true, tokenEvicted: false, failure: 'rotation_error' }) as object,
      }),
    ]);
    expect(await currentToken(runtime, target.tenantId)).toBe(oldToken);
    await audit.close();
  });

  it('says so, and logs at error level, when the rotation happened but its audit entry could not be written', async () => {
    const target = demo[1]!;
    const { runtime } = createEditableRuntime(mounted.baseUrl, demo);
    const oldToken = await currentToken(runtime, target.tenantId);
    const failingAppend: AuditLog = {
      append: () => Promise.reject(new Error('disk full')),
      query: () => Promise.resolve({ entries: [], nextCursor: null }),
      close: () => Promise.resolve(),
    };
    const appended = vi.spyOn(failingAppend, 'append');
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      const outcome = await rotate(runtime, failingAppend, target.tenantId);
      expect(outcome).toMatchObject({ ok: true, tokenEvicted: true, token: { ok: true }, auditFailed: true });
      expect(appended).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ requestId: 'req-rotate-1', action: 'credentials.rotate' }),
        'audit append failed after a change',
      );
    } finally {
      logged.mockRestore();
    }
    expect(await currentToken(runtime, target.tenantId)).not.toBe(oldToken);
  });
});
