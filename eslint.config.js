// ESLint flat config. Besides typescript-eslint and eslint-plugin-vue, it enforces the layering
// table of docs/architecture.md with the built-in no-restricted-imports, one block per row.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const DOC = 'See the layering table in docs/architecture.md.';

// Engine folders, by the rank they sit at (a row imports only from rows above it).
const ENGINE_FOLDERS = [
  'store',
  'models',
  'clock',
  'protocol',
  'core',
  'iam',
  'network',
  'supervisor',
  'guest',
  'services',
  'cli',
  'labs',
  'contract-host',
];
// Imports are matched as written, so a relative path is checked per folder depth: from a file `d`
// folders below src-main/engine, exactly `d` times `../` reaches the engine's root.
const MAX_DEPTH = 6;

const up = (n) => (n === 0 ? '\\./' : `(\\.\\./){${n}}`);
const pattern = (regex, row, what) => ({
  regex,
  caseSensitive: true,
  message: `Layer "${row}" must not import ${what}. ${DOC}`,
});

/** Packages no engine file may import: the engine is plain Node (no UI, no Electron). */
const enginePackages = (row, { allowJustBash = false } = {}) => [
  pattern('^(electron|vue|pinia)(/|$)', row, 'electron, vue or pinia (the engine is plain Node)'),
  pattern('^@xterm/', row, '@xterm/* (terminals belong to the renderer)'),
  ...(allowJustBash ? [] : [pattern('^just-bash(/|$)', row, 'just-bash (only engine/guest/shell.ts wraps it)')]),
  pattern('(^|/)src-renderer(/|$)', row, 'the renderer'),
  pattern('(^|/)src-main/(server|electron)(/|$)', row, 'src-main/server or src-main/electron (they host the engine)'),
];

/**
 * One row of the table, for engine files `depth` folders below src-main/engine.
 * `forbid` lists engine folders (or root files index / contract-host) this row may not reach.
 */
function engineRow(row, folders, forbid, depth, extra = () => [], options = {}) {
  const files = folders.map((f) => `src-main/engine/${f}/${'*/'.repeat(depth - 1)}*.ts`);
  const folderNames = forbid.filter((f) => f !== 'index');
  const patterns = [
    ...enginePackages(row, options),
    pattern(
      `^${up(depth + 1)}(server|electron)(/|$)`,
      row,
      'src-main/server or src-main/electron (they host the engine)',
    ),
    ...(folderNames.length
      ? [
          pattern(
            `^${up(depth)}(${folderNames.join('|')})(/|\\.ts$|$)`,
            row,
            forbid.map((f) => `engine/${f}`).join(', '),
          ),
        ]
      : []),
    ...(forbid.includes('index')
      ? [pattern(`^${up(depth)}index(\\.ts)?$`, row, 'engine/index.ts (the composition root)')]
      : []),
    ...extra(depth),
  ];
  return {
    name: `layering: ${row} (depth ${depth})`,
    files,
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

/**
 * `import()` is checked like a static import: the same patterns as no-restricted-imports, applied to
 * the string an import expression loads. A computed path cannot be checked, so the engine refuses it.
 */
const dynamicImportRule = {
  meta: { type: 'problem', schema: [{ type: 'object', additionalProperties: true }] },
  create(context) {
    const patterns = (context.options[0]?.patterns ?? []).map((p) => ({
      re: new RegExp(p.regex, p.caseSensitive ? 'u' : 'iu'),
      message: p.message,
    }));
    return {
      ImportExpression(node) {
        const src = node.source;
        const text =
          src.type === 'Literal' && typeof src.value === 'string'
            ? src.value
            : src.type === 'TemplateLiteral' && src.expressions.length === 0
              ? src.quasis[0].value.cooked
              : undefined;
        if (text === undefined) {
          context.report({ node, message: `A computed import() path cannot be checked against the layering table. ${DOC}` });
          return;
        }
        for (const p of patterns) if (p.re.test(text)) context.report({ node, message: `import('${text}'): ${p.message}` });
      },
    };
  },
};
const nimbusPlugin = { rules: { 'no-restricted-dynamic-imports': dynamicImportRule } };

const depths = Array.from({ length: MAX_DEPTH }, (_, i) => i + 1);
const above = (rank) => ENGINE_FOLDERS.slice(rank).concat('index');

const otherServiceState = (row) => (depth) => [
  // From services/<svc>/…, `../` × (depth-1) is services/; a sibling folder's state/ is another service's.
  pattern(
    `^${up(depth - 1)}[^./][^/]*/state(/|$)`,
    row,
    "another service's state/ (go through call() or its index.ts)",
  ),
  pattern(
    `^${up(depth)}services/[^/]+/state(/|$)`,
    row,
    "another service's state/ (go through call() or its index.ts)",
  ),
];

const layering = [
  // An engine folder no row lists gets the strictest row's rules (rank 0: nothing of the engine
  // but store/ and models/), so a new folder is never unchecked; its own row below replaces them.
  ...depths.map((d) => ({
    ...engineRow('unlisted engine folder (add it to the table)', [], above(2), d),
    files: [`src-main/engine/*/${'*/'.repeat(d - 1)}*.ts`],
  })),
  // rank 6: the composition root and the contract host (engine root files) see the whole engine.
  {
    name: 'layering: rank 6 engine/index.ts',
    files: ['src-main/engine/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...enginePackages('rank 6 engine/index.ts'),
            pattern('^\\.\\./(server|electron)(/|$)', 'rank 6 engine/index.ts', 'src-main/server or src-main/electron'),
          ],
        },
      ],
    },
  },
  ...depths.map((d) => engineRow('rank 0 engine/store, engine/models', ['store', 'models'], above(2), d)),
  ...depths.map((d) => engineRow('rank 1 engine/clock, engine/protocol', ['clock', 'protocol'], above(4), d)),
  ...depths.map((d) => engineRow('rank 1 engine/core', ['core'], above(5), d)),
  ...depths.map((d) => engineRow('rank 2 engine/iam, engine/network', ['iam', 'network'], above(8), d)),
  // The supervisor sits with iam/network: guests reach its engines' streams, and it needs nothing above rank 1.
  ...depths.map((d) => engineRow('rank 2 engine/supervisor', ['supervisor'], above(8), d)),
  ...depths.map((d) => engineRow('rank 3 engine/guest', ['guest'], above(9), d)),
  ...depths.map((d) =>
    engineRow('rank 4 engine/services', ['services'], above(10), d, otherServiceState('rank 4 engine/services')),
  ),
  ...depths.map((d) =>
    engineRow('rank 5 engine/cli', ['cli'], above(11), d, (depth) => [
      pattern(
        `^${up(depth)}services/[^/]+/state(/|$)`,
        'rank 5 engine/cli',
        "a service's tables (state/); go through call()",
      ),
    ]),
  ),
  ...depths.map((d) =>
    engineRow('rank 5 engine/labs', ['labs'], above(12), d, (depth) => [
      pattern(
        `^${up(depth)}services/[^/]+/state(/|$)`,
        'rank 5 engine/labs',
        "a service's tables (state/); go through call()",
      ),
    ]),
  ),
  ...depths.map((d) => engineRow('rank 6 engine/contract-host, engine/terminals', ['contract-host', 'terminals'], [], d)),
];
// guest/shell.ts is the one file that wraps just-bash: give it the guest row minus that ban.
layering.push({
  ...engineRow('rank 3 engine/guest', ['guest'], above(9), 1, undefined, { allowJustBash: true }),
  name: 'layering: rank 3 engine/guest/shell.ts (the just-bash wrapper)',
  files: ['src-main/engine/guest/shell.ts'],
});

