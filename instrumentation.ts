/**
 * Runs once when a server instance starts, before it takes requests: a bad environment stops
 * the process here with every bad variable named, instead of surfacing as a 500 later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getEnv, EnvError } = await import('./lib/env');
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
