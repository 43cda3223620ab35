import { describe, expect, it } from 'vitest';
import { EnvError, hasTenantSource, parseEnv } from '@/lib/env';

describe('parseEnv', () => {
  it('applies defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', PORTAL_MODE: 'configured' });
    expect(hasTenantSource(env)).toBe(false);
  });

  it('treats empty strings as unset', () => {
    const env = parseEnv({ TENANTS_FILE: '  ', CONFIG_SERVICE_URL: '' });
    expect(env.TENANTS_FILE).toBeUndefined();
    expect(env.CONFIG_SERVICE_URL).toBeUndefined();
  });

  it('names every bad variable and never echoes its value', () => {
    const secretish = 'ftp://s3cr3t-value.example';
    let caught: unknown;
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud', CONFIG_SERVICE_URL: secretish });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^CONFIG_SERVICE_URL: must be an http\(s\) URL/m);
    expect((caught as EnvError).message).not.toContain('s3cr3t');
  });

  it('requires the service token with a config service URL', () => {
    expect(() => parseEnv({ CONFIG_SERVICE_URL: 'https://config.example/t' })).toThrow(
      /CONFIG_SERVICE_TOKEN: is required/,
    );
  });

  it('rejects two tenant sources at once', () => {
    expect(() =>
      parseEnv({ TENANTS_FILE: 't.json', CONFIG_SERVICE_URL: 'http://x.test/t', CONFIG_SERVICE_TOKEN: 'k' }),
    ).toThrow(/TENANTS_FILE: set either/);
  });

  it('accepts a config service with its token', () => {
    const env = parseEnv({
      CONFIG_SERVICE_URL: 'https://config.example/api/v1/genesys/tenants',
      CONFIG_SERVICE_TOKEN: 'k',
    });
    expect(hasTenantSource(env)).toBe(true);
  });
});

describe('REDIS_URL', () => {
  it('accepts redis:// and rediss:// only', () => {
    expect(parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(parseEnv({ REDIS_URL: 'rediss://cache.internal:6380/0' }).REDIS_URL).toBeDefined();
    expect(() => parseEnv({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a redis/);
  });
});

describe('session settings', () => {
  const secret = 'x'.repeat(32);
  it('requires a session secret in configured production, not in the demo', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: is required in production/);
    expect(parseEnv({ NODE_ENV: 'production', PORTAL_MODE: 'embedded-demo' }).SESSION_SECRET).toBeUndefined();
    expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
  });

  it('parses a rotation map and rejects short or malformed secrets without echoing them', () => {
    expect(parseEnv({ SESSION_SECRETS: JSON.stringify({ 1: secret, 2: secret + 'y' }) }).SESSION_SECRETS).toEqual({
      1: secret,
      2: secret + 'y',
    });
    expect(() => parseEnv({ SESSION_SECRETS: '{"1": "short-secret-value"}' })).toThrow(/at least 32/);
    expect(() => parseEnv({ SESSION_SECRETS: 'not json' })).toThrow(/SESSION_SECRETS: must be a JSON object/);
    expect(() => parseEnv({ SESSION_SECRET: 'short-secret-value' })).not.toThrow(/short-secret-value/);
  });
});
