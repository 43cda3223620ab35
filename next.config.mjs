import { selectCacheHandler } from './next-cache/select-cache-handler.mjs';

/**
 * Next loads this for `next build` and again for every `next start`, so the data cache is chosen
 * per server process (next-cache/select-cache-handler.mjs).
 * @param {string} phase
 * @returns {Promise<import('next').NextConfig>}
 */
export default async function nextConfig(phase) {
  const cacheHandler = await selectCacheHandler(phase);
  return {
    // Never advertise the framework; responses carry only what the portal chooses.
    poweredByHeader: false,
    reactStrictMode: true,
    // forbidden() → app/forbidden.tsx with a 403 for pages a role cannot use.
    experimental: { authInterrupts: true },
    // Stable across instances built from the same commit (several instances behind one balancer).
    deploymentId: process.env.DEPLOYMENT_ID || undefined,
    ...(cacheHandler ? { cacheHandler } : {}),
    // The emulator and launch scripts are not part of the app bundle.
    outputFileTracingExcludes: { '*': ['emulator/**', 'bench/**', 'e2e/**', 'tests/**'] },
  };
}
