import { boolean, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';

/** Failed and successful logins, for throttling per account and per address across API instances. */
export const loginAttempts = snakeCase.table(
  'login_attempts',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    username: text().notNull(),
    address: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_username_idx').on(t.username, t.at),
    index('login_attempts_address_idx').on(t.address, t.at),
  ],
);
