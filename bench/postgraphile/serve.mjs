// PostGraphile 4.14 over the bench database, as the peer engine: no auth, default options,
// the same pool size as our API.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';

const port = Number(process.env.PORT ?? 5400);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, 'public', {
  disableDefaultMutations: true,
  graphiql: false,
  disableQueryLog: true,
  retryOnInitFail: false,
  dynamicJson: true,
});
createServer(middleware).listen(port, '127.0.0.1', () => {
  process.stderr.write(`postgraphile listening on ${port}\n`);
});
