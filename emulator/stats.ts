// Counters that later tests assert on ("exactly 1 token request", "0 upstream 429s").

export type RequestLogEntry = {
  method: string;
  path: string;
  status: number;
  orgId?: string;
  clientId?: string;
};

export type EmulatorStats = {
  /** Token requests per presented client id (failed attempts included). */
  tokenRequests: Record<string, number>;
  /** Tokens actually issued per client id. */
  tokensIssued: Record<string, number>;
  /** Every request except fault-control calls. */
  requests: number;
  responsesByStatus: Record<string, number>;
  rateLimited: number;
  requestsByOrg: Record<string, number>;
  /** Statuses per org id, for requests whose org is known (API calls, issued tokens, faults). */
  responsesByOrg: Record<string, Record<string, number>>;
  configServiceRequests: number;
  faultsApplied: number;
  /** The most recent requests, oldest first (capped). */
  recent: RequestLogEntry[];
};

const RECENT_CAP = 500;

export const createStats = (): EmulatorStats => ({
  tokenRequests: {},
  tokensIssued: {},
  requests: 0,
  responsesByStatus: {},
  rateLimited: 0,
  requestsByOrg: {},
  responsesByOrg: {},
  configServiceRequests: 0,
  faultsApplied: 0,
  recent: [],
});

export const increment = (counter: Record<string, number>, key: string): void => {
  counter[key] = (counter[key] ?? 0) + 1;
};

export function recordResponse(stats: EmulatorStats, entry: RequestLogEntry): void {
  increment(stats.responsesByStatus, String(entry.status));
  if (entry.orgId) increment((stats.responsesByOrg[entry.orgId] ??= {}), String(entry.status));
  stats.recent.push(entry);
  if (stats.recent.length > RECENT_CAP) stats.recent.splice(0, stats.recent.length - RECENT_CAP);
}

export const snapshotStats = (stats: EmulatorStats): EmulatorStats => structuredClone(stats);
