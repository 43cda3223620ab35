import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSource } from '@/lib/tenants/sources';
import { tenantEntry } from './fixtures';

async function fileWith(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tenants-'));
  const path = join(dir, 'tenants.json');
  await writeFile(path, content);
  return path;
}

describe('createFileSource', () => {
  it('reads {"tenants": [...]} and a bare list', async () => {
    const wrapped = await fileWith(JSON.stringify({ tenants: [tenantEntry()] }));
    const bare = await fileWith(JSON.stringify([tenantEntry()]));
    expect((await createFileSource(wrapped).load()).tenants).toHaveLength(1);
    expect((await createFileSource(bare).load()).tenants).toHaveLength(1);
  });

  it('reports a missing file and malformed JSON clearly', async () => {
    await expect(createFileSource('/nonexistent/tenants.json').load()).rejects.toMatchObject({ reason: 'unreachable' });
    const broken = await fileWith('{"tenants": [');
    await expect(createFileSource(broken).load()).rejects.toMatchObject({ reason: 'malformed' });
    const wrongShape = await fileWith('{"tenant": []}');
    await expect(createFileSource(wrongShape).load()).rejects.toMatchObject({ reason: 'malformed' });
  });
});
