import { expect, test, type APIResponse } from '@playwright/test';

/**
 * Login throttling against the running portal. It locks auditor@demo.test and counts against
 * this address for the rest of the run, so playwright.config.ts runs it after every other spec.
 */

const GENERIC_ERROR = 'Email or password is incorrect.';

test('login throttling: unknown and known accounts are locked alike after 5 failures', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const attempt = (email: string, password: string) =>
    api.post('/api/auth/login', { data: { email, password }, headers: { origin: baseURL! } });
  const shape = async (response: APIResponse) => {
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    return {
      status: response.status(),
      code: body.error.code,
      message: body.error.message,
      keys: Object.keys(body.error).sort(),
      retryAfter: response.headers()['retry-after'] !== undefined,
    };
  };
  const sixFailures = async (email: string) => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await shape(await attempt(email, `wrong-${i}`)));
    return answers;
  };

  const unknown = await sixFailures(`nobody-${Date.now()}@demo.test`);
  expect(unknown.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
  expect(unknown[0]).toMatchObject({ code: 'invalid_credentials', message: GENERIC_ERROR, retryAfter: false });
  expect(unknown[5]).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfter: true });

  const known = await sixFailures('auditor@demo.test');
  expect(known, 'a known account answers exactly like an unknown one').toEqual(unknown);

  // Locked: even the right password is refused, with a Retry-After in whole seconds.
  const locked = await attempt('auditor@demo.test', 'demo');
  expect(locked.status()).toBe(429);
  const retryAfter = Number(locked.headers()['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60).toBe(true);
  await api.dispose();
});
