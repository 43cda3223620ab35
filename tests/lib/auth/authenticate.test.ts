import { describe, expect, it, vi } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { createLoginThrottle, type LoginThrottle } from '@/lib/auth/login-throttle';
import * as passwords from '@/lib/auth/passwords';
import { createMemoryUserStore } from '@/lib/auth/user-store';
import { makeUser, TEST_COST } from './user-fixtures';

vi.mock('@/lib/auth/passwords', { spy: true });

async function setup(throttle: LoginThrottle = createLoginThrottle()) {
  const store = createMemoryUserStore([
    await makeUser({ password: 'right-password' }),
    await makeUser({ id: 'u-off', email: 'off@example.test', password: 'right-password', disabled: true }),
  ]);
  const login = (email: string, password: string, ip = '10.0.0.1') =>
    authenticate({ store, throttle, email, password, ip, dummyCost: TEST_COST });
  return { login, throttle };
}

describe('authenticate', () => {
  it('signs in with the right password, any email case, and returns no hash', async () => {
    const { login } = await setup();
    const result = await login(' Alice@Example.test', 'right-password');
    expect(result).toEqual({
      ok: true,
      user: {
        id: 'u-alice',
        email: 'alice@example.test',
        name: 'Alice',
        role: 'ops',
        grants: { tenants: ['acme-prod'], groups: [] },
        disabled: false,
      },
    });
  });

  it('one generic failure, after the same work, for unknown email, wrong password and disabled user', async () => {
    const { login, throttle } = await setup();
    const settle = vi.spyOn(throttle, 'settle');
    const cases = [
      ['nobody@example.test', 'right-password'],
      ['alice@example.test', 'wrong-password'],
      ['off@example.test', 'right-password'],
    ] as const;
    for (const [email, password] of cases) {
      vi.mocked(passwords.verifyPassword).mockClear();
      vi.mocked(passwords.dummyVerify).mockClear();
      settle.mockClear();
      expect(await login(email, password)).toEqual({ ok: false, reason: 'invalid' });
      // Exactly one scrypt derivation (real or stand-in) and one recorded failure each time.
      const derivations =
        vi.mocked(passwords.verifyPassword).mock.calls.length + vi.mocked(passwords.dummyVerify).mock.calls.length;
      expect(derivations).toBe(1);
      expect(settle).toHaveBeenCalledTimes(1);
      expect(settle).toHaveBeenCalledWith(expect.any(String), expect.any(String), 'failure');
    }
    expect(vi.mocked(passwords.dummyVerify)).not.toHaveBeenCalledWith(expect.anything(), passwords.DEFAULT_SCRYPT_COST);
  });

  it('throttles after 5 failures even with the right password, without running scrypt, and says when to retry', async () => {
    const { login } = await setup();
    for (let i = 0; i < 4; i++)
      expect(await login('alice@example.test', `guess-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    const fifth = await login('alice@example.test', 'guess-5');
    expect(fifth).toMatchObject({ ok: false, reason: 'invalid', retryAfterMs: 15 * 60_000 });
    vi.mocked(passwords.verifyPassword).mockClear();
    const blocked = await login('alice@example.test', 'right-password', '10.0.0.2');
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    expect(blocked.ok === false && blocked.retryAfterMs).toBeGreaterThan(0);
    expect(passwords.verifyPassword).not.toHaveBeenCalled();
  });

  it('unknown emails are throttled exactly like real ones (no enumeration through the lockout)', async () => {
    const { login } = await setup();
    for (let i = 0; i < 5; i++) await login('ghost@example.test', `guess-${i}`);
    expect(await login('ghost@example.test', 'x')).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('a success resets the account count', async () => {
    const { login } = await setup();
    for (let i = 0; i < 4; i++) await login('alice@example.test', `guess-${i}`);
    expect((await login('alice@example.test', 'right-password')).ok).toBe(true);
    for (let i = 0; i < 4; i++) await login('alice@example.test', `again-${i}`);
    expect((await login('alice@example.test', 'right-password')).ok).toBe(true);
  });

  it('refuses an over-long password after the same work', async () => {
    const { login } = await setup();
    const long = `right-password${'x'.repeat(2000)}`;
    expect(await login('alice@example.test', long)).toEqual({ ok: false, reason: 'invalid' });
  });
});
