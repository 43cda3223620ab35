/**
 * A tiny bounded work queue: at most `concurrency` tasks run at once, the rest wait in order
 * (`first` jumps the line, for a row the user asked to retry). Aborting the queue's signal
 * drops every waiting task (its promise rejects with the abort reason) and is passed to the
 * running ones, which are expected to stop.
 */
export interface TaskQueue {
  run<T>(task: (signal: AbortSignal) => Promise<T>, options?: { first?: boolean }): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

interface Waiting {
  start: () => void;
  reject: (reason: unknown) => void;
}

export function createTaskQueue(concurrency: number, signal: AbortSignal): TaskQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  const waiting: Waiting[] = [];
  let active = 0;

  signal.addEventListener(
    'abort',
    () => {
      for (const entry of waiting.splice(0)) entry.reject(signal.reason);
    },
    { once: true },
  );

  function next() {
    while (active < concurrency && waiting.length > 0) waiting.shift()?.start();
  }

  return {
    run(task, { first = false } = {}) {
      if (signal.aborted) return Promise.reject(signal.reason as Error);
      return new Promise((resolve, reject) => {
        const start = () => {
          active += 1;
          // A task that throws synchronously still frees its slot.
          Promise.resolve()
            .then(() => task(signal))
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        };
        const entry = { start, reject };
        if (first) waiting.unshift(entry);
        else waiting.push(entry);
        next();
      });
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
  };
}
