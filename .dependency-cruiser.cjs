/**
 * The layers of ARCHITECTURE.md, checked by `pnpm depcruise` in CI (.ci/run).
 *
 * Inside the API (apps/api/src): a module is a folder of modules/; its files are
 * `<m>.graphql.ts` → `<m>.service.ts` → `<m>.repo.ts` → db. A module reaches another module only
 * through that module's `*.service.ts`, or through the shared kernel (src/shared), which imports
 * no module. GraphQL object types are one graph: a module's `*.graphql.ts` may use the types,
 * enums and refs another module's `*.graphql.ts` exports (a Campaign field on a stage), and
 * nothing else of that module.
 */
const MODULE = '^apps/api/src/modules/([^/]+)/';
const OTHER_MODULE = '^apps/api/src/modules/[^/]+/';
const SAME_MODULE = '^apps/api/src/modules/$1/';
const WEB_APPS = '^apps/(village|township|county)/';

module.exports = {
  forbidden: [
    {
      name: 'not-resolvable',
      severity: 'error',
      comment:
        'An import that resolves to nothing (a package the importer does not depend on, a typo).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere (type-only imports count).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-module-through-service',
      severity: 'error',
      comment:
        'A module uses another module only through its *.service.ts (or the shared kernel in src/shared).',
      from: { path: MODULE, pathNot: '[.]graphql[.]ts$' },
      to: { path: OTHER_MODULE, pathNot: [SAME_MODULE, '[.]service[.]ts$'] },
    },
    {
      name: 'api-graphql-through-service-or-types',
      severity: 'error',
      comment:
        "A module's GraphQL file may also use another module's GraphQL types, never its repo or other internals.",
      from: { path: `${MODULE}[^/]+[.]graphql[.]ts$` },
      to: { path: OTHER_MODULE, pathNot: [SAME_MODULE, '[.](service|graphql)[.]ts$'] },
    },
    {
      name: 'api-kernel-imports-no-module',
      severity: 'error',
      comment: 'The shared kernel is below every module.',
      from: { path: '^apps/api/src/shared/' },
      to: { path: '^apps/api/src/(modules|graphql)/' },
    },
    {
      name: 'api-repo-below-service',
      severity: 'error',
      comment: 'A repo holds SQL only: it imports no service and no GraphQL.',
      from: { path: '^apps/api/src/.+[.]repo[.]ts$' },
      to: { path: '[.](service|graphql)[.]ts$' },
    },
    {
      name: 'api-service-below-graphql',
      severity: 'error',
      comment:
        'Services decide without knowing GraphQL: they import no *.graphql.ts nor the builder.',
      from: { path: '^apps/api/src/.+[.]service[.]ts$' },
      to: { path: ['[.]graphql[.]ts$', '^apps/api/src/graphql/'] },
    },
    {
      name: 'api-only-repos-and-kernel-hold-sql',
      severity: 'error',
      comment:
        'SQL (drizzle-orm, pg) lives in repos, the kernel and the infrastructure, not in services or resolvers.',
      from: { path: '^apps/api/src/modules/.+[.](service|graphql)[.]ts$' },
      to: { path: '(^|/)node_modules/(drizzle-orm|pg|@electric-sql)/' },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-other-apps',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'domain-imports-no-io',
      severity: 'error',
      comment:
        'packages/domain is pure: no Node builtins, no database, no network, nothing of ours.',
      from: { path: '^packages/domain/src/', pathNot: '[.]test[.]ts$' },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^packages/(db|client|ui)/',
          '^@huanjie/(db|client|ui)',
          '^apps/',
          '(^|/)node_modules/(pg|drizzle-orm|@electric-sql|ioredis|ws|express|undici|node-fetch|axios|exceljs)/',
        ],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '[.]test[.]ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-code-never-imports-db-or-api',
      severity: 'error',
      comment: 'The web apps know the API only through apps/api/schema.graphql.',
      from: { path: ['^packages/(ui|client)/', WEB_APPS] },
      to: { path: ['^packages/db/', '^apps/api/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '[.]d[.]ts$'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
