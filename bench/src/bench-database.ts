import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database `huanjie_bench_<random>` on the server of `serverUrl`, dropped by drop(). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `huanjie_bench_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withClient(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function withClient<T>(
  url: string,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
