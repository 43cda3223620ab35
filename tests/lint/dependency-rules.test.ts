import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules are only real if a wrong arrow fails lint. Each case lints a
// snippet as if it lived at the given path and expects no-restricted-imports to fire (or not).
// Snippets are not part of the TypeScript project, so type-aware rules are switched off here;
// no-restricted-imports needs no types.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('dependency rules', () => {
  it.each([
    ['components/tenants/x.tsx', "import { logger } from '@/lib/logger';\nexport const x = logger;\n", 'server I/O'],
    [
      'components/tenants/x.tsx',
      "import { GET } from '@/app/api/health/route';\nexport const x = GET;\n",
      'never back',
    ],
    [
      'lib/tenants/x.ts',
      "import { createEmulator } from '@/emulator/index';\nexport const x = createEmulator;\n",
      'emulator',
    ],
    ['lib/genesys/x.ts', "import { getEnv } from '../env';\nexport const x = getEnv;\n", 'outside itself'],
    ['lib/genesys/x.ts', "import { headers } from 'next/headers';\nexport const x = headers;\n", 'framework-free'],
    [
      'lib/genesys/schemas/x.ts',
      "import { logger } from '../../logger';\nexport const x = logger;\n",
      'outside itself',
    ],
    ['emulator/x.ts', "import { getEnv } from '../lib/env';\nexport const x = getEnv;\n", 'independent of the portal'],
  ])('%s: %s is rejected', async (filePath, code, why) => {
    const messages = await restrictedImportMessages(filePath, code);
    expect(messages.join('\n')).toContain(why);
  });

  it.each([
    [
      'components/tenants/x.tsx',
      "import type { PublicTenant } from '@/lib/tenants/tenant-schema';\nexport type X = PublicTenant;\n",
    ],
    [
      'lib/genesys/x.ts',
      "import { z } from 'zod';\nimport { REGIONS } from './regions';\nexport const x = [z, REGIONS];\n",
    ],
    ['app/x.tsx', "import { getEnv } from '@/lib/env';\nexport const x = getEnv;\n"],
  ])('%s: allowed imports pass', async (filePath, code) => {
    expect(await restrictedImportMessages(filePath, code)).toEqual([]);
  });
});

describe('configuration access', () => {
  it('only lib/env.ts reads process.env in portal code', async () => {
    const code = 'export const port = process.env.PORT;\n';
    const rulesFired = async (filePath: string) => {
      const [result] = await eslint.lintText(code, { filePath });
      return (result?.messages ?? []).map((m) => m.ruleId);
    };
    expect(await rulesFired('lib/tenants/x.ts')).toContain('no-restricted-properties');
    expect(await rulesFired('app/x.tsx')).toContain('no-restricted-properties');
    expect(await rulesFired('lib/env.ts')).not.toContain('no-restricted-properties');
  });
});
