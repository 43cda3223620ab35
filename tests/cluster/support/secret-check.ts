/**
 * The instance logs, checked for every secret known now: the ones from the start (session
 * secret, service token, client secrets), the client secrets as they are after rotations, and
 * the access tokens cached in Redis.
 */
import { Redis } from 'ioredis';
import type { ClusterInfo } from './cluster-info';
import { collectClientSecrets } from './emulator-control';
import { findSecretsInLogs, type Secret } from './log-secrets';

async function cachedTokens(redisUrl: string): Promise<Secret[]> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const keys = await redis.keys('genesys:tenant:*:token');
    const values = keys.length > 0 ? await redis.mget(...keys) : [];
    return values.flatMap((raw, index) => {
      const value = raw ? (JSON.parse(raw) as { value?: string }).value : undefined;
      return value ? [{ kind: `access token (${keys[index]})`, value }] : [];
    });
  } finally {
    redis.disconnect();
  }
}

export async function secretsInLogs(cluster: ClusterInfo, moreLogFiles: string[] = []): Promise<string[]> {
  const secrets = [
    ...cluster.secrets,
    ...(await collectClientSecrets(cluster.emulator.url, cluster.emulator.controlToken)),
    ...(await cachedTokens(cluster.redis.url)),
  ];
  return findSecretsInLogs([...cluster.logFiles, ...moreLogFiles], secrets);
}
