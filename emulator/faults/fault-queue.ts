// Queued faults: "the next N requests matching this path (and method) fail like so".
// Lets tests script upstream 5xx, 429 bursts, slow answers and dropped connections.
import { z } from 'zod';

/** RFC 9110 token characters for header names; visible ASCII, space and tab for values. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

export const faultSpecSchema = z
  .object({
    /** Exact path, or a glob where `*` matches any run of characters (including `/`). */
    path: z.string().min(1).max(500),
    method: z.string().min(1).max(10).optional(),
    // 1xx cannot be a final Response (the Response constructor throws RangeError), so the
    // range starts at 200: a fault must never turn into a rejected handle() or a 500.
    status: z.number().int().min(200).max(599).optional(),
    /** JSON body to send with `status`; defaults to a matching ErrorBody. */
    body: z.unknown().optional(),
    // Validated here, when the fault is queued: an invalid name or value would otherwise make
    // `new Headers()` throw while answering the victim request.
    headers: z.record(z.string().regex(HEADER_NAME), z.string().regex(HEADER_VALUE)).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    connectionReset: z.boolean().optional(),
    /**
     * A tenantId or org id: only requests made with that org's credentials match (its bearer
     * tokens, or its clients' Basic auth at /oauth/token), so one tenant's upstream can fail
     * while every other tenant keeps answering. Stored as the org id.
     */
    tenant: z.string().min(1).max(200).optional(),
    count: z.number().int().min(1).max(1_000_000).default(1),
  })
  .strict();

export type FaultSpec = z.infer<typeof faultSpecSchema>;
export type QueuedFault = FaultSpec & { id: number; remaining: number };

export type FaultQueue = {
  add(spec: FaultSpec): QueuedFault;
  /** Consumes one use of the first fault matching the request (and its org, when known), if any. */
  take(method: string, path: string, orgId?: string): QueuedFault | undefined;
  list(): QueuedFault[];
  clear(): void;
};

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

export function createFaultQueue(): FaultQueue {
  let nextId = 1;
  let faults: Array<QueuedFault & { matcher: RegExp }> = [];
  return {
    add(spec) {
      const fault = { ...spec, id: nextId++, remaining: spec.count, matcher: globToRegExp(spec.path) };
      faults.push(fault);
      return withoutMatcher(fault);
    },
    take(method, path, orgId) {
      const fault = faults.find(
        (candidate) =>
          (candidate.method === undefined || candidate.method.toUpperCase() === method.toUpperCase()) &&
          (candidate.tenant === undefined || candidate.tenant === orgId) &&
          candidate.matcher.test(path),
      );
      if (!fault) return undefined;
      fault.remaining--;
      if (fault.remaining <= 0) faults = faults.filter((candidate) => candidate !== fault);
      return withoutMatcher(fault);
    },
    list: () => faults.map(withoutMatcher),
    clear: () => {
      faults = [];
    },
  };
}

function withoutMatcher(fault: QueuedFault & { matcher: RegExp }): QueuedFault {
  const { matcher: _matcher, ...rest } = fault;
  return { ...rest };
}
