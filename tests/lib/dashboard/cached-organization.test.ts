/**
 * The organization card's cache entry is the tenant's alone: its key and both tags name the
 * tenant, and the tags are the ones an edit or a tenant switch expires (tenantTags).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCachedOrganization, ORGANIZATION_CACHE_SECONDS } from '@/lib/dashboard/cached-organization';
import type { DashboardSource } from '@/lib/dashboard/source';
import { tenantTags } from '@/lib/tenant-tags';

const calls = vi.hoisted(() => [] as { keyParts: string[]; options: { tags: string[]; revalidate: number } }[]);
vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(
      read: (...args: A) => R,
      keyParts: string[],
      options: { tags: string[]; revalidate: number },
    ) =>
    (...args: A) => {
      calls.push({ keyParts: [...keyParts, ...args.map(String)], options });
      return read(...args);
    },
}));
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('@/lib/dashboard/organization', () => ({
  loadOrganization: (source: DashboardSource) => {
    loaded.push(source.tenantId);
    return Promise.resolve({ id: `org-of-${source.tenantId}`, name: source.tenantId });
  },
}));

const sourceFor = (tenantId: string) => ({ tenantId, requestId: 'req-1', genesys: {} }) as unknown as DashboardSource;

describe('loadCachedOrganization', () => {
  beforeEach(() => {
    calls.length = 0;
    loaded.length = 0;
  });

  it('keys and tags the entry by tenant, with tags that tenantTags expires', async () => {
    const org = await loadCachedOrganization(sourceFor('acme-prod'));
    expect(org).toMatchObject({ id: 'org-of-acme-prod' });
    expect(loaded).toEqual(['acme-prod']);
    const [call] = calls;
    expect(call?.keyParts.filter((part) => part === 'acme-prod')).toHaveLength(2);
    expect(call?.options.revalidate).toBe(ORGANIZATION_CACHE_SECONDS);
    expect(call?.options.tags.length).toBeGreaterThan(0);
    for (const tag of call?.options.tags ?? []) {
      expect(tag).toContain('acme-prod');
      expect(tenantTags('acme-prod')).toContain(tag);
      expect(tenantTags('acme-sandbox')).not.toContain(tag);
    }
  });

  it('gives two tenants two different keys and disjoint tags', async () => {
    await loadCachedOrganization(sourceFor('acme-prod'));
    await loadCachedOrganization(sourceFor('globex-eu'));
    const [a, b] = calls;
    expect(a?.keyParts).not.toEqual(b?.keyParts);
    expect(a?.options.tags.some((tag) => b?.options.tags.includes(tag))).toBe(false);
  });
});
