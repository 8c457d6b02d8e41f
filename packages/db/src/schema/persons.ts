import {
  BIRTH_PRECISIONS,
  EDUCATION_LEVELS,
  PERSON_GENDERS,
  POLITICAL_STATUSES,
} from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  snakeCase,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { regions } from './regions.js';

/**
 * A person who stands or holds a seat, reused across bodies (党组织, 村委会) and terms, so that
 * 一肩挑, 交叉任职 and 连任 are derived from seats rather than typed. Kept per home village.
 */
export const persons = snakeCase.table(
  'persons',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    name: text().notNull(),
    gender: text({ enum: PERSON_GENDERS }).notNull(),
    birthDate: date({ mode: 'string' }),
    /** 'month' when only the birth month is known: birthDate is then the month's first day. */
    birthPrecision: text({ enum: BIRTH_PRECISIONS }).notNull().default('day'),
    ethnicity: text().notNull().default('汉族'),
    education: text({ enum: EDUCATION_LEVELS }),
    politicalStatus: text({ enum: POLITICAL_STATUSES }).notNull(),
    tags: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('persons_identity').on(t.regionId, t.name, t.birthDate),
    check(
      'persons_birth_month_first_day',
      sql`${t.birthPrecision} = 'day' or extract(day from ${t.birthDate}) = 1`,
    ),
    index('persons_path_idx').using('btree', t.regionPath.op('text_pattern_ops')),
  ],
);

export type PersonRow = typeof persons.$inferSelect;