const contractRow = (row) => [
  pattern('^node:', row, 'node:* modules (the contract is shared with the browser)'),
  pattern(
    '^(fs|path|os|crypto|stream|http|https|net|child_process|url|util|events|buffer|zlib|worker_threads)(/|$)',
    row,
    'Node built-ins',
  ),
  pattern('^(electron|vue|pinia|better-sqlite3)(/|$)|^@xterm/', row, 'electron, vue, pinia, xterm or better-sqlite3'),
  pattern(
    '(^|/)src-renderer(/|$)|(^|/)src-main/(engine|server|electron)(/|$)',
    row,
    'the engine, the shells or the renderer',
  ),
];

layering.push(
  {
    name: 'layering: rank 0 src-main/contract',
    files: ['src-main/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...contractRow('rank 0 src-main/contract'),
            pattern(
              '^(\\.\\./)+(engine|server|electron)(/|$)',
              'rank 0 src-main/contract',
              'the engine or the shells (types only, nothing of ours)',
            ),
          ],
        },
      ],
    },
  },
  ...['server', 'electron'].flatMap((shell) =>
    depths.map((d) => {
      const row = `rank 7 src-main/${shell}`;
      return {
        name: `layering: ${row} (depth ${d})`,
        files: [`src-main/${shell}/${'*/'.repeat(d - 1)}*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                pattern('(^|/)src-renderer(/|$)', row, 'the renderer'),
                pattern('^(vue|pinia)(/|$)|^@xterm/', row, 'vue, pinia or xterm (renderer packages)'),
                ...(shell === 'server'
                  ? [pattern('^electron(/|$)', row, 'electron (only src-main/electron may)')]
                  : []),
                pattern(
                  `^${up(d)}engine/(?!(index|contract-host)(\\.ts)?$).+`,
                  row,
                  'engine internals (only engine/index.ts and engine/contract-host.ts are public)',
                ),
              ],
            },
          ],
        },
      };
    }),
  ),
  {
    name: 'layering: rank 7 src-renderer',
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern('(^|/)src-main/(?!contract(/|$))', 'rank 7 src-renderer', 'src-main except src-main/contract'),
            pattern(
              '^node:|^(electron|better-sqlite3)(/|$)',
              'rank 7 src-renderer',
              'node:*, electron or better-sqlite3 (it runs in a browser)',
            ),
          ],
        },
      ],
    },
  },
);

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '**/generated/**', 'resources/**', '.vite/**', 'test-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] },
      globals: globals.browser,
    },
    rules: {
      // Template layout is Prettier's job; these rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // `_`-prefixed names mark deliberately unused parameters (handler signatures, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  // Every layering row checks import() with the same patterns as its static imports.
  ...layering.map((c) => {
    const opt = c.rules?.['no-restricted-imports'];
    if (!opt) return c;
    return { ...c, plugins: { nimbus: nimbusPlugin }, rules: { ...c.rules, 'nimbus/no-restricted-dynamic-imports': opt } };
  }),
);
