import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { z } from 'zod';
import { TenantChooser } from '@/components/portal/tenant-chooser';
import { TenantScope } from '@/components/portal/tenant-scope';
import { ComparisonView } from '@/components/snapshots/comparison-view';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { listGrantedTenants } from '@/lib/http/tenant-access';
import { toFailure } from '@/lib/http/to-failure';
import { requireCapability } from '@/lib/session/server';
import { getSnapshotStore } from '@/lib/snapshots/get-store';
import { compareStoredSnapshots, type StoredComparison } from '@/lib/snapshots/snapshots';
import { snapshotIdSchema } from '@/lib/snapshots/types';
import { toPublicTenant } from '@/lib/tenants';
import { switchTenantAction } from '../../../actions';
import { firstParam, type SearchParams } from '@/lib/snapshots/filter-params';

export const metadata: Metadata = { title: 'Compare snapshots' };

const idsSchema = z.object({ from: snapshotIdSchema, to: snapshotIdSchema });

/** Two snapshots of the active tenant compared on the server (the store is the portal's, not Genesys). */
export default async function CompareSnapshotsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, activeTenantId } = await requireCapability('users.export', '/users/snapshots/compare');
  const granted = await listGrantedTenants(user);
  const active = granted.find((t) => t.tenantId === activeTenantId) ?? null;
  const params = await searchParams;
  const ids = idsSchema.safeParse({ from: firstParam(params.from), to: firstParam(params.to) });
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  let result: { ok: true; comparison: StoredComparison } | { ok: false; failure: ReturnType<typeof toFailure> } | null =
    null;
  if (active && ids.success) {
    try {
      result = { ok: true, comparison: await compareStoredSnapshots(getSnapshotStore(), active.tenantId, ids.data) };
    } catch (error) {
      result = { ok: false, failure: toFailure(error, requestId) };
    }
  }

  return (
    <TenantScope tenantId={active?.tenantId ?? null}>
      <main className="page" data-tenant-id={active?.tenantId ?? ''}>
        <header className="page-header">
          <h1>Compare snapshots</h1>
          {active ? <p>{active.displayName} · joiners, leavers and changed state, division or roles</p> : null}
        </header>
        <p>
          <Link href="/users/snapshots">All snapshots</Link>
        </p>
        {!active ? (
          <>
            <EmptyState title="Choose a tenant to compare its snapshots." />
            <TenantChooser tenants={granted.map(toPublicTenant)} activeTenantId={null} action={switchTenantAction} />
          </>
        ) : !ids.success ? (
          <ErrorPanel
            title="This comparison link is not valid"
            message="Choose two snapshots on the snapshots page."
            code="invalid_input"
            requestId={requestId}
          />
        ) : result?.ok ? (
          <ComparisonView comparison={result.comparison} />
        ) : result ? (
          <ErrorPanel
            title="Could not compare these snapshots"
            message={result.failure.message}
            code={result.failure.code}
            requestId={result.failure.requestId}
          />
        ) : null}
      </main>
    </TenantScope>
  );
}
