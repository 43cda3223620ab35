// X-Service-Token guard shared by the config service and fault control.
import { timingSafeEqual } from 'node:crypto';

export function hasServiceToken(req: Request, expected: string): boolean {
  const given = Buffer.from(req.headers.get('x-service-token') ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && given.length > 0 && timingSafeEqual(given, wanted);
}
