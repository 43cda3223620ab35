// No `server-only`: proxy.ts and the runtimes log through this too; lint keeps it out of components.
import pino from 'pino';
import { getEnv } from './env';
import { REDACT_PATHS } from './logger-redaction';

export { REDACT_PATHS };

export function createLogger(level = getEnv().LOG_LEVEL, destination?: pino.DestinationStream) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export const logger = createLogger();
