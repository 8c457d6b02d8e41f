import { ROLES, STAGE_STATUSES } from '@huanjie/domain';
import type { Finding } from '@huanjie/domain';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  snakeCase,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { storedFiles } from './stored-files.js';
import { unitElections } from './unit-elections.js';
import { users } from './users.js';

/**
 * One stage of one unit election as the village reported it and the township reviewed it. No row
 * means not started. Its due date is never stored: it follows from the effective election day.
 */
export const stageRecords = snakeCase.table(
  'stage_records',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitElectionId: integer()
      .notNull()
      .references(() => unitElections.id),
    stageCode: text().notNull(),
    status: text({ enum: STAGE_STATUSES }).notNull(),
    doneDate: date({ mode: 'string' }),
    /** Count fields of the stage (template in domain/stages.ts), validated by the domain checks. */
    counts: jsonb().$type<Record<string, number>>().notNull().default({}),
    note: text(),
    /** 情况说明: why a warning (e.g. a late date) is acceptable. */
    explanation: text(),
    /** The warnings the village explained when it submitted. */
    warnings: jsonb().$type<Finding[]>().notNull().default([]),
    photoFileId: integer().references(() => storedFiles.id),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    enteredRole: text({ enum: ROLES }).notNull(),
    enteredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedBy: integer().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    /**
     * When the village first submitted it: lateness counts from here, so a township's return
     * after the due date does not make an on-time stage overdue.
     */
    firstSubmittedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    /** The township's comment on return, or its reason for re-opening an approved stage. */
    reviewComment: text(),
    /**
     * The reviewer had entered or submitted the record: allowed only where nobody else may review
     * the village (a township with one coordinator), and shown to the county.
     */
    selfReviewed: boolean().notNull().default(false),
    /** Optimistic concurrency: every change checks and bumps it. */
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('stage_records_one_per_stage').on(t.unitElectionId, t.stageCode),
    index('stage_records_status_idx').on(t.status),
  ],
);

export type StageRecordRow = typeof stageRecords.$inferSelect;
