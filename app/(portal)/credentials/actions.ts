'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { can } from '@/lib/auth/capabilities';
import { withoutDirectories } from '@/lib/credentials/format';
import { rotateCredentialsAudited } from '@/lib/credentials/rotate';
import type { RotateActionState } from '@/lib/credentials/types';
import { TenantAccessError } from '@/lib/genesys/errors';
import { ApiError } from '@/lib/http/api-error';
import { mapError } from '@/lib/http/error-response';
import { formText } from '@/lib/http/form-field';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { resolveGrantedTenant } from '@/lib/http/tenant-access';
import { getPortalRuntime } from '@/lib/portal-runtime';
import { getRequestSession } from '@/lib/session/server';
import { getGenesysRuntime, type Tenant } from '@/lib/tenants';

/**
 * "Rotate now" for one tenant. An action is a public endpoint: the session, the capability and
 * the tenant grant are checked here, whatever the page showed. Refusals change nothing and are
 * answered as state (the form shows them); the rotation itself is audited in lib/credentials.
 */
export async function rotateCredentialsAction(
  _previous: RotateActionState,
  form: FormData,
): Promise<RotateActionState> {
  const session = await getRequestSession();
  if (!session) redirect('/login?next=%2Fcredentials');
  const requestId = resolveRequestId((await headers()).get(REQUEST_ID_HEADER));
  const tenantId = formText(form, 'tenantId', 64);
  const refused = (code: string, message: string): RotateActionState => ({
    status: 'refused',
    tenantId,
    requestId,
    code,
    message,
  });
  if (!can(session.user.role, 'credentials.rotate')) {
    return refused('forbidden', 'Your role cannot rotate credentials.');
  }
  let tenant: Tenant;
  try {
    tenant = await resolveGrantedTenant(session.user, tenantId);
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof TenantAccessError)) throw error;
    const { code, message } = mapError(error);
    // "Tenant list unavailable: cannot read tenants file /srv/…": the file's name is enough.
    return refused(code, withoutDirectories(message, getGenesysRuntime().registry.status()));
  }
  const outcome = await rotateCredentialsAudited({
    runtime: getGenesysRuntime(),
    audit: getPortalRuntime().audit,
    user: session.user,
    tenant,
    requestId,
  });
  refresh(); // the page's token times and errors re-render with the answer
  return { status: 'done', tenantId: tenant.tenantId, requestId, at: Date.now(), ...outcome };
}
