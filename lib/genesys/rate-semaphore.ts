/**
 * A counting semaphore that hands out a release function. cockatiel's bulkhead runs a callback
 * instead (execute(fn)); the governor must return `release` to a caller that sends the request
 * later, so a dozen lines of our own fit better than wrapping the bulkhead in a promise trap.
 */
export interface Semaphore {
  /** Resolves with an idempotent release; rejects with the signal's reason if aborted while queued. */
  acquire(signal?: AbortSignal): Promise<() => void>;
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  const queue: Array<() => void> = [];

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next();
      else active--;
    };
  };

  return {
    acquire(signal) {
      signal?.throwIfAborted();
      if (active < limit) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(grant);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason as Error);
        };
        // The slot passes straight from the releaser to this waiter: `active` stays put.
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(releaser());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(grant);
      });
    },
  };
}
