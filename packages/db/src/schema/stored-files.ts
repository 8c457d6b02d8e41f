import { bytea, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Evidence photos (a posted notice), compressed on the phone and kept in the database so that
 * every API instance serves them and backups hold them. Served only to users whose scope covers
 * regionPath.
 */
export const storedFiles = snakeCase.table('stored_files', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  regionPath: text().notNull(),
  mimeType: text().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  content: bytea().notNull(),
  uploadedBy: integer()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type StoredFileRow = typeof storedFiles.$inferSelect;
