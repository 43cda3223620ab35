// Environment of `npm run emulator`, validated so a typo fails with a message naming the variable.
import { z } from 'zod';
import type { EmulatorServerOptions } from './server';

const envSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  EMULATOR_HOST: z.string().min(1).default('127.0.0.1'),
  EMULATOR_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(42),
  EMULATOR_ORG_SIZES: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be a comma-separated list of positive integers, e.g. 2000,500,25')
    .transform((value) => value.split(',').map((size) => Number(size.trim())))
    .refine((sizes) => sizes.every((size) => size >= 1 && size <= 200_000), 'each size must be between 1 and 200000')
    .optional(),
  EMULATOR_FAULT_CONTROL: z.enum(['true', 'false']).default('false'),
  CONFIG_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type EmulatorEnvResult =
  { ok: true; options: EmulatorServerOptions; tokenGenerated: boolean } | { ok: false; errors: string[] };

export function parseEmulatorEnv(env: Record<string, string | undefined>): EmulatorEnvResult {
  // An empty variable (`EMULATOR_SEED=`) means "unset", as in most shells' .env handling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `Invalid ${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const value = parsed.data;
  return {
    ok: true,
    tokenGenerated: value.CONFIG_SERVICE_TOKEN === undefined,
    options: {
      port: value.EMULATOR_PORT,
      host: value.EMULATOR_HOST,
      seed: value.EMULATOR_SEED,
      faultControl: value.EMULATOR_FAULT_CONTROL === 'true',
      ...(value.EMULATOR_ORG_SIZES ? { orgSizes: value.EMULATOR_ORG_SIZES } : {}),
      ...(value.CONFIG_SERVICE_TOKEN ? { configServiceToken: value.CONFIG_SERVICE_TOKEN } : {}),
    },
  };
}
