/**
 * The process-wide GenesysRuntime. Kept free of `server-only` so proxy.ts (bundled apart from
 * the React server graph) can use it; components may not import it (lint).
 */
import { getEnv } from '../env';
import { createGenesysRuntime, type GenesysRuntime } from '../genesys-runtime';
import { logger } from '../logger';

// One runtime per process; globalThis keeps it across dev-server module reloads and bundles.
const globalForRuntime = globalThis as typeof globalThis & { __genesysRuntime?: GenesysRuntime };

export function getGenesysRuntime(): GenesysRuntime {
  if (!globalForRuntime.__genesysRuntime) {
    const runtime = createGenesysRuntime({ env: getEnv(), logger: logger.child({ component: 'genesys' }) });
    runtime.startBackgroundRefresh();
    globalForRuntime.__genesysRuntime = runtime;
  }
  return globalForRuntime.__genesysRuntime;
}
