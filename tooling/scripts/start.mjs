// `npm start`: install, build, migrate and seed on first run, then serve the API and the three apps.
// `npm start -- --empty` (or HUANJIE_EMPTY=1): the same without the demo, for a real county; the
// embedded database is then .data/pglite-empty, and the first admin comes from
// `pnpm --filter @huanjie/db create-admin --empty --region-code … --name …`.
import { join } from 'node:path';
import { PORTS, ROOT, install, log, pnpm, startProcess, waitForUrl } from './lib.mjs';

const empty = process.argv.includes('--empty') || process.env.HUANJIE_EMPTY === '1';

install();
log('building the API and the three apps');
pnpm(['turbo', 'run', 'build', '--output-logs=errors-only']);

const env = { ...process.env };
if (!env.AUDIT_CHAIN_KEY) {
  // the API's development key: fine on one's own machine, never for a real deployment
  env.AUDIT_CHAIN_KEY = 'huanjie-development-audit-chain-key-not-a-secret';
  log('audit log: keyed with the development key (set AUDIT_CHAIN_KEY for a real deployment)');
}
if (empty) env.HUANJIE_EMPTY = '1';
if (!env.DATABASE_URL)
  env.HUANJIE_DATA_DIR ??= join(ROOT, '.data', empty ? 'pglite-empty' : 'pglite');
log(
  env.DATABASE_URL
    ? 'database: PostgreSQL (DATABASE_URL)'
    : `database: embedded PGlite in ${env.HUANJIE_DATA_DIR}`,
);
pnpm(
  ['--filter', '@huanjie/db', 'exec', 'tsx', 'src/cli/seed.ts', empty ? '--empty' : '--if-empty'],
  { env },
);

const apiUrl = `http://127.0.0.1:${PORTS.api}`;
const children = [
  // a larger young generation: the API allocates per field resolved (see apps/api/package.json)
  startProcess('api', 'node', ['--max-semi-space-size=32', 'apps/api/dist/main.js'], {
    env: { ...env, NODE_ENV: 'production', PORT: String(PORTS.api) },
  }),
];
await waitForUrl(`${apiUrl}/healthz`);
for (const app of ['village', 'township', 'county']) {
  children.push(
    startProcess(
      app,
      'node',
      ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORTS[app]), '--strictPort'],
      {
        cwd: join(ROOT, 'apps', app),
        env: { ...env, HUANJIE_API_URL: apiUrl },
      },
    ),
  );
}
await Promise.all(
  ['village', 'township', 'county'].map((app) => waitForUrl(`http://127.0.0.1:${PORTS[app]}/`)),
);

const password = 'Huanjie@2026';
if (empty) {
  process.stdout.write(`
  换届 Huanjie is running, empty (no demo data).

  村(社区) village app    http://127.0.0.1:${PORTS.village}/
  乡镇 township app       http://127.0.0.1:${PORTS.township}/
  县级 county app         http://127.0.0.1:${PORTS.county}/
  GraphQL API             ${apiUrl}/graphql   (health: ${apiUrl}/healthz)

  The first county admin (prints a one-time password; creates the county if it is not there):
    npx pnpm@10.34.9 --filter @huanjie/db create-admin --empty --region-code 130123000000 --name 'X县' --username admin
  Then see README.md, "从空白安装到第一次换届".
  Press Ctrl+C to stop.
`);
} else {
  process.stdout.write(`
  换届 Huanjie is running.

  村(社区) village app    http://127.0.0.1:${PORTS.village}/    vil01001.clerk (村信息员), town01.guide1 (指导组成员)
  乡镇 township app       http://127.0.0.1:${PORTS.township}/    town01.coordinator (乡镇选举办)
  县级 county app         http://127.0.0.1:${PORTS.county}/    county.admin, county.leader, county.supervisor
                          also the province and city above it (演示省 / 演示市): province.admin,
                          province.leader, city.admin, city.leader
  GraphQL API             ${apiUrl}/graphql   (health: ${apiUrl}/healthz)

  Every demo password is ${password}. Other villages: vilTTVVV.clerk (TT township, VVV village, e.g. vil03012.clerk);
  other townships: townTT.coordinator, townTT.guide1, townTT.guide2.
  Press Ctrl+C to stop.
`);
}

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(0), 8000).unref();
  Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r)))),
  ).then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
