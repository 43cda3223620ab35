import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTaskQueue } from '@/components/overview/task-queue';

/** A task that runs until the test settles it, recording when it started and how many ran at once. */
function harness() {
  const started: string[] = [];
  const settle = new Map<string, (ok: boolean) => void>();
  let running = 0;
  let peak = 0;
  const task = (name: string) => (signal: AbortSignal) => {
    started.push(name);
    running += 1;
    peak = Math.max(peak, running);
    return new Promise<string>((resolve, reject) => {
      const done = (ok: boolean) => {
        running -= 1;
        if (ok) resolve(name);
        else reject(new Error(name));
      };
      settle.set(name, done);
      signal.addEventListener('abort', () => done(false), { once: true });
    });
  };
  return { started, settle, task, peak: () => peak, running: () => running };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createTaskQueue', () => {
  it('runs at most N at once, in push order, starting the next when one settles (ok or failed)', async () => {
    const h = harness();
    const queue = createTaskQueue(2, new AbortController().signal);
    const results = ['a', 'b', 'c', 'd'].map((name) => queue.run(h.task(name)));
    await flush();
    expect(h.started).toEqual(['a', 'b']);
    expect(queue.pending).toBe(2);

    h.settle.get('b')!(false);
    await expect(results[1]).rejects.toThrow('b');
    await flush();
    expect(h.started).toEqual(['a', 'b', 'c']);

    h.settle.get('a')!(true);
    await expect(results[0]).resolves.toBe('a');
    await flush();
    expect(h.started).toEqual(['a', 'b', 'c', 'd']);
    expect(h.peak()).toBe(2);
  });

  it('lets a `first` task jump the waiting line', async () => {
    const h = harness();
    const queue = createTaskQueue(1, new AbortController().signal);
    for (const name of ['a', 'b', 'c']) void queue.run(h.task(name)).catch(() => undefined);
    void queue.run(h.task('retry'), { first: true });
    await flush();
    h.settle.get('a')!(true);
    await flush();
    await flush();
    expect(h.started).toEqual(['a', 'retry']);
  });

  it('on abort: waiting tasks never start (they reject), running ones get the signal, new ones are refused', async () => {
    const h = harness();
    const controller = new AbortController();
    const queue = createTaskQueue(2, controller.signal);
    const results = ['a', 'b', 'c', 'd'].map((name) => queue.run(h.task(name)));
    for (const result of results) result.catch(() => undefined);
    await flush();
    controller.abort(new DOMException('gone', 'AbortError'));
    await expect(results[2]).rejects.toMatchObject({ name: 'AbortError' });
    await expect(results[3]).rejects.toMatchObject({ name: 'AbortError' });
    await expect(results[0]).rejects.toThrow('a'); // the running task saw the signal and stopped
    await flush();
    expect(h.started).toEqual(['a', 'b']);
    expect(h.running()).toBe(0);
    await expect(queue.run(h.task('late'))).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.started).not.toContain('late');
  });

  it('a task that throws synchronously frees its slot', async () => {
    const queue = createTaskQueue(1, new AbortController().signal);
    const broken = queue.run(() => {
      throw new Error('sync');
    });
    const next = queue.run(() => Promise.resolve('next'));
    await expect(broken).rejects.toThrow('sync');
    await expect(next).resolves.toBe('next');
  });

  it('never exceeds the bound and runs every task exactly once, whatever the timings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 25 }),
        async (concurrency, delays) => {
          const queue = createTaskQueue(concurrency, new AbortController().signal);
          let running = 0;
          let peak = 0;
          const runs: number[] = [];
          await Promise.all(
            delays.map((delay, index) =>
              queue.run(async () => {
                running += 1;
                peak = Math.max(peak, running);
                runs.push(index);
                for (let i = 0; i < delay; i += 1) await flush();
                running -= 1;
              }),
            ),
          );
          expect(peak).toBeLessThanOrEqual(concurrency);
          expect(runs).toEqual(delays.map((_, index) => index)); // started in push order
        },
      ),
      { numRuns: 60 },
    );
  });
});
