import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_OPERATIONS, type OperationId, buildApiUrl, isRetrySafe } from '@/lib/genesys/api-paths';
import { InvalidApiRequestError } from '@/lib/genesys/errors';
import { REGIONS, type RegionEnvironment } from '@/lib/genesys/regions';

const ENVIRONMENTS = Object.values(REGIONS) as RegionEnvironment[];
const GATEWAYS = ['https://emulator.test', 'http://127.0.0.1:8787', 'https://gw.example:8443/some/prefix?x=1'];

const NASTY = [
  '/',
  '//',
  '..',
  '.',
  '%2F',
  '%2f',
  '%252F',
  '@',
  '//evil.example',
  'http://evil.example',
  '\\',
  '?',
  '#',
  ':',
  '%',
  '%00',
  '\u0000',
  '\n',
  ' ',
  '~',
  'é',
  '中文',
  '😀',
  '\ud800',
  'users',
  'me',
  'api',
  'v2',
  '*',
  '&',
  '=',
  '+',
];

const fragment = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 }), fc.uuid());
const paramValue = fc.oneof(
  fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.uuid(),
);

/** Independent oracle of what must be refused. */
function isInvalid(value: string): boolean {
  return (
    value.length === 0 ||
    value.length > 256 ||
    /[/\\%]/.test(value) ||
    value.includes('..') ||
    value === '.' ||
    /[\u0000-\u001f\u007f]/.test(value) ||
    /\p{Cs}/u.test(value)
  );
}

const WITH_PARAM = [
  ['organizations.feature', 'featureName'],
  ['organizations.limitsNamespace', 'namespaceName'],
  ['users.get', 'userId'],
] as const;

describe('buildApiUrl', () => {
  it('builds the regional URL of each operation', () => {
    const tenant = { region: 'mypurecloud.de' as const };
    expect(buildApiUrl(tenant, 'organizations.me', {}).toString()).toBe(
      'https://api.mypurecloud.de/api/v2/organizations/me',
    );
    expect(
      buildApiUrl(
        tenant,
        'users.list',
        {},
        { pageSize: 100, expand: ['presence', 'authorization'], state: undefined },
      ).toString(),
    ).toBe('https://api.mypurecloud.de/api/v2/users?pageSize=100&expand=presence&expand=authorization');
    expect(
      buildApiUrl(
        tenant,
        'organizations.feature',
        { featureName: 'chat' },
        {},
        new URL('http://127.0.0.1:8787/x'),
      ).toString(),
    ).toBe('http://127.0.0.1:8787/api/v2/organizations/features/chat');
    expect(buildApiUrl(tenant, 'users.get', { userId: 'a b@c' }).pathname).toBe('/api/v2/users/a%20b%40c');
  });

  it('refuses unknown operations, unknown regions and missing params', () => {
    const tenant = { region: 'mypurecloud.com' as const };
    expect(() => buildApiUrl(tenant, 'users.delete' as OperationId, {} as never)).toThrow(InvalidApiRequestError);
    expect(() => buildApiUrl({ region: 'evil.example' as RegionEnvironment }, 'organizations.me', {})).toThrow(
      InvalidApiRequestError,
    );
    expect(() => buildApiUrl(tenant, 'users.get', {} as { userId: string })).toThrow(/userId is missing/);
    expect(() => buildApiUrl(tenant, 'users.get', { userId: '../organizations/me' })).toThrow(InvalidApiRequestError);
  });

  it('every template is an /api/v2/ path; only PATCH and unmarked POSTs are unsafe to repeat', () => {
    for (const [id, spec] of Object.entries(API_OPERATIONS)) {
      expect(spec.path.startsWith('/api/v2/')).toBe(true);
      expect(isRetrySafe(id as OperationId)).toBe(spec.method !== 'PATCH');
    }
  });

  it('property: the host is always the region (or gateway) and the path always /api/v2/; bad params throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENVIRONMENTS),
        fc.option(fc.constantFrom(...GATEWAYS), { nil: undefined }),
        fc.constantFrom(...WITH_PARAM),
        paramValue,
        fc.dictionary(fc.string({ maxLength: 6 }), paramValue, { maxKeys: 3 }),
        (region, gateway, [operation, name], value, query) => {
          const gatewayUrl = gateway === undefined ? undefined : new URL(gateway);
          const expectedOrigin = gatewayUrl?.origin ?? `https://api.${region}`;
          const build = () => buildApiUrl({ region }, operation, { [name]: value } as never, query, gatewayUrl);
          const badQuery = Object.entries(query).some(([key, v]) => /\p{Cs}/u.test(key + v));
          if (isInvalid(value) || badQuery) {
            expect(build).toThrow(InvalidApiRequestError);
            return;
          }
          const url = build();
          expect(url.origin).toBe(expectedOrigin);
          expect(url.username + url.password).toBe('');
          expect(url.pathname.startsWith('/api/v2/')).toBe(true);
          const template = API_OPERATIONS[operation].path;
          const prefix = template.slice(0, template.indexOf('{'));
          expect(url.pathname.startsWith(prefix)).toBe(true);
          expect(decodeURIComponent(url.pathname.slice(prefix.length))).toBe(value);
          for (const [key, queryValue] of Object.entries(query)) expect(url.searchParams.get(key)).toBe(queryValue);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
