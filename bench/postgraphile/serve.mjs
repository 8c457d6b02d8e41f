// PostGraphile 4.14 over the bench database, as the peer engine, in one of two postures
// (POSTGRAPHILE_POSTURE):
//   owner — as the database owner, no row-level security (PostGraphile's default setup);
//   rls   — each request in a transaction as the API runs it (apps/api/src/request-transaction.ts):
//           role huanjie_request with huanjie.scope and huanjie.home set, here from the
//           x-huanjie-scope and x-huanjie-home headers (the API reads them from the session).
// Pool: POOL_SIZE connections, the API's pool size (packages/db/src/client.ts: 20).
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const port = Number(process.env.PORT ?? 5400);
const posture = process.env.POSTGRAPHILE_POSTURE ?? 'owner';
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
});
const header = (req, name) => {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
};
const middleware = postgraphile(pool, 'public', {
  disableDefaultMutations: true,
  graphiql: false,
  disableQueryLog: true,
  retryOnInitFail: false,
  dynamicJson: true,
  ...(posture === 'rls'
    ? {
        pgSettings: (req) => ({
          role: 'huanjie_request',
          'huanjie.scope': header(req, 'x-huanjie-scope'),
          'huanjie.home': header(req, 'x-huanjie-home'),
        }),
      }
    : {}),
});
createServer(middleware).listen(port, '127.0.0.1', () => {
  process.stderr.write(`postgraphile (${posture}) listening on ${port}\n`);
});
