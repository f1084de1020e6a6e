/**
 * The import rules of the layout (README, "Layout"), checked by `npm run lint:deps` in `npm test` and CI.
 * Paths are relative to the repository root.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycle between files.', from: {}, to: { circular: true } },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment: 'The engine runs in the page and in Node: it imports only itself and utils/.',
      from: { path: '^rules/' },
      to: { path: '^(?!rules/|utils/|node_modules/)', pathNot: '^node:' },
    },
    {
      name: 'utils-are-domain-free',
      severity: 'error',
      comment: 'utils/ holds helpers that know nothing of the project.',
      from: { path: '^utils/' },
      to: { path: '^(?!utils/|node_modules/)' },
    },
    {
      name: 'components-do-no-io',
      severity: 'error',
      comment: 'Presentational pieces: no storage, messaging, evidence I/O or browser APIs; models do the I/O.',
      from: { path: '^components/' },
      to: {
        path: ['^storage/', '^messaging/', '^evidence/(capture|export)/', '^entrypoints/', 'node_modules/(dexie|wxt)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-test-imports',
      severity: 'error',
      comment: 'Nothing outside tests/ imports tests/.',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
    },
    {
      name: 'entrypoints-apart',
      severity: 'error',
      comment: "An entrypoint's helpers are its own: one entrypoint never imports another's folder.",
      from: { path: '^entrypoints/([^/]+)/' },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt|\\.tmp)/' },
  },
};
