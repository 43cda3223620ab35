/**
 * The password check of the login. Unknown email, wrong password and disabled user all answer
 * the same `invalid` after the same work (one scrypt, one counted attempt), so neither the
 * answer nor its timing tells an attacker which emails are accounts. A throttled attempt is
 * refused before any scrypt: a locked account does not become an oracle or a CPU sink.
 */
import type { LoginThrottle } from './login-throttle';
import { DEFAULT_SCRYPT_COST, dummyVerify, verifyPassword, type ScryptCost } from './passwords';
import type { PortalUser } from './types';
import { toPortalUser, type UserStore } from './user-store';

export interface AuthenticateInput {
  store: UserStore;
  throttle: LoginThrottle;
  email: string;
  password: string;
  ip: string;
  /** Cost of the stand-in verify for a missing user; match the stored hashes (tests lower both). */
  dummyCost?: ScryptCost;
}

export type AuthenticateResult =
  { ok: true; user: PortalUser } | { ok: false; reason: 'invalid' | 'throttled'; retryAfterMs?: number };

// Longer input is refused after the same work; it cannot be a password `npm run user` set.
const MAX_PASSWORD_LENGTH = 1024;

export async function authenticate(input: AuthenticateInput): Promise<AuthenticateResult> {
  const { store, throttle, email, ip } = input;
  const gate = await throttle.reserve(email, ip);
  if (!gate.allowed) return { ok: false, reason: 'throttled', retryAfterMs: gate.retryAfterMs };

  const password = input.password.slice(0, MAX_PASSWORD_LENGTH);
  const user = await store.findByEmail(email);
  const matches = user
    ? await verifyPassword(password, user.passwordHash)
    : await dummyVerify(password, input.dummyCost ?? DEFAULT_SCRYPT_COST);

  if (user && matches && !user.disabled && input.password.length <= MAX_PASSWORD_LENGTH) {
    await throttle.settle(email, ip, 'success');
    return { ok: true, user: toPortalUser(user) };
  }
  const after = await throttle.settle(email, ip, 'failure');
  // Still `invalid` (this attempt was judged); the wait tells the form to stop offering retries.
  return after.allowed
    ? { ok: false, reason: 'invalid' }
    : { ok: false, reason: 'invalid', retryAfterMs: after.retryAfterMs };
}
