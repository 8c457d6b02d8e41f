import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw.js';

/**
 * Ids drawn from a table's own sequence ahead of the insert, so demo rows that refer to each other
 * can be collected and written in a few multi-row inserts instead of one round trip per row. The
 * ids are the same the row-by-row inserts got (one seeding session draws them in order); release()
 * hands the unused rest of the last block back, so the sequence ends where it would have.
 */
export class SequenceIds {
  private block: number[] = [];
  private first: number | null = null;
  private last: number | null = null;

  constructor(
    private readonly tx: Db,
    private readonly table: string,
    private readonly blockSize = 1000,
  ) {}

  async next(): Promise<number> {
    if (this.block.length === 0) {
      const rows = await queryRows<{ id: number }>(
        this.tx,
        sql`select nextval(pg_get_serial_sequence(${this.table}, 'id'))::int as id
            from generate_series(1, ${this.blockSize})`,
      );
      this.block = rows.map((r) => r.id);
      this.first ??= this.block[0] ?? null;
    }
    const id = this.block.shift();
    if (id === undefined) throw new Error(`no id drawn for ${this.table}`);
    this.last = id;
    return id;
  }

  async release(): Promise<void> {
    if (this.first === null) return;
    await this.tx.execute(
      this.last === null
        ? sql`select setval(pg_get_serial_sequence(${this.table}, 'id'), ${this.first}, false)`
        : sql`select setval(pg_get_serial_sequence(${this.table}, 'id'), ${this.last}, true)`,
    );
    this.block = [];
  }
}

/** Multi-row inserts of at most `chunk` rows (PostgreSQL takes up to 65,535 parameters). */
export async function insertChunked<T>(
  rows: T[],
  write: (chunk: T[]) => Promise<unknown>,
  chunk = 1000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await write(rows.slice(i, i + chunk));
}
