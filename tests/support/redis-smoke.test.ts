import { Redis } from 'ioredis';
import { expect, inject, it } from 'vitest';

it('a real Redis is available to integration tests', async () => {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  try {
    const key = `test:smoke:${crypto.randomUUID()}`;
    expect(await redis.set(key, 'v', 'PX', 1000, 'NX')).toBe('OK');
    expect(await redis.set(key, 'w', 'PX', 1000, 'NX')).toBeNull();
    expect(await redis.config('GET', 'notify-keyspace-events')).toEqual([
      'notify-keyspace-events',
      expect.stringContaining('E'),
    ]);
  } finally {
    redis.disconnect();
  }
});
