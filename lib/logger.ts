import 'server-only';
import pino from 'pino';
import { getEnv } from './env';

/**
 * Secrets never reach the logs: any of these paths is replaced before a line is written.
 * Child loggers carry requestId / tenantId / userId so one request can be followed.
 */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["x-service-token"]',
  '*.authorization',
  '*.cookie',
  'clientSecret',
  '*.clientSecret',
  '*.client_secret',
  'access_token',
  '*.access_token',
  '*.accessToken',
  '*.serviceToken',
];

export function createLogger(level = getEnv().LOG_LEVEL, destination?: pino.DestinationStream) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}

export const logger = createLogger();
