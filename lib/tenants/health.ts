import type { TenantHealthRecorder } from '../genesys/ports';
import type { RegistryStatus } from './registry';

export interface TenantHealth {
  tenantId: string;
  lastTokenAt: number | null;
  tokenExpiresAt: number | null;
  lastError: { code: string; message: string; at: number } | null;
  binding: { ok: boolean; at: number; reportedOrgId?: string } | null;
  rotationDueAt: number | null;
  breaker: RegistryStatus['breaker'];
}

type Entry = Omit<TenantHealth, 'tenantId' | 'rotationDueAt' | 'breaker'>;

const empty = (): Entry => ({ lastTokenAt: null, tokenExpiresAt: null, lastError: null, binding: null });

/**
 * Per-tenant health, kept in process for the UI and the operator check. The token provider
 * reports into it; nothing here holds a token or secret, only times, codes and org ids.
 */
export function createTenantHealthStore() {
  const entries = new Map<string, Entry>();
  const entry = (tenantId: string): Entry => {
    let current = entries.get(tenantId);
    if (!current) entries.set(tenantId, (current = empty()));
    return current;
  };

  const recorder: TenantHealthRecorder = {
    tokenAcquired(tenantId, { at, expiresAt }) {
      Object.assign(entry(tenantId), { lastTokenAt: at, tokenExpiresAt: expiresAt });
    },
    tokenFailed(tenantId, { at, code, message }) {
      entry(tenantId).lastError = { code, message, at };
    },
    bindingChecked(tenantId, { at, ok, reportedOrgId }) {
      entry(tenantId).binding = { ok, at, reportedOrgId };
    },
  };

  function snapshot(tenantId: string, status: RegistryStatus): TenantHealth {
    const current = entries.get(tenantId) ?? empty();
    return {
      tenantId,
      ...current,
      rotationDueAt: status.rotationDueAt[tenantId] ?? null,
      breaker: status.breaker,
    };
  }

  return { recorder, snapshot, clear: (tenantId: string) => entries.delete(tenantId) };
}

export type TenantHealthStore = ReturnType<typeof createTenantHealthStore>;
