/**
 * The one kind of unhandled rejection the test run tolerates (vitest.config.ts): connection loss
 * inside the cache library's Redis client, as CI saw it when tests/next-cache kills Redis.
 */
import { describe, expect, it } from 'vitest';
import { isCacheClientConnectionLoss } from '@/vitest.config';

describe('isCacheClientConnectionLoss', () => {
  it('tolerates the library’s connection-loss rejections', () => {
    const closed = {
      message: 'The client is closed',
      stack:
        'Error: The client is closed\n    at Commander._RedisClient_sendCommand node_modules/@redis/client/dist/lib/client/index.js:520:31\n    at SyncedMap.delete node_modules/@trieb.work/nextjs-turbo-redis-cache/dist/index.mjs:349:23',
    };
    const reset = {
      message: 'read ECONNRESET',
      stack: 'Error: read ECONNRESET\n    at TCP.onStreamRead node:internal/stream_base_commons:218:20',
    };
    expect(isCacheClientConnectionLoss(closed)).toBe(true);
    expect(isCacheClientConnectionLoss(reset)).toBe(true);
  });

  it('still fails the run for anything else', () => {
    expect(
      isCacheClientConnectionLoss({ message: 'read ECONNRESET', stack: 'Error\n    at fetchUsers lib/users/x.ts:1:1' }),
    ).toBe(false);
    expect(
      isCacheClientConnectionLoss({
        message: 'boom',
        stack: 'Error: boom\n    at node_modules/@redis/client/dist/x.js:1:1',
      }),
    ).toBe(false);
  });
});
