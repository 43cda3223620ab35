import { describe, expect, it } from 'vitest';
import {
  REGIONS,
  getRegionHosts,
  getRegionKey,
  isRegionEnvironment,
  regionEnvironmentSchema,
} from '@/lib/genesys/regions';

describe('regions', () => {
  it('knows the 18 environments of genesys-api.md §2', () => {
    expect(Object.keys(REGIONS)).toHaveLength(18);
    expect(new Set(Object.values(REGIONS)).size).toBe(18);
  });

  it('derives api. and login. hosts from the environment', () => {
    expect(getRegionHosts('mypurecloud.de')).toEqual({
      apiBaseUrl: 'https://api.mypurecloud.de',
      loginBaseUrl: 'https://login.mypurecloud.de',
    });
  });

  it('sends both to a gateway when one is given (the emulator)', () => {
    expect(getRegionHosts('mypurecloud.jp', new URL('http://127.0.0.1:8787/ignored'))).toEqual({
      apiBaseUrl: 'http://127.0.0.1:8787',
      loginBaseUrl: 'http://127.0.0.1:8787',
    });
  });

  it('rejects hosts that tutorials invent', () => {
    for (const bad of ['api.mypurecloud.com', 'eu-gene.com', 'mypurecloud.com/', '']) {
      expect(isRegionEnvironment(bad)).toBe(false);
      expect(regionEnvironmentSchema.safeParse(bad).success).toBe(false);
    }
    expect(getRegionKey('mypurecloud.com.au')).toBe('ap_southeast_2');
    expect(getRegionKey('nowhere')).toBeUndefined();
  });
});
