import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/**
 * The dependency rules of shared/architecture.md, as lint errors:
 *   app → components, lib (never the reverse); components → types and pure helpers of lib;
 *   lib/genesys → zod and itself only; emulator → nothing of the portal; portal ↛ emulator.
 * The launcher in scripts/ is the one place allowed to start the emulator.
 */
const emulatorImports = {
  group: ['@/emulator', '@/emulator/*', '**/emulator', '**/emulator/*'],
  message: 'The portal never imports the emulator (only scripts/launch.ts starts it for the demo).',
};
const portalImports = {
  group: ['@/app/*', '@/lib/*', '@/components/*', '../app/*', '../lib/*', '../components/*', '../../lib/*'],
  message: 'The emulator is independent of the portal: import nothing from app/, lib/ or components/.',
};
const upwardIntoApp = {
  group: ['@/app/*', '**/app/*'],
  message: 'Dependencies point from app/ to components/ and lib/, never back.',
};
const serverIo = {
  group: [
    '@/lib/env',
    '@/lib/logger',
    '@/lib/health',
    '@/lib/tenants',
    '@/lib/tenants/index',
    '@/lib/tenants/sources',
    '@/lib/tenants/registry',
    'server-only',
    'node:*',
    'pino',
  ],
  message: 'Components take plain data as props; server I/O modules stay on the server.',
  allowTypeImports: true,
};
const frameworkInGenesysCore = {
  group: ['next', 'next/*', 'react', 'react/*', 'react-dom', '@/*', 'node:*', 'server-only', 'pino', 'ioredis'],
  message: 'lib/genesys is framework-free: zod and its own files only; inject clock, fetch, logger and stores.',
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    '.next/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'reports/**',
    'test-results/**',
    'node_modules/**',
  ]),
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through lib/env.ts (getEnv), the only reader of process.env.',
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'proxy.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [emulatorImports, upwardIntoApp] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [emulatorImports, upwardIntoApp, serverIo] }] },
  },
  {
    files: ['lib/genesys/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            frameworkInGenesysCore,
            { group: ['../*'], message: 'lib/genesys must not reach outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/genesys/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            frameworkInGenesysCore,
            { group: ['../../*'], message: 'lib/genesys must not reach outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [portalImports, { group: ['next', 'next/*', 'react'], message: 'The emulator is framework-free.' }],
        },
      ],
    },
  },
  {
    // The one reader of process.env for the portal, plus processes that are not the portal.
    files: [
      'lib/env.ts',
      'instrumentation.ts',
      'next.config.mjs',
      'emulator/**',
      'scripts/**',
      'tests/**',
      'e2e/**',
      'bench/**',
      'playwright.config.ts',
      'vitest.config.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
