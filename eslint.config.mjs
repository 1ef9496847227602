// Lint: the Office add-in rules (load before read, sync after load, no sync in loops) and
// formatting by prettier, from eslint-plugin-office-addins' recommended set (which brings its
// own TypeScript parser and plugin).
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

// The plugin's React set (its TypeScript rules plus eslint-plugin-react), widened to .tsx files,
// which its own file pattern leaves out.
const office = officeAddins.configs.react.map((c) => (c.files ? { ...c, files: ['**/*.{js,mjs,cjs,ts,cts,mts,tsx}'] } : c));

/** Office.js's globals, kept out of every layer but the Excel host. */
const OFFICE_GLOBALS = [
  { name: 'Excel', message: 'Office.js belongs in src/hosts/excel.' },
  { name: 'Office', message: 'Office.js belongs in src/hosts/excel.' },
];

export default [
  { ignores: ['node_modules/', 'dist/', 'dist-test/', 'dist-wps/', 'lib/', 'out/', 'coverage/'] },
  ...office,
  {
    files: ['**/*.{ts,tsx}'],
    // The plugin's config names the parser through a default export that is undefined on CommonJS.
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    rules: {
      // TypeScript checks names; the JS rule does not know Office/Excel globals or type-only names.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // One round-trip per loop iteration is the cost this project exists to avoid.
      'office-addins/no-context-sync-in-loop': 'error',
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope.
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
    },
  },
  // ---- the architecture's boundaries: a planted import across one fails `npm run lint` ----
  {
    // The core is plain TypeScript over plain data: no host, no CLI, no pane, no file format
    // library, no Node built-in, so every host (Excel, .xlsx, WPS) runs the same operations.
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/hosts/**', '**/cli/**', '**/taskpane/**'], message: 'src/core imports no host, CLI or pane.' },
            {
              group: ['exceljs', 'mammoth', 'jszip', 'react', 'react-dom', '@fluentui/*', 'commander'],
              message: 'src/core uses no I/O or UI library.',
            },
            {
              group: [
                'node:*',
                'fs',
                'fs/*',
                'path',
                'os',
                'zlib',
                'crypto',
                'child_process',
                'stream',
                'util',
                'worker_threads',
                'url',
                'buffer',
              ],
              message: 'src/core uses no Node built-in: it runs in the pane and in WPS too.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS],
    },
  },
  {
    files: ['src/hosts/xlsx/**/*.{ts,tsx}', 'src/hosts/docx/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/hosts/excel/**', '**/hosts/wps/**', '**/cli/**', '**/taskpane/**'],
              message: 'A file host reads and writes files only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Office.js belongs in src/hosts/excel.' }],
    },
  },
  {
    files: ['src/hosts/excel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/cli/**',
                '**/taskpane/**',
                '**/hosts/xlsx/**',
                '**/hosts/wps/**',
                '../xlsx/**',
                '../docx/**',
                '../wps/**',
                'exceljs',
                'mammoth',
                'fs',
                'path',
                'node:*',
              ],
              message: 'The Excel host talks to Office.js only.',
            },
          ],
        },
      ],
    },
  },
  {
    // The WPS host talks to WPS's ET object model only (window.Application, reached through
    // runtime.ts): no Office.js, no other host, no file library, no Node.
    files: ['src/hosts/wps/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/cli/**',
                '**/taskpane/**',
                '**/hosts/excel/**',
                '**/hosts/xlsx/**',
                '**/hosts/docx/**',
                '../excel/**',
                '../xlsx/**',
                '../docx/**',
                'exceljs',
                'mammoth',
                'jszip',
                'fs',
                'path',
                'node:*',
              ],
              message: 'The WPS host talks to the ET object model only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS],
    },
  },
  {
    // The CLI runs where no Excel is: it reaches files through src/hosts/xlsx and src/hosts/docx.
    files: ['src/cli/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/hosts/excel/**', '**/taskpane/**'], message: 'The CLI uses no Excel host and no pane.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'Excel', message: 'The CLI runs without Excel.' }],
    },
  },
  {
    // The pane reaches Excel only through src/hosts/excel (Office.onReady in index.tsx starts it).
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', 'fs', 'path', 'node:*'], message: 'The pane runs in a browser, without the CLI.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'Excel', message: 'The pane reaches Excel through src/hosts/excel.' }],
    },
  },
  {
    // The fake Excel implements load/sync itself and tests poke at it on purpose.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
      'office-addins/no-context-sync-in-loop': 'off',
      'office-addins/no-navigational-load': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
];
