import { z } from 'zod';
import { errorResponse } from '@/lib/http/error-response';
import { assertSameOrigin } from '@/lib/http/csrf';
import { readJsonBody } from '@/lib/http/json-body';
import { REQUEST_ID_HEADER, resolveRequestId } from '@/lib/http/request-id';
import { clientAddress, performLogin } from '@/lib/login-flow';
import { startSession } from '@/lib/session/server';

const loginSchema = z.strictObject({ email: z.string().max(320), password: z.string().max(1024) });

// JSON sign-in for scripts and tests; the page uses the server action. Same checks, same audit.
export async function POST(request: Request) {
  const requestId = resolveRequestId(request.headers.get(REQUEST_ID_HEADER));
  try {
    assertSameOrigin(request);
    const { email, password } = await readJsonBody(request, loginSchema, 4096);
    const outcome = await performLogin({ email, password, ip: clientAddress(request.headers), requestId });
    if (outcome.ok) {
      await startSession(outcome.user);
      return Response.json(
        { user: { email: outcome.user.email, role: outcome.user.role } },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    }
    const throttled = outcome.reason === 'throttled';
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (throttled) headers['Retry-After'] = String(Math.ceil(outcome.retryAfterMs / 1000));
    const error = throttled
      ? { code: 'too_many_attempts', message: 'Too many sign-in attempts; retry later.', requestId }
      : { code: 'invalid_credentials', message: 'Email or password is incorrect.', requestId };
    return Response.json({ error }, { status: throttled ? 429 : 401, headers });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
