/**
 * The cluster under test, started once for every file (vitest globalSetup, provide/inject):
 * its own redis-server (AOF, keyspace events), the Genesys emulator with fault control on
 * (and acting as the config service), and two `next start` instances A and B of the same
 * production build sharing one SESSION_SECRET and one REDIS_URL. Teardown kills all of it,
 * whatever happened, then checks the instance logs for secrets.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmulatorServer, type EmulatorServer } from '../../../emulator/server';
import type { ClusterInfo } from './cluster-info';
import { freePort } from '../../support/free-port';
import { findSecretsInLogs, type Secret } from './log-secrets';
import { startPortal, type PortalInstance, type PortalInstanceInfo } from './portal-instance';
import { killRedis, killRedisNow, redisInfo, startRedis, type RedisInfo } from './redis-server';
import { writeUsersFile } from './users-file';
import { collectClientSecrets } from './emulator-control';

const REFRESH_INTERVAL_MS = 2_000;
// Small orgs: the world is built in milliseconds and the users pages stay cheap.
const ORG_SIZES = [60, 40, 30, 30, 20, 20];
/** Written only when a secret is found in an instance log; .ci/run fails when it exists. */
export const SECRETS_FOUND_FILE = resolve('reports/cluster/secrets-found.txt');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('.next/BUILD_ID')) {
    throw new Error('No production build in .next: run `npm run build` first (the cluster suite runs `next start`).');
  }
  const logDir = resolve('reports/cluster');
  mkdirSync(logDir, { recursive: true });
  rmSync(SECRETS_FOUND_FILE, { force: true });
  const tmp = mkdtempSync(join(tmpdir(), 'portal-cluster-'));
  const redisDir = join(tmp, 'redis');
  mkdirSync(redisDir);

  let redis: RedisInfo | undefined;
  let emulator: EmulatorServer | undefined;
  const instances: PortalInstance[] = [];
  const killEverythingNow = () => {
    for (const instance of instances) instance.killNow();
    if (redis) killRedisNow(redis);
  };
  process.once('exit', killEverythingNow);

  async function teardown(): Promise<void> {
    await Promise.allSettled(instances.map((instance) => instance.stop()));
    await emulator?.close().catch(() => undefined);
    if (redis) await killRedis(redis, 'SIGTERM').catch(() => killRedisNow(redis as RedisInfo));
    process.off('exit', killEverythingNow);
    rmSync(tmp, { recursive: true, force: true });
  }

  try {
    const controlToken = randomBytes(24).toString('base64url');
    const sessionSecret = randomBytes(32).toString('base64url');
    redis = redisInfo(await freePort(), redisDir);
    await startRedis(redis);
    emulator = await startEmulatorServer({
      port: 0,
      host: '127.0.0.1',
      faultControl: true,
      configServiceToken: controlToken,
      orgSizes: ORG_SIZES,
    });
    const users = await writeUsersFile(join(tmp, 'users.json'), randomBytes(12).toString('base64url'));
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmp,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'info',
      PORTAL_MODE: 'configured',
      PORTAL_USERS_FILE: join(tmp, 'users.json'),
      CONFIG_SERVICE_URL: `${emulator.url}/api/v1/genesys/tenants`,
      CONFIG_SERVICE_TOKEN: controlToken,
      CONFIG_REFRESH_INTERVAL_MS: String(REFRESH_INTERVAL_MS),
      GENESYS_GATEWAY_URL: emulator.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: sessionSecret,
      // Plain http on loopback: cookies without Secure/__Host- (a browser drops Secure ones here).
      COOKIE_SECURE: 'false',
      AUDIT_FILE: join(tmp, 'audit-unused.jsonl'),
    };
    const [portA, portB] = [await freePort(), await freePort()];
    instances.push(
      ...(await Promise.all([
        startPortal({ name: 'A', port: portA, env, logFile: join(logDir, 'instance-a.log') }),
        startPortal({ name: 'B', port: portB, env, logFile: join(logDir, 'instance-b.log') }),
      ])),
    );
    const secrets: Secret[] = [
      { kind: 'session secret', value: sessionSecret },
      { kind: 'service token', value: controlToken },
      ...(await collectClientSecrets(emulator.url, controlToken)),
    ];
    const info: ClusterInfo = {
      instances: instances.map(({ name, url, port, pid, logFile }) => ({ name, url, port, pid, logFile })) as [
        PortalInstanceInfo,
        PortalInstanceInfo,
      ],
      redis,
      emulator: { url: emulator.url, controlToken },
      tenants: emulator.emulator.listTenantCredentials().map(({ tenantId, orgId, displayName, clientId }) => ({
        tenantId,
        orgId,
        displayName,
        clientId,
      })),
      users,
      refreshIntervalMs: REFRESH_INTERVAL_MS,
      portalEnv: env,
      logFiles: instances.map((instance) => instance.logFile),
      secrets,
    };
    project.provide('cluster', info);

    return async () => {
      // Secrets as they are now (rotations during the run) join those from the start.
      const current = emulator ? await collectClientSecrets(emulator.url, controlToken).catch(() => []) : [];
      await teardown();
      const findings = findSecretsInLogs(info.logFiles, [...secrets, ...current]);
      // Vitest only prints a teardown error (exit code 0), so .ci/run fails on this file instead.
      if (findings.length > 0) writeFileSync(SECRETS_FOUND_FILE, `${findings.join('\n')}\n`);
      if (findings.length > 0) throw new Error(`secrets in the instance logs:\n${findings.join('\n')}`);
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
