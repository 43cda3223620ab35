import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonBody } from '@/lib/http/json-body';

const schema = z.strictObject({ name: z.string().min(1), version: z.number().int() });
const post = (body: string, type = 'application/json') =>
  new Request('http://portal.test/x', { method: 'PUT', headers: { 'content-type': type }, body });

describe('readJsonBody', () => {
  it('parses a valid body', async () => {
    await expect(readJsonBody(post('{"name":"Acme","version":3}'), schema)).resolves.toEqual({
      name: 'Acme',
      version: 3,
    });
  });

  it('rejects the wrong content type, malformed JSON, oversize and unknown fields', async () => {
    await expect(readJsonBody(post('{}', 'text/plain'), schema)).rejects.toMatchObject({ status: 415 });
    await expect(readJsonBody(post('{"name":'), schema)).rejects.toMatchObject({ status: 400, code: 'malformed_json' });
    await expect(
      readJsonBody(post(JSON.stringify({ name: 'x'.repeat(70_000), version: 1 })), schema),
    ).rejects.toMatchObject({
      status: 413,
    });
    await expect(readJsonBody(post('{"name":"A","version":1,"orgId":"other"}'), schema)).rejects.toThrow(/orgId/);
  });
});
