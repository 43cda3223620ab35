import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/** One browser fetch the test has not answered yet. Aborting its signal rejects it, as in a browser. */
export interface PendingFetch {
  url: string;
  signal: AbortSignal;
  /** Set by tests that answer requests out of order. */
  done?: boolean;
  resolve: (body: unknown, status?: number) => void;
}

/**
 * Component tests of client fetching: stubs `fetch` for each test so every call waits until the
 * test answers it (order, races and aborts are then the test's to choose). Returns the live list.
 */
export function stubPendingFetch(): PendingFetch[] {
  const pending: PendingFetch[] = [];
  beforeEach(() => {
    pending.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (url: string, init: RequestInit) =>
          new Promise<Response>((resolve, reject) => {
            const signal = init.signal!;
            signal.addEventListener('abort', () => reject(signal.reason as Error));
            pending.push({ url, signal, resolve: (body, status = 200) => resolve(Response.json(body, { status })) });
          }),
      ),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  return pending;
}

/** Answers inside act and lets the component's promise chain run before the test asserts. */
export const answer = (settle: () => void) =>
  act(() => {
    settle();
    return new Promise<void>((resolve) => setTimeout(resolve, 0));
  });
