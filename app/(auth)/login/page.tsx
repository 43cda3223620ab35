import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { isStoreUnavailable } from '@/lib/http/store-unavailable';
import { safeReturnPath } from '@/lib/login-flow';
import { getRequestSession } from '@/lib/session/server';
import { loginAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next);
  // Redis away: the session cannot be checked, so show the form (whose action says what is wrong).
  const session = await getRequestSession().catch((error: unknown) => {
    if (isStoreUnavailable(error)) return null;
    throw error;
  });
  if (session) redirect(returnTo);
  return (
    <main className="page login-page">
      <h1>Genesys Tenant Portal</h1>
      <p>Sign in to manage your Genesys Cloud organizations.</p>
      <LoginForm action={loginAction} next={returnTo} />
    </main>
  );
}
