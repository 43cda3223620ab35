import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorServer, startEmulatorServer } from '../../emulator/server';
import { fetchJson, fetchToken } from './support/fetch-client';

let server: EmulatorServer;
let token: string;

beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, orgSizes: [30, 10], faultControl: true });
  token = await fetchToken(server.url, server.emulator.listTenantCredentials()[0]!);
});
afterAll(() => server.close());

function rawRequest(payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => socket.end(payload));
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('startEmulatorServer', () => {
  it('listens on a random loopback port and serves the API with its headers', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const { status, body, headers } = await fetchJson(server.url, token, '/api/v2/organizations/me');
    expect(status).toBe(200);
    expect(body.name).toBe('Acme Corp');
    expect(headers.get('inin-correlation-id')).toBeTruthy();
    expect(headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('answers HEAD like GET without a body', async () => {
    const response = await fetch(`${server.url}/api/v2/tokens/me`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('streams request bodies through', async () => {
    const { body: org } = await fetchJson<{ version: number }>(server.url, token, '/api/v2/organizations/me');
    const put = await fetchJson(server.url, token, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { version: org.version, supportURI: 'help@acme.example' },
    });
    expect([put.status, put.body.supportURI]).toEqual([200, 'help@acme.example']);
  });

  it('destroys the socket on a connection-reset fault', async () => {
    await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'x-service-token': server.emulator.configServiceToken, 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/api/v2/tokens/me', connectionReset: true }),
    });
    await expect(
      fetch(`${server.url}/api/v2/tokens/me`, { headers: { authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
    expect((await fetchJson(server.url, token, '/api/v2/tokens/me')).status).toBe(200);
  });

  it('survives malformed HTTP and odd request targets', async () => {
    expect(await rawRequest('THIS IS NOT HTTP\r\n\r\n')).toContain('400');
    expect(await rawRequest('GET /api/v2/users HTTP/1.1\r\nHost: bad host name!\r\nConnection: close\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 401/,
    );
    expect(await rawRequest('GET //// HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetchJson(server.url, token, '/api/v2/tokens/me')).status).toBe(200);
  });
});
