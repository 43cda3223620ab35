/**
 * Secrets never reach the logs: any of these paths is replaced before a line is written.
 * Shared by the portal's logger and the CLIs (which cannot import server-only modules).
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
