import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

function run(headers: Record<string, string>) {
  const response = proxy(new NextRequest('http://portal.test/api/health', { headers }));
  const overridden = (response.headers.get('x-middleware-override-headers') ?? '').split(',');
  const forwarded = (name: string) => response.headers.get(`x-middleware-request-${name}`);
  return { response, overridden, forwarded };
}

describe('proxy', () => {
  it('strips client-supplied tenant and subrequest headers before any handler sees them', () => {
    const { overridden, forwarded } = run({
      'X-Genesys-Organization': 'forged-org',
      'x-middleware-subrequest': 'middleware:middleware:middleware',
      accept: 'application/json',
    });
    expect(overridden).not.toContain('x-genesys-organization');
    expect(overridden).not.toContain('x-middleware-subrequest');
    expect(forwarded('x-genesys-organization')).toBeNull();
    expect(forwarded('accept')).toBe('application/json');
  });

  it('assigns a request id and echoes it, replacing a malformed one', () => {
    const fresh = run({});
    const id = fresh.response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.forwarded('x-request-id')).toBe(id);

    expect(run({ 'x-request-id': 'trace-12345678' }).response.headers.get('x-request-id')).toBe('trace-12345678');
    const injected = run({ 'x-request-id': 'bad id <script> with spaces' }).response.headers.get('x-request-id');
    expect(injected).not.toContain('bad');
  });
});
