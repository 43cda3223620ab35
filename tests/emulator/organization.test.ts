import { beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, createEmulator } from '../../emulator/index';
import { call, credentialOf, getToken, isErrorBody } from './support/direct';

let emulator: Emulator;
let admin: string;
let readOnly: string;

beforeEach(async () => {
  emulator = createEmulator({ orgSizes: [30, 10] });
  admin = await getToken(emulator, credentialOf(emulator, 'acme-prod'));
  const ro = emulator.readOnlyCredential('acme-prod');
  if (!ro) throw new Error('read-only credential missing');
  readOnly = await getToken(emulator, ro);
});

describe('GET /api/v2/organizations/me', () => {
  it('returns exactly the Organization fields', async () => {
    const { status, json } = await call(emulator, readOnly, '/api/v2/organizations/me');
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(
      [
        'id',
        'name',
        'defaultLanguage',
        'defaultCountryCode',
        'thirdPartyOrgName',
        'thirdPartyURI',
        'domain',
        'features',
        'version',
        'state',
        'defaultSiteId',
        'supportURI',
        'voicemailEnabled',
        'productPlatform',
        'selfUri',
      ].sort(),
    );
    expect(json).toMatchObject({
      name: 'Acme Corp',
      state: 'active',
      productPlatform: 'GenesysCloud',
      selfUri: `/api/v2/organizations/${json.id as string}`,
    });
    expect(Object.keys(json.features as object)).toHaveLength(13);
  });
});

describe('PUT /api/v2/organizations/me', () => {
  it('accepts a GET-modify-PUT round trip and bumps the version', async () => {
    const current = (await call(emulator, admin, '/api/v2/organizations/me')).json;
    const put = await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { ...current, name: 'Acme Corporation' },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ name: 'Acme Corporation', version: (current.version as number) + 1 });
    expect((await call(emulator, admin, '/api/v2/organizations/me')).json.name).toBe('Acme Corporation');
  });

  it('answers 409 general.conflict for a stale version', async () => {
    const current = (await call(emulator, admin, '/api/v2/organizations/me')).json;
    await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { version: current.version, name: 'First' },
    });
    const stale = await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { version: current.version, name: 'Second' },
    });
    expect(stale.status).toBe(409);
    expect(stale.json.code).toBe('general.conflict');
    expect(isErrorBody(stale.json)).toBe(true);
  });

  it.each([
    ['an unknown field', { surprise: 1 }, 'surprise'],
    ['a changed read-only field', { thirdPartyOrgName: 'renamed' }, 'thirdPartyOrgName'],
    ['a wrongly typed field', { voicemailEnabled: 'yes' }, 'voicemailEnabled'],
    ['an empty name', { name: '' }, 'name'],
  ])('answers 400 naming the field for %s', async (_label, extra, field) => {
    const { version } = (await call(emulator, admin, '/api/v2/organizations/me')).json;
    const response = await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { version, ...extra },
    });
    expect(response.status).toBe(400);
    expect(isErrorBody(response.json)).toBe(true);
    expect(JSON.stringify(response.json.details)).toContain(field);
  });

  it('requires version', async () => {
    const response = await call(emulator, admin, '/api/v2/organizations/me', { method: 'PUT', body: { name: 'x' } });
    expect(response.status).toBe(400);
    expect(response.json.details).toEqual([{ fieldName: 'version', errorCode: 'required' }]);
  });

  it('answers 415 for a non-JSON content type and 400 for malformed JSON', async () => {
    const text = await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      rawBody: '{}',
      headers: { 'content-type': 'text/plain' },
    });
    expect([text.status, text.json.code]).toEqual([415, 'unsupported.media.type']);
    const broken = await call(emulator, admin, '/api/v2/organizations/me', {
      method: 'PUT',
      rawBody: '{"version": ',
      headers: { 'content-type': 'application/json' },
    });
    expect([broken.status, broken.json.code]).toEqual([400, 'bad.request']);
  });

  it('answers 403 missing.any.permissions without directory:organization:admin', async () => {
    const response = await call(emulator, readOnly, '/api/v2/organizations/me', {
      method: 'PUT',
      body: { version: 1 },
    });
    expect(response.status).toBe(403);
    expect(response.json).toMatchObject({
      code: 'missing.any.permissions',
      message:
        'Unable to perform the requested action. You must have at least one of the following permissions assigned: [directory:organization:admin]',
    });
  });
});

describe('PATCH /api/v2/organizations/features/{featureName}', () => {
  it('toggles a feature and returns all thirteen', async () => {
    const response = await call(emulator, admin, '/api/v2/organizations/features/informalPhotos', {
      method: 'PATCH',
      body: { enabled: true },
    });
    expect(response.status).toBe(200);
    expect(Object.keys(response.json)).toHaveLength(13);
    expect(response.json.informalPhotos).toBe(true);
    const off = await call(emulator, admin, '/api/v2/organizations/features/informalPhotos', {
      method: 'PATCH',
      body: { enabled: false },
    });
    expect(off.json.informalPhotos).toBe(false);
  });

  it('rejects unknown features, bad bodies and read-only callers', async () => {
    expect(
      (
        await call(emulator, admin, '/api/v2/organizations/features/teleport', {
          method: 'PATCH',
          body: { enabled: true },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(emulator, admin, '/api/v2/organizations/features/chat', {
          method: 'PATCH',
          body: { enabled: 'yes' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(emulator, readOnly, '/api/v2/organizations/features/chat', {
          method: 'PATCH',
          body: { enabled: true },
        })
      ).status,
    ).toBe(403);
  });
});

describe('/api/v2/organizations/authentication/settings', () => {
  it('reads and patches (merging password requirements)', async () => {
    const before = await call(emulator, admin, '/api/v2/organizations/authentication/settings');
    expect(before.status).toBe(200);
    expect(before.json).toHaveProperty('passwordRequirements.minimumLength', 8);
    const patched = await call(emulator, admin, '/api/v2/organizations/authentication/settings', {
      method: 'PATCH',
      body: { multifactorAuthenticationRequired: true, passwordRequirements: { minimumLength: 12 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      multifactorAuthenticationRequired: true,
      passwordRequirements: { minimumLength: 12, minimumDigits: 1 },
    });
  });

  it('needs directory:organization:admin and rejects unknown fields', async () => {
    expect((await call(emulator, readOnly, '/api/v2/organizations/authentication/settings')).status).toBe(403);
    const bad = await call(emulator, admin, '/api/v2/organizations/authentication/settings', {
      method: 'PATCH',
      body: { mfa: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.details).toEqual([{ fieldName: 'mfa', errorCode: 'unrecognized.field' }]);
  });
});

describe('/api/v2/organizations/limits/namespaces', () => {
  it('lists namespaces and the platform.api limits without any permission', async () => {
    const list = await call(emulator, readOnly, '/api/v2/organizations/limits/namespaces');
    expect(list.json.entities).toEqual([{ name: 'platform.api' }]);
    const limits = await call(emulator, readOnly, '/api/v2/organizations/limits/namespaces/platform.api');
    expect(limits.json.entities).toContainEqual({
      key: 'client.credentials.token.rate.per.minute',
      namespace: 'platform.api',
      value: 300,
    });
    expect((await call(emulator, readOnly, '/api/v2/organizations/limits/namespaces/nope')).status).toBe(404);
  });
});
