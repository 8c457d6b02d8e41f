import { ROLES } from '@huanjie/domain';
import { boolean, index, integer, snakeCase, text, timestamp } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';

export const users = snakeCase.table(
  'users',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    username: text().notNull().unique(),
    passwordHash: text().notNull(),
    displayName: text().notNull(),
    phone: text(),
    role: text({ enum: ROLES }).notNull(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    disabled: boolean().notNull().default(false),
    /** Set with a one-time password (a new or reset account): the next sign-in must choose one. */
    mustChangePassword: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_region_idx').on(t.regionId)],
);

export type UserRow = typeof users.$inferSelect;
