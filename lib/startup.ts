import { EnvError, getEnv } from './env';

/**
 * A bad environment stops the process at start with every bad variable named, instead of
 * surfacing as a 500 on the first request that needs it.
 */
export function validateEnvironmentOrExit(): void {
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
