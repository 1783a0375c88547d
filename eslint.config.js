// @ts-check
// The code's house rules: typescript-eslint's recommended rules everywhere, React's hooks rules,
// jsx-a11y and Testing Library's rules for the web app, and the rule that keeps DynamoDB key
// strings in shared/store/keys.ts. Import direction and cycles are dependency-cruiser's
// (.dependency-cruiser.cjs); formatting is Prettier's. docs/contributing.md says how to run them.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The first segment of every partition and sort key prefix built in shared/store/keys.ts. A string
 * or template literal that starts with one of them, outside keys.ts, is a key built by hand.
 */
export const KEY_PREFIXES = [
  'ADDRESS',
  'AGENT',
  'APPROVAL',
  'APPROVER',
  'ASSIGNEE',
  'AUTOREPLY',
  'COMMENT',
  'COUNTER',
  'DESK',
  'HISTORY',
  'IDEMPOTENCY',
  'INVITATION',
  'NEWTICKETS',
  'QUARANTINE',
  'REQUESTER',
  'ROTATION',
  'STATUS',
  'TICKET',
];
/** Whole sort keys and partitions of keys.ts that carry no `#`. */
const KEY_CONSTANTS = ['AVAILABILITY', 'LOCALTIMER', 'MAILBLOCK', 'QUEUE_COUNTS', 'UNDELIVERABLE', 'WORKLOAD'];

const keyPattern = `/^((${KEY_PREFIXES.join('|')})#|(${KEY_CONSTANTS.join('|')})$)/`;
const keyMessage = 'DynamoDB key strings are built only in shared/store/keys.ts: add a key function there and call it.';

export default defineConfig([
  globalIgnores([
    'web/dist/',
    'cdk.out/',
    '.local/',
    'coverage/',
    'bench/results/',
    'test/fixtures/',
    // Generated from the OpenAPI document by `npm run web:api`.
    'web/src/lib/api/schema.d.ts',
  ]),
  {
    files: ['**/*.{js,cjs,mjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // `_name` marks a parameter or binding that is there for its position only.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    // Keys: every key string of the single table comes from shared/store/keys.ts.
    files: ['functions/**/*.ts', 'shared/**/*.ts', 'infra/**/*.ts', 'local/**/*.ts', 'bench/**/*.ts'],
    ignores: ['shared/store/keys.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: `Literal[value=${keyPattern}]`, message: keyMessage }, { selector: `TemplateElement[value.raw=${keyPattern}]`, message: keyMessage }],
    },
  },
  {
    // The web app runs in the browser.
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [jsxA11y.flatConfigs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      // The rules of hooks that hold for any React code. The plugin's other recommended rules
      // (set-state-in-effect, refs, purity, ...) judge code for the React Compiler, which the app
      // does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['web/src/**/*.test.{ts,tsx}'],
    extends: [testingLibrary.configs['flat/react']],
    rules: {
      // Vitest runs without globals here, so Testing Library cannot register its automatic
      // cleanup: the tests call cleanup themselves.
      'testing-library/no-manual-cleanup': 'off',
    },
  },
]);
