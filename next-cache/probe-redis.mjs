// @ts-check
/**
 * Does this Redis suit the shared Next cache? It must answer PING within a short deadline and
 * publish key-event notifications for expired and evicted keys (`notify-keyspace-events Exe`):
 * the cache handler keeps its tag maps in step with Redis through them. A Redis that cannot be
 * reached here would make every cached request of the handler wait (stack.md), so the caller
 * falls back to Next's in-process cache instead.
 */
import { createClient } from 'redis';

/**
 * @typedef {{ ok: true } | { ok: false, reason: string }} CacheRedisProbe
 */

/** `Exe`, `AKE`, … : 'E' (key-event channel) plus expired ('x') and evicted ('e'), or 'A'. */
export function keyspaceEventsSuitCache(/** @type {string} */ flags) {
  return flags.includes('E') && (flags.includes('A') || (flags.includes('x') && flags.includes('e')));
}

/**
 * @param {string} url a redis:// or rediss:// URL
 * @param {{ timeoutMs?: number, skipKeyspaceCheck?: boolean }} [options]
 * @returns {Promise<CacheRedisProbe>}
 */
export async function probeRedisForCache(url, { timeoutMs = 1500, skipKeyspaceCheck = false } = {}) {
  const client = createClient({
    url,
    // One attempt, no offline queue: a dead Redis answers "no" now instead of queueing PING.
    socket: { connectTimeout: timeoutMs, reconnectStrategy: false },
    disableOfflineQueue: true,
  });
  client.on('error', () => undefined);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([check(client, skipKeyspaceCheck), deadline]);
  } catch (error) {
    return { ok: false, reason: describe(error) };
  } finally {
    clearTimeout(timer);
    await client.disconnect().catch(() => undefined);
  }
}

/**
 * @param {ReturnType<typeof createClient>} client
 * @param {boolean} skipKeyspaceCheck
 * @returns {Promise<CacheRedisProbe>}
 */
async function check(client, skipKeyspaceCheck) {
  await client.connect();
  await client.ping();
  if (skipKeyspaceCheck) return { ok: true };
  /** @type {string} */
  let flags;
  try {
    flags = (await client.configGet('notify-keyspace-events'))['notify-keyspace-events'] ?? '';
  } catch (error) {
    return {
      ok: false,
      reason: `cannot read notify-keyspace-events (${describe(error)}); if it is set to "Exe", set SKIP_KEYSPACE_CONFIG_CHECK=true`,
    };
  }
  if (keyspaceEventsSuitCache(flags)) return { ok: true };
  return {
    ok: false,
    reason: `notify-keyspace-events is "${flags}"; the shared cache needs "Exe" (redis-cli config set notify-keyspace-events Exe)`,
  };
}

/** Connection errors name host and port at most; a URL with a password never reaches the log. */
function describe(/** @type {unknown} */ error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/rediss?:\/\/\S+/g, '<redis url>').slice(0, 200);
}
