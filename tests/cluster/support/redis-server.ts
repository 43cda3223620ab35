/**
 * The cluster's own redis-server, daemonized with a pid file so that the drills (in a test
 * worker) can SIGKILL it and start it again on the same port and directory, and the global
 * teardown can still find whichever process is current. AOF with fsync on every write: an
 * acknowledged XADD (audit entry) must survive a kill -9.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sleep, waitFor } from './deadline';

export interface RedisInfo {
  port: number;
  url: string;
  dir: string;
  pidFile: string;
  logFile: string;
}

export function redisInfo(port: number, dir: string): RedisInfo {
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    pidFile: join(dir, 'redis.pid'),
    logFile: join(dir, 'redis.log'),
  };
}

/** Starts (or restarts, with the data of `dir`) and waits until it answers PING. */
export async function startRedis(info: RedisInfo): Promise<void> {
  const args = [
    '--port',
    String(info.port),
    '--bind',
    '127.0.0.1',
    '--dir',
    info.dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--notify-keyspace-events',
    'Exe',
    '--daemonize',
    'yes',
    '--pidfile',
    info.pidFile,
    '--logfile',
    info.logFile,
  ];
  const started = spawnSync('redis-server', args, { stdio: 'ignore', timeout: 10_000 });
  if (started.error || started.status !== 0) {
    throw new Error('redis-server could not be started (is it installed? apt-get install redis-server)');
  }
  const dir = await waitFor('redis-server answering PING', () => serverDir(info.url), {
    timeoutMs: 10_000,
    intervalMs: 50,
  });
  // A daemonized redis-server that cannot bind still exits 0: make sure the one answering is ours.
  if (dir !== info.dir) throw new Error(`port ${info.port} is served by another redis-server (dir ${dir})`);
}

async function serverDir(url: string): Promise<string | undefined> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [, dir] = (await client.config('GET', 'dir')) as [string, string];
    return dir;
  } finally {
    client.disconnect();
  }
}

function currentPid(info: RedisInfo): number | undefined {
  if (!existsSync(info.pidFile)) return undefined;
  const pid = Number(readFileSync(info.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** kill -9: no shutdown save, no goodbye to clients. Resolves once the process is gone. */
export async function killRedis(info: RedisInfo, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const pid = currentPid(info);
  if (pid === undefined || !alive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
  if (alive(pid)) throw new Error(`redis-server ${pid} survived ${signal}`);
}

/** For exit handlers: no awaiting. */
export function killRedisNow(info: RedisInfo): void {
  const pid = currentPid(info);
  if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
}
