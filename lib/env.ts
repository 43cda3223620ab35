import { z } from 'zod';

/**
 * Every environment variable the portal reads, in one schema. This module is the only reader
 * of process.env (lint enforces it); parsing happens once at start (instrumentation.ts), so a
 * bad value stops the server with a message naming the variable instead of failing later.
 */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = optionalString.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    TENANTS_FILE: optionalString,
    CONFIG_SERVICE_URL: optionalUrl,
    CONFIG_SERVICE_TOKEN: optionalString,
    CONFIG_REFRESH_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
    GENESYS_GATEWAY_URL: optionalUrl,
    REDIS_URL: optionalString.pipe(
      z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
    ),
    PORTAL_MODE: z.enum(['configured', 'embedded-demo']).default('configured'),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  })
  .superRefine((env, ctx) => {
    if (env.CONFIG_SERVICE_URL && !env.CONFIG_SERVICE_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONFIG_SERVICE_TOKEN'],
        message: 'is required when CONFIG_SERVICE_URL is set (sent as X-Service-Token)',
      });
    }
    if (env.TENANTS_FILE && env.CONFIG_SERVICE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['TENANTS_FILE'],
        message: 'set either TENANTS_FILE or CONFIG_SERVICE_URL, not both',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses a variable map; throws EnvError listing each bad variable by name (never its value). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || 'environment';
    return `${name}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

/** True when no tenant source is configured: the launcher then starts the embedded emulator. */
export function hasTenantSource(env: Pick<Env, 'TENANTS_FILE' | 'CONFIG_SERVICE_URL'>): boolean {
  return Boolean(env.TENANTS_FILE ?? env.CONFIG_SERVICE_URL);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
