'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { LoginFormState } from '@/components/auth/login-form';
import { AuditUnavailableError } from '@/lib/audit/types';
import { formText } from '@/lib/http/form-field';
import { resolveRequestId } from '@/lib/http/request-id';
import { isStoreUnavailable, STORE_UNAVAILABLE } from '@/lib/http/store-unavailable';
import { clientAddress, performLogin, safeReturnPath } from '@/lib/login-flow';
import { startSession } from '@/lib/session/server';

export async function loginAction(_previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const email = formText(form, 'email', 320);
  const password = formText(form, 'password');
  const incoming = await headers();
  const outcome = await performLogin({
    email,
    password,
    ip: clientAddress(incoming),
    requestId: resolveRequestId(incoming.get('x-request-id')),
  }).catch((error: unknown) => {
    // Throttle, sessions and the audit of the sign-in live in Redis: say so on the form rather
    // than on an error page.
    if (isStoreUnavailable(error) || error instanceof AuditUnavailableError)
      return { ok: false, reason: 'unavailable' } as const;
    throw error;
  });
  if (!outcome.ok) {
    const error =
      outcome.reason === 'unavailable'
        ? STORE_UNAVAILABLE.message
        : outcome.reason === 'throttled'
          ? `Too many attempts. Try again in ${Math.ceil(outcome.retryAfterMs / 1000)} seconds.`
          : 'Email or password is incorrect.';
    return { error, email };
  }
  await startSession(outcome.user);
  redirect(safeReturnPath(form.get('next')));
}
