import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

/** One browser fetch the test has not answered yet. Aborting its signal rejects it, as in a browser. */
export interface PendingFetch {
  url: string;
  method: string;
  /** The JSON body sent, parsed (undefined without one). */
  body: unknown;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** Set by tests that answer requests out of order. */
  done?: boolean;
  resolve: (body: unknown, status?: number, headers?: Record<string, string>) => void;
  /** Answers inside act and lets several rounds of the component's promise chain run. */
  respond: (status: number, body: unknown, headers?: Record<string, string>) => Promise<void>;
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
            const answer = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
              resolve(Response.json(body, { status, headers }));
            pending.push({
              url,
              method: init.method ?? 'GET',
              body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
              headers: (init.headers ?? {}) as Record<string, string>,
              signal,
              resolve: answer,
              respond: (status, body, headers) =>
                act(async () => {
                  answer(body, status, headers);
                  for (let i = 0; i < 5; i++) await new Promise<void>((done) => setTimeout(done, 0));
                }),
            });
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
