/**
 * A real runtime whose tenants file the test can rewrite (an operator editing it), plus the
 * helpers the credentials tests share: one upstream call for a tenant, token counts at the
 * emulator, a file audit log in a temp dir, and an admin user.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@/emulator/index';
import { createAuditLog } from '@/lib/audit';
import type { PortalUser } from '@/lib/auth/types';
import { parseEnv } from '@/lib/env';
import { getOrganization } from '@/lib/genesys';
import { createGenesysRuntime, type GenesysRuntime } from '@/lib/genesys-runtime';
import { silentLogger, writeTenantsFile, type TenantFileEntry } from '../../support/runtime-fixture';

export interface EditableRuntime {
  runtime: GenesysRuntime;
  /** Replaces the tenants file, as an operator would (raw text allowed, to break it). */
  rewrite: (entries: TenantFileEntry[] | string) => void;
}

export function createEditableRuntime(baseUrl: string, entries: TenantFileEntry[]): EditableRuntime {
  const path = writeTenantsFile(entries);
  const env = parseEnv({ TENANTS_FILE: path, GENESYS_GATEWAY_URL: baseUrl, LOG_LEVEL: 'silent' });
  return {
    runtime: createGenesysRuntime({ env, logger: silentLogger }),
    rewrite: (next) => writeFileSync(path, typeof next === 'string' ? next : JSON.stringify({ tenants: next })),
  };
}

/** One ordinary upstream call for the tenant (acquires a token first if none is cached). */
export async function callUpstream(runtime: GenesysRuntime, tenantId: string) {
  return getOrganization(runtime.client, await runtime.connectionFor(tenantId));
}

export const tokenRequests = (emulator: Emulator, clientId: string) => emulator.stats().tokenRequests[clientId] ?? 0;
export const tokensIssued = (emulator: Emulator, clientId: string) => emulator.stats().tokensIssued[clientId] ?? 0;

export const createTempAuditLog = () =>
  createAuditLog({ filePath: join(mkdtempSync(join(tmpdir(), 'credentials-audit-')), 'audit.jsonl') });

export const ADMIN: PortalUser = {
  id: 'admin-1',
  email: 'admin@example.test',
  name: 'Admin',
  role: 'admin',
  grants: { all: true },
  disabled: false,
};
