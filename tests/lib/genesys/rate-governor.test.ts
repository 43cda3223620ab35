import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../lib/genesys/errors';
import { gcraParameters, gcraReserve, type GcraState } from '../../../lib/genesys/rate-gcra';
import { createRateGovernor } from '../../../lib/genesys/rate-governor';
import { createMemoryRateStore } from '../../../lib/upstream/index';
import { createFakeClock, drive } from '../upstream/support/fake-clock';

const tenant = { tenantId: 'acme-prod', rateLimitPerMinute: 60 };

function setup(options: { maxConcurrency?: number; burst?: number } = {}) {
  const clock = createFakeClock();
  const store = createMemoryRateStore();
  const governor = createRateGovernor({ clock, store, ...options });
  /** Acquires and records the clock time at which the slot was granted. */
  const at = async (maxWaitMs = 600_000) => {
    const release = await governor.acquire(tenant, { maxWaitMs });
    release();
    return clock.now();
  };
  return { clock, store, governor, at };
}

describe('GCRA parameters', () => {
  it('defaults: 300/min → B 10, Lp 283, T 213 ms; 60/min → B 2, Lp 55, T 1091 ms', () => {
    expect(gcraParameters(300)).toEqual({
      burst: 10,
      sustainedPerMinute: 283,
      emissionIntervalMs: 213,
      burstToleranceMs: 2130,
    });
    expect(gcraParameters(60)).toMatchObject({ burst: 2, sustainedPerMinute: 55, emissionIntervalMs: 1091 });
    expect(gcraParameters(1)).toMatchObject({ burst: 0, sustainedPerMinute: 1, emissionIntervalMs: 60_000 });
    expect(gcraParameters(10, { burst: 50, safetyFraction: 0 })).toMatchObject({ burst: 8, sustainedPerMinute: 1 });
  });

  it('never admits more than L requests in any closed 60 s window (greedy senders)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 600 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 50 }),
        (limit, burst, safetyFraction, gaps) => {
          const { emissionIntervalMs: T, burstToleranceMs: tau } = gcraParameters(limit, { burst, safetyFraction });
          let state: GcraState | undefined;
          let now = 0;
          const sent: number[] = [];
          // Bursts of senders separated by idle gaps, each sending as soon as allowed.
          for (const gap of gaps) {
            now += gap;
            for (let i = 0; i < Math.ceil(limit / 4); i++) {
              const step = gcraReserve(state, now, T, tau, Number.POSITIVE_INFINITY);
              if (!('allowedAtMs' in step.reservation)) throw new Error('unbounded wait rejected');
              state = step.next;
              sent.push(step.reservation.allowedAtMs);
            }
          }
          sent.sort((a, b) => a - b);
          for (let first = 0, last = 0; last < sent.length; last++) {
            while (sent[last]! - sent[first]! > 60_000) first++;
            expect(last - first + 1).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rate governor', () => {
  it('lets B + 1 through at once, then spaces requests by T', async () => {
    const { clock, at } = setup();
    const start = clock.now();
    const times: number[] = [];
    for (let i = 0; i < 6; i++) times.push(await drive(clock, at()));
    expect(times.map((t) => t - start)).toEqual([0, 0, 0, 1091, 2182, 3273]);
  });

  it('throws RateLimitedError when the wait exceeds maxWaitMs, without consuming the slot', async () => {
    const { clock, governor, at } = setup({ burst: 0 });
    await at();
    const error = await governor.acquire(tenant, { maxWaitMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    // burst 0 → Lp = 58 − 0 − 1 = 57, T = ceil(60 000 / 57) = 1053 ms.
    expect((error as RateLimitedError).retryAfterMs).toBe(1053);
    const start = clock.now();
    expect((await drive(clock, at(2_000))) - start).toBe(1053); // the same slot, still free
  });

  it('caps concurrency per tenant; release is idempotent', async () => {
    const { governor } = setup({ maxConcurrency: 2, burst: 10 });
    const wide = { tenantId: 'wide', rateLimitPerMinute: 100_000 };
    const first = await governor.acquire(wide, { maxWaitMs: 0 });
    await governor.acquire(wide, { maxWaitMs: 0 });
    let third = false;
    const pending = governor.acquire(wide, { maxWaitMs: 0 }).then((release) => ((third = true), release));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(false);
    // Another tenant is not blocked by this one.
    (await governor.acquire({ ...wide, tenantId: 'other' }, { maxWaitMs: 0 }))();
    first();
    first();
    await pending;
    expect(third).toBe(true);
    let fourth = false;
    void governor.acquire(wide, { maxWaitMs: 0 }).then(() => (fourth = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fourth).toBe(false); // the double release did not free a second slot
  });

  it('a caller aborted while queued leaves the queue', async () => {
    const { governor } = setup({ maxConcurrency: 1 });
    const release = await governor.acquire(tenant, { maxWaitMs: 0 });
    const controller = new AbortController();
    const queued = governor.acquire(tenant, { maxWaitMs: 60_000, signal: controller.signal });
    controller.abort(new Error('gone'));
    await expect(queued).rejects.toThrow('gone');
    release();
    (await governor.acquire({ ...tenant, tenantId: 'x' }, { maxWaitMs: 0 }))();
  });

  it('penalize: nobody goes before now + Retry-After, then one at a time', async () => {
    const { clock, governor, at } = setup();
    const start = clock.now();
    await governor.penalize(tenant.tenantId, 30_000);
    const error = await governor.acquire(tenant, { maxWaitMs: 10_000 }).catch((e: unknown) => e);
    expect((error as RateLimitedError).retryAfterMs).toBe(30_000);
    const times = [await drive(clock, at()), await drive(clock, at())];
    expect(times.map((t) => t - start)).toEqual([30_000, 31_091]);
  });

  it('penalize holds back callers that reserved their slot before the 429', async () => {
    const { clock, governor } = setup({ burst: 0 });
    const start = clock.now();
    (await governor.acquire(tenant, { maxWaitMs: 0 }))();
    const sleeper = governor.acquire(tenant, { maxWaitMs: 600_000 }).then((release) => (release(), clock.now()));
    await new Promise((resolve) => setImmediate(resolve));
    await governor.penalize(tenant.tenantId, 20_000); // lands while the sleeper waits for its 1053 ms slot
    expect((await drive(clock, sleeper)) - start).toBe(20_000);
  });
});
