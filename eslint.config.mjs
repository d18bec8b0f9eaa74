// One flat config for the whole workspace. The module-boundary table below is the
// architecture: domain code (the standard, the rules, the phantom maths) never
// reaches for I/O or a framework; apps compose libraries and nothing imports an app.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'net',
  'http',
  'https',
  'zlib',
];
const ioPackages = [
  'dcmjs',
  'dcmjs-dimse',
  'dcmjs-codecs',
  'pg',
  '@electric-sql/*',
  'express',
  'fast-png',
  '@nestjs/*',
  '@prisma/*',
  'kafkajs',
  'onnxruntime-node',
  'socket.io',
];
const crossProjectImports = {
  group: ['../../*', '@spineqc/*/src/*'],
  message: 'Import another project through its package name (its index.ts), never by path.',
};

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/.next/**',
      '**/next-env.d.ts',
      'docs/**',
      'ml/**',
      'coverage/**',
      'out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // '@/…' is the dashboard's own alias for its src/ folder (Next.js convention), not a package.
          allow: ['@/**'],
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: ioPackages,
            },
            { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:domain', 'type:io'] },
            // A feature is one process's Nest module (the API, the inference worker); features never import each other.
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:io'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:io', 'type:feature'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            // The CLI's `serve` composes the embedded server from the server libraries.
            { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
            // The dashboard reads the API over HTTP; it shares only contracts and the pure standard with it.
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [crossProjectImports] }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the config module, not process.env.',
        },
      ],
    },
  },
  {
    // Domain libraries are pure. Nx's table checks workspace and npm dependencies; Node built-ins
    // are not in its project graph, so they are banned here.
    files: [
      'libs/qc-standard/src/**/*.ts',
      'libs/qc-rules/src/**/*.ts',
      'libs/phantom/src/**/*.ts',
      'libs/alert-rules/src/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Domain code does no I/O.' })),
          patterns: [
            crossProjectImports,
            { group: ['node:*', ...ioPackages], message: 'Domain code does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // End-to-end tests read HTTP and DICOM JSON bodies as untyped JSON on purpose.
    files: ['test/integration/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: [
      'libs/*/src/config/**/*.ts',
      'apps/*/src/config/**/*.ts',
      'apps/*/server/src/config/**/*.ts',
      'apps/*/bin/*.mjs',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  prettier,
];
