// ESLint flat config. Besides the usual recommended sets it enforces the context boundaries of
// the extension (which code may import which) and bans every HTML sink: nothing from GWS or a
// page is ever parsed as HTML.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const root = import.meta.dirname;

/** Code that runs in the background context (an MV3 service worker in Chrome: no DOM). */
const BACKGROUND_CODE = [
  'entrypoints/background.ts',
  'entrypoints/background/**',
  'lib/background/**',
  'lib/session/**',
  'lib/credentials/**',
  'lib/gws/**',
  'lib/calls/**',
];

/** Background-only modules: the GWS session, its HTTP/CometD transport and credentials. */
const BACKGROUND_ONLY = [
  './entrypoints/background.ts',
  './entrypoints/background',
  './lib/background',
  './lib/session',
  './lib/credentials',
  './lib/gws/rest.ts',
  './lib/gws/notifications.ts',
];
/** The modules those two files are built from (one zone takes only globs or only paths). */
const BACKGROUND_ONLY_GLOBS = [
  './lib/gws/rest-*.ts',
  './lib/gws/notifications-*.ts',
  './lib/gws/{http,fetch-long-polling,cometd-env}.ts',
];

/**
 * Everything the CRM content script runs: WXT content-script entrypoints in all the shapes WXT
 * accepts, and the overlay code and components they are built from.
 */
const CONTENT_SCRIPT_CODE = [
  'entrypoints/content.{ts,tsx}',
  'entrypoints/content/**',
  'entrypoints/*.content.{ts,tsx}',
  'entrypoints/*.content/**',
  'lib/overlay/**',
  'components/overlay/**',
];

/** The extension's pages (popup, options) and their components. */
const VIEW_CODE = ['entrypoints/popup/**', 'entrypoints/options/**', 'components/**'];

/**
 * Only the background may read the policy with its password; pages and content scripts get
 * lib/settings/policy-view.ts instead.
 */
const POLICY_WITH_PASSWORD = './lib/settings/managed-policy.ts';

/** lib/ folders below the background: everything but lib/background itself. */
const LIB_BELOW_BACKGROUND = './lib/!(background)/**';

/** lib/ folders below the view helpers of lib/ui (which the background and views use). */
const LIB_BELOW_UI =
  './lib/{calls,credentials,diagnostics,errors,gws,i18n,messaging,overlay,phone,ringtone,screen-pop,session,settings}/**';

const HTML_SINK = 'Nothing is ever rendered as HTML here: build DOM nodes or use Preact text.';

export default defineConfig(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'bench/results/**',
      'coverage/**',
      'web-ext.config.ts',
      '**/*.min.js',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommended,

  // Type-aware rules that catch real bugs (lost promises) at low cost; the rest stays syntactic.
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false, arguments: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // A `let` that a closure reads before its single assignment cannot be a `const`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // TypeScript itself reports undefined names, and WXT auto-imports globals such as
      // defineBackground, which plain ESLint cannot see.
      'no-undef': 'off',
    },
  },

  // Globals per context.
  {
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: [
      'sim/**',
      'crm/**',
      'http-kit/**',
      'scripts/**',
      'tests/**',
      'bench/**',
      '*.{js,ts,mjs,cjs}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain scripts served to a browser by the simulator, the demo CRM and the benchmarks.
    files: ['sim/console/**', 'crm/public/**', 'bench/pages/**'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // Context boundaries (design: "lib never imports entrypoints or components; content scripts
  // never import background code; the simulator stands alone").
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          tsconfig: { configFile: `${root}/tsconfig.json` },
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: root,
          zones: [
            {
              target: './lib',
              from: ['./entrypoints', './components'],
              message: 'lib/ is shared by every context and must not depend on the UI layers.',
            },
            ...[BACKGROUND_ONLY, BACKGROUND_ONLY_GLOBS, [POLICY_WITH_PASSWORD]].map((from) => ({
              target: CONTENT_SCRIPT_CODE.map((target) => `./${target}`),
              from,
              message: 'Content scripts never hold the GWS session: ask the background instead.',
            })),
            ...[BACKGROUND_ONLY, BACKGROUND_ONLY_GLOBS].map((from) => ({
              target: VIEW_CODE.map((target) => `./${target}`),
              from,
              message: 'Views never hold the GWS session or credentials: ask the background.',
            })),
            {
              target: VIEW_CODE.map((target) => `./${target}`),
              from: [POLICY_WITH_PASSWORD],
              message: 'Views get the policy without its password: lib/settings/policy-view.ts.',
            },
            {
              target: LIB_BELOW_BACKGROUND,
              from: ['./lib/background', './entrypoints/background.ts'],
              message:
                'lib/background sits on top of the other lib/ folders: pass what it knows down.',
            },
            {
              target: LIB_BELOW_UI,
              from: ['./lib/ui'],
              message: 'lib/ui holds view helpers; the layers below it never depend on them.',
            },
            {
              target: './sim',
              from: ['./lib', './entrypoints', './components', './crm'],
              message: 'The simulator stands in for GWS and must not share code with the client.',
            },
            {
              target: './crm',
              from: ['./lib', './entrypoints', './components', './sim'],
              message: 'The demo CRM is a web site of its own: it shares only http-kit.',
            },
            {
              target: './http-kit',
              from: ['./lib', './entrypoints', './components', './sim', './crm'],
              message: 'http-kit serves the simulator and the CRM and depends on neither.',
            },
          ],
        },
      ],
    },
  },

  // The simulator, the demo CRM and their HTTP kit have no import cycles (the rule sees value
  // imports; type-only cycles are kept out by hand, see sim/model/switch-types.ts):
  // a module that needs its importer's types gets them from a module both can import.
  {
    files: ['sim/**/*.ts', 'crm/**/*.ts', 'http-kit/**/*.ts'],
    settings: {
      // no-cycle parses the imported modules itself; without this it skips every .ts file.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: { 'import-x/no-cycle': 'error' },
  },

  // The background has no DOM in Chrome (MV3 service worker).
  {
    files: BACKGROUND_CODE,
    ignores: ['lib/gws/cometd-env.ts', 'lib/cometd-env.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'XMLHttpRequest'].map(
          (name) => ({
            name,
            message: `No \`${name}\` in background code: Chrome runs it in a service worker.`,
          }),
        ),
      ],
    },
  },

  // HTML sinks, everywhere.
  {
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe'].map((property) => ({
          property,
          message: HTML_SINK,
        })),
        { property: 'createContextualFragment', message: HTML_SINK },
        { object: 'document', property: 'write', message: HTML_SINK },
        { object: 'document', property: 'writeln', message: HTML_SINK },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: HTML_SINK },
        {
          selector:
            'Property[key.name=/^(dangerouslySetInnerHTML|innerHTML|outerHTML)$/], Property[key.value=/^(dangerouslySetInnerHTML|innerHTML|outerHTML)$/]',
          message: HTML_SINK,
        },
        {
          selector:
            "MemberExpression[object.property.name='document'][property.name=/^write(ln)?$/]",
          message: HTML_SINK,
        },
      ],
    },
  },

  // Plain JavaScript files are not in the TypeScript program.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // A `/* global … */` comment naming a browser global is documentation, not a redeclaration.
    files: ['**/*.{js,mjs,cjs}'],
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
);
