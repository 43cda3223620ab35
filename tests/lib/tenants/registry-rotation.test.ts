import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTenantList } from '@/lib/tenants/parse-tenant-list';
import { createTenantRegistry, type CredentialsChangedListener } from '@/lib/tenants/registry';
import { TenantSourceError, type TenantSource } from '@/lib/tenants/sources';
import { tenantEntry } from './fixtures';

const quietLogger = { warn: vi.fn(), info: vi.fn() };

/** A source whose answer the test changes between loads. */
function mutableSource(initial: unknown[]) {
  let entries: unknown[] | Error = initial;
  const source: TenantSource & { calls: number; set(next: unknown[] | Error): void } = {
    kind: 'config-service',
    describe: 'mutable',
    calls: 0,
    set(next) {
      entries = next;
    },
    async load() {
      source.calls++;
      await Promise.resolve();
      if (entries instanceof Error) throw entries;
      return parseTenantList(entries);
    },
  };
  return source;
}

function setup(entries: unknown[], extra: { breaker?: { failureThreshold: number; halfOpenAfterMs: number } } = {}) {
  const clock = { now: 0 };
  const source = mutableSource(entries);
  const events: Array<[string, string]> = [];
  const registry = createTenantRegistry({
    source,
    refreshIntervalMs: 60_000,
    logger: quietLogger,
    now: () => clock.now,
    ...extra,
  });
  const listener: CredentialsChangedListener = (id, reason) => {
    events.push([id, reason]);
  };
  registry.onCredentialsChanged(listener);
  return { clock, source, events, registry };
}

afterEach(() => vi.useRealTimers());

describe('tenant registry: credentials lifecycle', () => {
  it('evicts at once when a secret changes, and when a tenant disappears', async () => {
    const { clock, source, events, registry } = setup([tenantEntry(), tenantEntry({ tenantId: 'other' })]);
    await registry.list();
    source.set([tenantEntry({ clientSecret: 'rotated-secret' })]);
    clock.now = 60_000;
    await registry.list();
    expect(events).toEqual([
      ['acme-prod', 'secret-changed'],
      ['other', 'removed'],
    ]);
    expect((await registry.get('acme-prod')).clientSecret).toBe('rotated-secret');
  });

  it('re-reads credentials and evicts tokens when a rotation interval passes', async () => {
    const { clock, source, events, registry } = setup([tenantEntry({ rotationIntervalMs: 10_000 })]);
    await registry.list();
    expect(registry.status().rotationDueAt).toEqual({ 'acme-prod': 10_000 });
    clock.now = 9_999;
    await registry.list();
    expect(source.calls).toBe(1);
    clock.now = 10_000;
    await registry.list();
    expect(source.calls).toBe(2);
    expect(events).toEqual([['acme-prod', 'rotated']]);
    expect(registry.status().rotationDueAt).toEqual({ 'acme-prod': 20_000 });
  });

  it('refreshCredentials forces one re-read and says whether anything changed', async () => {
    const { source, registry } = setup([tenantEntry()]);
    await registry.list();
    expect(await registry.refreshCredentials('acme-prod')).toBeUndefined();
    source.set([tenantEntry({ clientSecret: 'new-secret' })]);
    expect((await registry.refreshCredentials('acme-prod'))?.clientSecret).toBe('new-secret');
    expect(source.calls).toBe(3);
  });

  it('fails closed for an unknown tenant, never answering with another one', async () => {
    const { registry } = setup([tenantEntry()]);
    await expect(registry.get('acme-prod-2')).rejects.toMatchObject({ code: 'tenant_unavailable' });
    await expect(registry.get('')).rejects.toMatchObject({ code: 'tenant_unavailable' });
  });
});

describe('tenant registry: circuit breaker', () => {
  it('opens after consecutive failures, stops calling the source, and probes again later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(0);
    const { clock, source, registry } = setup([tenantEntry()], {
      breaker: { failureThreshold: 2, halfOpenAfterMs: 30_000 },
    });
    await registry.list();
    source.set(new TenantSourceError('config service answered HTTP 503', 'rejected'));
    for (let i = 1; i <= 4; i++) {
      clock.now = i * 60_000;
      expect(await registry.list()).toHaveLength(1); // stale but valid
    }
    expect(source.calls).toBe(3); // the first load + 2 failures; then the breaker answers
    expect(registry.status().breaker).toBe('open');
    expect(registry.status().lastError?.message).toContain('circuit open');

    source.set([tenantEntry({ displayName: 'Acme Recovered' })]);
    vi.setSystemTime(31_000);
    clock.now = 5 * 60_000;
    expect((await registry.get('acme-prod')).displayName).toBe('Acme Recovered');
    expect(registry.status()).toMatchObject({ breaker: 'closed', lastError: undefined });
  });
});
