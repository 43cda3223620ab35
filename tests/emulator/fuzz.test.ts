// Property tests: whatever arrives, the emulator answers with a 4xx ErrorBody (or a success),
// never a 5xx, never a thrown exception, never a body of another shape.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, createEmulator } from '../../emulator/index';
import { BASE, credentialOf, getToken, isErrorBody } from './support/direct';
import { control } from './support/control';

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = createEmulator({ orgSizes: [60, 10], faultControl: true });
  const credential = credentialOf(emulator, 'acme-prod');
  await control(emulator, 'PUT', `/clients/${credential.clientId}/rate-limit`, { perMinute: 1_000_000 });
  token = await getToken(emulator, credential);
});

const PATHS = [
  '/api/v2/organizations/me',
  '/api/v2/organizations/features/chat',
  '/api/v2/organizations/features/x',
  '/api/v2/organizations/authentication/settings',
  '/api/v2/organizations/limits/namespaces',
  '/api/v2/organizations/limits/namespaces/platform.api',
  '/api/v2/users',
  '/api/v2/users/search',
  '/api/v2/users/00000000-0000-4000-8000-000000000000',
  '/api/v2/authorization/divisions',
  '/api/v2/authorization/roles',
  '/api/v2/oauth/clients',
  '/api/v2/tokens/me',
  '/api/v2/orgauthorization/trustors',
  '/api/v2/orgauthorization/trustees',
  '/api/v2/routing/queues',
  '/api/v2/analytics/conversations/aggregates/query',
  '/api/v2/unknown',
  '/api/v1/genesys/tenants',
];
const KEYS = [
  'pageSize',
  'pageNumber',
  'state',
  'sortOrder',
  'expand',
  'expand[]',
  'id',
  'id[]',
  'q64',
  'objectCount',
  'userCount',
  'name',
  'permission',
  'divisionId',
  'sortBy',
];

const queryArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(...KEYS),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer().map(String),
        fc.constantFrom('0', '1', '25', '500', '501', 'any', 'DESC', 'authorization', 'true'),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

const criterionArb = fc.record(
  {
    type: fc.constantFrom(
      'EXACT',
      'STARTS_WITH',
      'CONTAINS',
      'TERM',
      'TERMS',
      'REQUIRED_FIELDS',
      'MATCH_ALL',
      'REGEX',
      'QUERY_STRING',
      'NOPE',
    ),
    fields: fc.array(
      fc.constantFrom('name', 'email', 'username', 'state', 'title', 'department', 'division.id', 'salary'),
      { maxLength: 3 },
    ),
    value: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
    values: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    operator: fc.constantFrom('AND', 'OR', 'NOT', 'XOR'),
  },
  { requiredKeys: [] },
);

const bodyArb = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 40 }),
  fc
    .record(
      {
        pageSize: fc.anything(),
        pageNumber: fc.anything(),
        query: fc.array(criterionArb, { maxLength: 3 }),
        sortOrder: fc.string({ maxLength: 5 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        version: fc.oneof(fc.integer(), fc.string({ maxLength: 4 })),
        name: fc.anything(),
        enabled: fc.anything(),
        features: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  path: fc.oneof(
    fc.constantFrom(...PATHS),
    fc.string({ maxLength: 20 }).map((tail) => `/api/v2/${encodeURIComponent(tail)}`),
  ),
  query: queryArb,
  body: fc.option(bodyArb, { nil: undefined }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    undefined,
  ),
  authorized: fc.boolean(),
  orgHeader: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
});

describe('fuzzing the Platform API surface', () => {
  it('never answers 5xx and always answers an ErrorBody for errors', async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (input) => {
        const headers: Record<string, string> = {};
        if (input.authorized) headers.authorization = `Bearer ${token}`;
        if (input.contentType) headers['content-type'] = input.contentType;
        if (input.orgHeader !== undefined) headers['x-genesys-organization'] = input.orgHeader;
        const hasBody = input.body !== undefined && input.method !== 'GET';
        const url = `${BASE}${input.path}${input.query ? `?${input.query}` : ''}`;
        const response = await emulator.handle(
          new Request(url, { method: input.method, headers, body: hasBody ? input.body : undefined }),
        );
        expect(response.status).toBeLessThan(500);
        const text = await response.text();
        if (response.status >= 400 && input.path !== '/api/v1/genesys/tenants') {
          const body = JSON.parse(text) as unknown;
          expect(isErrorBody(body), text).toBe(true);
          expect((body as { contextId: string }).contextId).toBe(response.headers.get('inin-correlation-id'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers the token endpoint with OAuth error bodies, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', undefined),
        async (body, authorization, contentType) => {
          const headers: Record<string, string> = {};
          if (authorization !== undefined)
            headers.authorization = `Basic ${Buffer.from(authorization).toString('base64')}`;
          if (contentType) headers['content-type'] = contentType;
          const response = await emulator.handle(new Request(`${BASE}/oauth/token`, { method: 'POST', headers, body }));
          expect(response.status).toBeLessThan(500);
          const json = (await response.json()) as Record<string, unknown>;
          if (response.status >= 400) expect(typeof json.error).toBe('string');
        },
      ),
      { numRuns: 200 },
    );
  });
});
