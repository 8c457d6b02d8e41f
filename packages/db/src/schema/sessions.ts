import { APPS } from '@huanjie/domain';
import { index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * A login. The token itself is never stored, only its SHA-256; logout sets revokedAt. A session
 * unused for longer than the idle timeout (lastUsedAt, refreshed at most once a minute) ends.
 */
export const sessions = snakeCase.table(
  'sessions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    app: text({ enum: APPS }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type SessionRow = typeof sessions.$inferSelect;
