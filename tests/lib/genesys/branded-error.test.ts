/**
 * `instanceof` across two copies of the error modules, as Next's separate bundles have them:
 * an error thrown by one copy is recognised by the other's class, and only by its own kind.
 */
import { describe, expect, it, vi } from 'vitest';
import * as audit from '@/lib/audit/types';
import * as genesys from '@/lib/genesys/errors';
import * as http from '@/lib/http/api-error';
import * as snapshots from '@/lib/snapshots/store';

async function freshCopies() {
  vi.resetModules();
  return {
    genesys: await import('@/lib/genesys/errors'),
    http: await import('@/lib/http/api-error'),
    audit: await import('@/lib/audit/types'),
    snapshots: await import('@/lib/snapshots/store'),
  };
}

const samples = () => ({
  GenesysApiError: new genesys.GenesysApiError({ status: 429, code: 'too.many', message: 'slow down' }),
  GenesysContractError: new genesys.GenesysContractError('getOrganization', ['id: required']),
  RateLimitedError: new genesys.RateLimitedError('acme-prod', 2000),
  GenesysTimeoutError: new genesys.GenesysTimeoutError('getOrganization'),
  TenantAccessError: new genesys.TenantAccessError('acme-prod', 'credentials_invalid', 'refused'),
  InvalidApiRequestError: new genesys.InvalidApiRequestError('getUser', 'empty id'),
  ApiError: new http.ApiError(409, 'conflict', 'changed'),
  AuditUnavailableError: new audit.AuditUnavailableError('down'),
  SnapshotCorruptError: new snapshots.SnapshotCorruptError('bad row'),
});

describe('branded errors', () => {
  it('are recognised by another copy of their class, and by no other class', async () => {
    const copy = await freshCopies();
    const classes = {
      ...copy.genesys,
      ApiError: copy.http.ApiError,
      AuditUnavailableError: copy.audit.AuditUnavailableError,
      SnapshotCorruptError: copy.snapshots.SnapshotCorruptError,
    } as Record<string, unknown>;
    const errors = samples();
    expect(copy.genesys.GenesysApiError).not.toBe(genesys.GenesysApiError);
    for (const [name, error] of Object.entries(errors)) {
      for (const other of Object.keys(errors)) {
        const otherClass = classes[other] as new (...args: never[]) => unknown;
        expect(error instanceof otherClass, `${name} instanceof ${other}`).toBe(name === other);
      }
      expect(error.name).toBe(name);
      expect(error).toBeInstanceOf(Error);
    }
  });

  it('a subclass with a brand of its own is still an instance of its parent', async () => {
    const { BrandedError } = await import('@/lib/genesys/branded-error');
    class Parent extends BrandedError {
      static override readonly brand: string = 'TestParentError';
    }
    class Child extends Parent {
      static override readonly brand = 'TestChildError';
    }
    const child = new Child('x', { cause: new Error('root') });
    expect(child instanceof Child && child instanceof Parent && child instanceof BrandedError).toBe(true);
    expect(new Parent('y') instanceof Child).toBe(false);
    expect(child.name).toBe('TestChildError');
    expect((child.cause as Error).message).toBe('root');
  });

  it('keep their fields and message', () => {
    const error = samples().TenantAccessError;
    expect(error).toMatchObject({ tenantId: 'acme-prod', code: 'credentials_invalid', message: 'refused' });
    expect(String(error)).toBe('TenantAccessError: refused');
  });
});
