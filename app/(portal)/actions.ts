'use server';

import { revalidateTag } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit';
import { formText } from '@/lib/http/form-field';
import { resolveRequestId } from '@/lib/http/request-id';
import { resolveGrantedTenant } from '@/lib/http/tenant-access';
import { getPortalRuntime } from '@/lib/portal-runtime';
import { endSession, getRequestSession, setActiveTenantCookie } from '@/lib/session/server';
import { tenantTags } from '@/lib/tenant-tags';

/**
 * Switch the active tenant: re-check the session and the grant here (an action is a public
 * endpoint), set the sealed tenant cookie, expire both tenants' cached data, audit, redirect.
 */
export async function switchTenantAction(form: FormData): Promise<void> {
  const session = await getRequestSession();
  if (!session) redirect('/login');
  const tenant = await resolveGrantedTenant(session.user, formText(form, 'tenantId', 64));
  const previous = session.activeTenantId;
  const requestId = resolveRequestId((await headers()).get('x-request-id'));
  await recordAudit(getPortalRuntime().audit, {
    userId: session.user.id,
    userEmail: session.user.email,
    role: session.user.role,
    tenantId: tenant.tenantId,
    action: 'tenant.switch',
    result: 'success',
    requestId,
    before: { tenantId: previous },
    after: { tenantId: tenant.tenantId },
  });
  await setActiveTenantCookie(session.user, tenant.tenantId);
  for (const tag of [...(previous ? tenantTags(previous) : []), ...tenantTags(tenant.tenantId)]) {
    revalidateTag(tag, { expire: 0 });
  }
  redirect(`/dashboard?tenant=${encodeURIComponent(tenant.tenantId)}`);
}

export async function logoutAction(): Promise<void> {
  const session = await getRequestSession();
  if (session) {
    await recordAudit(getPortalRuntime().audit, {
      userId: session.user.id,
      userEmail: session.user.email,
      role: session.user.role,
      tenantId: session.activeTenantId,
      action: 'logout',
      result: 'success',
      requestId: resolveRequestId((await headers()).get('x-request-id')),
    });
  }
  await endSession(session?.user ?? null);
  redirect('/login');
}
