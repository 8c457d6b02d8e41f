import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Relations } from './relations.js';

/** One database type for both drivers: services never know which one they run on. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, Relations>;

export type Driver = 'pglite' | 'postgres';
