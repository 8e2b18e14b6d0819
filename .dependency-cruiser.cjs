/**
 * The import graph is part of the design (docs/architecture.md): no cycles, web never reaches the
 * server, cross-cutting parts never import features, and a feature reaches another feature only
 * through that feature's service.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    { name: 'web-not-server', severity: 'error', from: { path: '^web/' }, to: { path: '^server/' } },
    { name: 'common-is-leaf', severity: 'error', from: { path: '^common/' }, to: { path: '^(server|web)/' } },
    {
      name: 'cross-cutting-not-features',
      severity: 'error',
      from: { path: '^server/(http|db|auth|outbox|jobs|registers|live|notifications)/' },
      to: { path: '^server/features/' },
    },
    {
      name: 'features-through-services',
      severity: 'error',
      from: { path: '^server/features/([^/]+)/' },
      to: { path: '^server/features/([^/]+)/', pathNot: ['^server/features/$1/', '\\.service\\.ts$'] },
    },
    {
      name: 'production-not-tests',
      severity: 'error',
      from: { path: '^(server|common|web)/', pathNot: '\\.test(-helpers)?\\.ts$' },
      to: { path: '(^tests/|\\.test\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    combinedDependencies: true,
  },
};
