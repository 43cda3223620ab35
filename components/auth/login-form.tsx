'use client';

import { useActionState } from 'react';

export interface LoginFormState {
  error: string | null;
  email: string;
}

type LoginAction = (state: LoginFormState, form: FormData) => Promise<LoginFormState>;

export function LoginForm({ action, next }: { action: LoginAction; next: string }) {
  const [state, formAction, pending] = useActionState(action, { error: null, email: '' });
  return (
    <form action={formAction} className="login-form" aria-describedby={state.error ? 'login-error' : undefined}>
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.error ? (
        <p id="login-error" className="notice error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
