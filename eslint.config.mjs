// Lint: the Office add-in rules (load before read, sync after load, no sync in loops) and
// formatting by prettier, from eslint-plugin-office-addins' recommended set (which brings its
// own TypeScript parser and plugin).
import officeAddins from 'eslint-plugin-office-addins';
import tsParser from '@typescript-eslint/parser';

// The plugin's React set (its TypeScript rules plus eslint-plugin-react), widened to .tsx files,
// which its own file pattern leaves out.
const office = officeAddins.configs.react.map((c) => (c.files ? { ...c, files: ['**/*.{js,mjs,cjs,ts,cts,mts,tsx}'] } : c));

export default [
  { ignores: ['node_modules/', 'dist/', 'dist-test/', 'lib/', 'out/', 'coverage/'] },
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
