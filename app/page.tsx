import { connection } from 'next/server';
import { TenantList } from '@/components/tenants/tenant-list';
import { getEnv } from '@/lib/env';
import { getTenantRegistry, toPublicTenant } from '@/lib/tenants';

// Until the signed-in shell exists, the landing page shows which tenants the registry serves.
export default async function HomePage() {
  await connection(); // live data: rendered per request, never at build time
  const registry = getTenantRegistry();
  const tenants = (await registry.list()).map(toPublicTenant);
  const status = registry.status();
  const demo = getEnv().PORTAL_MODE === 'embedded-demo';

  return (
    <main className="page">
      <header className="page-header">
        <h1>Genesys Tenant Portal</h1>
        <p>
          {tenants.length} {tenants.length === 1 ? 'tenant' : 'tenants'} from {status.sourceDescription}
        </p>
      </header>
      {demo ? (
        <p className="notice" role="note">
          Demo mode: these organizations live in the embedded Genesys Cloud emulator, not in real Genesys Cloud.
        </p>
      ) : null}
      {status.lastError ? (
        <p className="notice error" role="alert">
          The tenant source is failing ({status.lastError.message}); showing the last valid list.
        </p>
      ) : null}
      {status.problems.length > 0 ? (
        <p className="notice error" role="alert">
          {status.problems.length} tenant {status.problems.length === 1 ? 'entry was' : 'entries were'} skipped as
          invalid; see the server log.
        </p>
      ) : null}
      <TenantList tenants={tenants} />
    </main>
  );
}
