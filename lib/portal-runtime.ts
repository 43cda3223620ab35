/**
 * The portal's own state, one per process: who may sign in (users file, or the demo users in
 * the embedded default only), session revocation versions, login throttling, the audit log and
 * the cookie settings. Shared through Redis when REDIS_URL is set.
 *
 * No `server-only` here: proxy.ts and the CLIs use it too. Components may not import it (lint).
 */
import { createDemoUsers } from './auth/demo-users';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle';
import { createSessionVersions, type SessionVersions } from './auth/session-versions';
import { createFileUserStore } from './auth/user-file-store';
import { createMemoryUserStore, toPortalUser, type UserStore } from './auth/user-store';
import { createAuditLog } from './audit';
import type { AuditLog } from './audit/types';
import { getEnv, type Env } from './env';
import { logger } from './logger';
import { getCookieSettings, type CookieSettings } from './session/cookie-settings';
import type { SessionDeps } from './session/resolve';
import { createRedisClient } from './upstream/redis-client';

export interface PortalRuntime {
  users: UserStore;
  throttle: LoginThrottle;
  sessionVersions: SessionVersions;
  audit: AuditLog;
  cookieSettings: CookieSettings;
  sessionDeps(): SessionDeps;
}

/** Demo users are hashed once, lazily: the store answers as soon as the hash is ready. */
function createUserStore(env: Env): UserStore {
  if (env.PORTAL_MODE === 'embedded-demo') {
    const ready = createDemoUsers({ mode: env.PORTAL_MODE, password: env.DEMO_PASSWORD }).then(createMemoryUserStore);
    return {
      findByEmail: async (email) => (await ready).findByEmail(email),
      findById: async (id) => (await ready).findById(id),
      list: async () => (await ready).list(),
    };
  }
  if (!env.PORTAL_USERS_FILE) {
    // No users file: nobody can sign in (fail closed), and the login page says nothing more.
    return createMemoryUserStore([]);
  }
  return createFileUserStore({ path: env.PORTAL_USERS_FILE });
}

export function createPortalRuntime(env: Env): PortalRuntime {
  const redis = env.REDIS_URL ? createRedisClient(env.REDIS_URL, logger, 'sessions, login throttle, audit') : undefined;
  const users = createUserStore(env);
  const sessionVersions = createSessionVersions({ redis });
  const cookieSettings = getCookieSettings(env);
  return {
    users,
    throttle: createLoginThrottle({ redis }),
    sessionVersions,
    audit: createAuditLog({ redis, filePath: env.AUDIT_FILE }),
    cookieSettings,
    sessionDeps: () => ({
      settings: cookieSettings,
      findUser: async (id) => {
        const stored = await users.findById(id);
        return stored ? toPortalUser(stored) : undefined;
      },
      currentVersion: (id) => sessionVersions.current(id),
      now: Date.now,
    }),
  };
}

const globalForPortal = globalThis as typeof globalThis & { __portalRuntime?: PortalRuntime };

export function getPortalRuntime(): PortalRuntime {
  globalForPortal.__portalRuntime ??= createPortalRuntime(getEnv());
  return globalForPortal.__portalRuntime;
}
