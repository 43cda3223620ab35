/**
 * Runs once when a server instance starts, before it takes requests. Node-only work lives in
 * lib/startup.ts, imported only on the Node runtime (the pattern the Next.js docs recommend).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { validateEnvironmentOrExit } = await import('./lib/startup');
    validateEnvironmentOrExit();
  }
}
