/**
 * ioredis' real failures (a refused connection, a server that accepts and never answers) are
 * recognised as "store unavailable" and map to a 503 with Retry-After; other errors are not.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse } from '@/lib/http/error-response';
import { isStoreUnavailable } from '@/lib/http/store-unavailable';
import { createRedisClient } from '@/lib/upstream/redis-client';
import { freePort, startPrivateRedis } from '@/tests/support/private-redis';

let silentServer: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  silentServer = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
});
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  silentServer.close();
});

async function failureOf(url: string): Promise<unknown> {
  const client = createRedisClient(url);
  try {
    await client.get('anything');
    throw new Error('expected the command to fail');
  } catch (error) {
    return error;
  } finally {
    client.disconnect();
  }
}

describe('isStoreUnavailable', () => {
  it('recognises a refused connection', async () => {
    const error = await failureOf(`redis://127.0.0.1:${await freePort()}`);
    expect(isStoreUnavailable(error)).toBe(true);
    const response = errorResponse(error, 'req-1');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: { code: 'store_unavailable', requestId: 'req-1' } });
  });

  it('recognises a Redis that accepts the connection and never answers', async () => {
    const address = silentServer.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(isStoreUnavailable(await failureOf(`redis://127.0.0.1:${port}`))).toBe(true);
  }, 15_000);

  it('recognises a Redis that refuses to serve: out of memory, loading, read-only replica', async () => {
    const redis = await startPrivateRedis();
    const client = createRedisClient(redis.url);
    try {
      await client.config('SET', 'maxmemory', '1');
      await client.config('SET', 'maxmemory-policy', 'noeviction');
      const refused = await client.set('k', 'v'.repeat(1000)).catch((error: unknown) => error);
      expect(isStoreUnavailable(refused)).toBe(true);
      expect(errorResponse(refused, 'r').status).toBe(503);
    } finally {
      client.disconnect();
      await redis.stop();
    }
    expect(isStoreUnavailable(new Error('LOADING Redis is loading the dataset in memory'))).toBe(true);
    expect(isStoreUnavailable(new Error("READONLY You can't write against a read only replica."))).toBe(true);
  });

  it('finds it behind a wrapper, and leaves other errors alone', () => {
    expect(isStoreUnavailable(new Error('saving failed', { cause: new Error('Command timed out') }))).toBe(true);
    expect(isStoreUnavailable(new Error('Something else'))).toBe(false);
    expect(isStoreUnavailable('Command timed out')).toBe(false);
    expect(errorResponse(new Error('boom'), 'r').status).toBe(500);
  });
});
