/**
 * Integration tests use a real Redis. CI starts one and sets REDIS_URL; on a developer machine
 * without REDIS_URL this starts a private redis-server on a free loopback port for the run.
 * Tests read the URL with `inject('redisUrl')`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

async function waitForPing(port: number): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      try {
        if (client.status !== 'ready') await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server on port ${port} did not answer PING`);
  } finally {
    client.disconnect();
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const existing = process.env.REDIS_URL;
  if (existing) {
    project.provide('redisUrl', existing);
    return () => undefined;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vitest-redis-'));
  let child: ChildProcess;
  try {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
        '--notify-keyspace-events',
        'Exe',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    throw new Error(
      'Integration tests need Redis: set REDIS_URL or install redis-server (apt-get install redis-server).',
    );
  }
  await new Promise<void>((resolve, reject) => {
    child.once('error', () =>
      reject(new Error('redis-server not found: set REDIS_URL or apt-get install redis-server')),
    );
    child.once('spawn', () => resolve());
  });
  await waitForPing(port);
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  return () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
