import { CADRE_RANKS, GENDERS } from '@huanjie/domain';
import { index, integer, snakeCase, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { regions } from './regions.js';
import { users } from './users.js';

/** 干部花名册: the cadres a township (or the county) can put into guidance (or supervision) teams. */
export const cadres = snakeCase.table(
  'cadres',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The township or county whose roster this is. */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    name: text().notNull(),
    gender: text({ enum: GENDERS }).notNull(),
    rank: text({ enum: CADRE_RANKS }).notNull(),
    /** 职务, e.g. 镇党委副书记. */
    post: text(),
    phone: text(),
    /** The login of this cadre, when they have one (a guidance member or county supervisor). */
    userId: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cadres_region_idx').on(t.regionId, t.name),
    unique('cadres_user_unique').on(t.userId),
  ],
);

export type CadreRow = typeof cadres.$inferSelect;
