import { integer, snakeCase, text } from 'drizzle-orm/pg-core';

/** 片区: an optional grouping of a township's villages, with a zone head. */
export const zones = snakeCase.table('zones', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  townshipId: integer().notNull(),
  name: text().notNull(),
  headName: text(),
});

export type ZoneRow = typeof zones.$inferSelect;
