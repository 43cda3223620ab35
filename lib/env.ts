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

/** `{"2":"new secret","1":"old secret"}`: the highest id seals, every id unseals (rotation). */
const sessionSecretsSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of id → secret' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string().regex(/^\d+$/, 'ids must be numbers'),
      z.string().min(32, 'each secret must be at least 32 characters'),
    ),
  )
  .refine((map) => Object.keys(map).length > 0, 'must name at least one secret');

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
    // Audit log file, used only without REDIS_URL (a single instance); see lib/audit.
    AUDIT_FILE: optionalString.transform((path) => path ?? './data/audit.jsonl'),
    PORTAL_MODE: z.enum(['configured', 'embedded-demo']).default('configured'),
    // Portal users, managed with `npm run user`; read in PORTAL_MODE=configured only.
    PORTAL_USERS_FILE: optionalString,
    // Password of the embedded demo's three users; ignored outside PORTAL_MODE=embedded-demo.
    DEMO_PASSWORD: optionalString.transform((password) => password ?? 'demo'),
    SESSION_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    SESSION_SECRETS: optionalString.pipe(sessionSecretsSchema.optional()),
    SESSION_ABSOLUTE_MS: z.coerce
      .number()
      .int()
      .min(60_000)
      .max(7 * 86_400_000)
      .default(12 * 3_600_000),
    SESSION_IDLE_MS: z.coerce
      .number()
      .int()
      .min(60_000)
      .max(86_400_000)
      .default(30 * 60_000),
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
    // Set by Next.js itself; `next build` imports server modules without serving anything.
    NEXT_PHASE: z.string().optional(),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
    // Tests and drills only: the embedded emulator's /__emulator/* fault control (X-Service-Token).
    EMULATOR_FAULT_CONTROL: z.enum(['true', 'false']).default('false'),
  })
  .superRefine((env, ctx) => {
    if (env.CONFIG_SERVICE_URL && !env.CONFIG_SERVICE_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['CONFIG_SERVICE_TOKEN'],
        message: 'is required when CONFIG_SERVICE_URL is set (sent as X-Service-Token)',
      });
    }
    const serving = env.NEXT_PHASE !== 'phase-production-build';
    const production = serving && env.NODE_ENV === 'production' && env.PORTAL_MODE === 'configured';
    if (production && !env.SESSION_SECRET && !env.SESSION_SECRETS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required in production (or SESSION_SECRETS for rotation): it seals the session cookies',
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
