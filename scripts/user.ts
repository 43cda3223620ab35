/**
 * `npm run user -- add|passwd|disable|enable|list`: manages the portal users file
 * (PORTAL_USERS_FILE). Exit 2 on bad usage, 1 on failure. Runs under plain tsx, so nothing
 * here may import a `server-only` module (lib/logger.ts among them).
 */
import { z } from 'zod';
import { createSessionVersions } from '../lib/auth/session-versions';
import { envSchema } from '../lib/env';
import { createRedisClient } from '../lib/upstream/redis-client';
import { parseUserArgs, USAGE, UsageError } from './user-args';
import { runUserCommand, type UserCliContext } from './user-commands';
import { readNewPassword } from './user-password';

// Only what this CLI needs: a production portal's other requirements (SESSION_SECRET...) do not apply.
const cliEnvSchema = z.object({
  PORTAL_USERS_FILE: envSchema.shape.PORTAL_USERS_FILE,
  REDIS_URL: envSchema.shape.REDIS_URL,
});

function readCliEnv(): z.infer<typeof cliEnvSchema> & { PORTAL_USERS_FILE: string } {
  const result = cliEnvSchema.safeParse(process.env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UsageError(`${issue?.path.join('.')}: ${issue?.message}`);
  }
  const file = result.data.PORTAL_USERS_FILE;
  if (!file) throw new UsageError('PORTAL_USERS_FILE is not set: it names the users file to edit');
  return { ...result.data, PORTAL_USERS_FILE: file };
}

async function bumpSessionVersion(redisUrl: string | undefined, userId: string): Promise<boolean> {
  if (!redisUrl) return false;
  const redis = createRedisClient(redisUrl);
  redis.on('error', () => undefined); // the failed command below reports it
  try {
    await createSessionVersions({ redis }).bump(userId);
    return true;
  } catch (error) {
    throw new Error(
      `the users file is updated, but ending live sessions failed (${error instanceof Error ? error.message : String(error)}); run the command again`,
    );
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<number> {
  const command = parseUserArgs(process.argv.slice(2));
  if (command.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const env = readCliEnv();
  const ctx: UserCliContext = {
    path: env.PORTAL_USERS_FILE,
    readPassword: () => readNewPassword(process.env.PORTAL_USER_PASSWORD),
    bumpSessionVersion: (userId) => bumpSessionVersion(env.REDIS_URL, userId),
    out: (line) => console.log(line),
    note: (line) => console.error(line),
  };
  await runUserCommand(command, ctx);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
