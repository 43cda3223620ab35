// Mutable state behind one emulator instance. Everything a handler may touch hangs off this
// object, so reset() can swap it wholesale and tests never share state between emulators.
import { type World, buildWorld } from './world';
import { type TokenStore, createTokenStore } from './auth/tokens';
import { type RateLimiter, createRateLimiter } from './auth/rate-limit';
import { type FaultQueue, createFaultQueue } from './faults/fault-queue';
import { type EmulatorStats, createStats } from './stats';

export type ConfigServiceMode = 'ok' | 'slow' | 'failing' | 'malformed';

export type ResolvedOptions = {
  seed: number;
  orgSizes: readonly number[];
  configServiceToken: string;
  faultControl: boolean;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
};

export type Core = {
  readonly options: ResolvedOptions;
  world: World;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: FaultQueue;
  stats: EmulatorStats;
  configService: { mode: ConfigServiceMode; latencyMs: number };
};

export const DEFAULT_CONFIG_SERVICE_LATENCY_MS = 5_000;

export function createCore(options: ResolvedOptions): Core {
  return {
    options,
    world: buildWorld(options.seed, options.orgSizes),
    tokens: createTokenStore(),
    limiter: createRateLimiter(),
    faults: createFaultQueue(),
    stats: createStats(),
    configService: { mode: 'ok', latencyMs: DEFAULT_CONFIG_SERVICE_LATENCY_MS },
  };
}

export function resetCore(core: Core): void {
  core.world = buildWorld(core.options.seed, core.options.orgSizes);
  core.tokens.clear();
  core.limiter.clear();
  core.faults.clear();
  core.stats = createStats();
  core.configService = { mode: 'ok', latencyMs: DEFAULT_CONFIG_SERVICE_LATENCY_MS };
}
