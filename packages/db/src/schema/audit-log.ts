import {
  bigint,
  index,
  integer,
  jsonb,
  snakeCase,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

/**
 * Every change to campaign data: who, in which role, when, what, before and after. Entries form
 * a hash chain per county (chain = the county's path): hash = sha256(prevHash + entry), so an
 * edited or deleted row breaks every hash after it.
 */
export const auditLog = snakeCase.table(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    chain: text().notNull(),
    seq: integer().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    userId: integer(),
    role: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    regionPath: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    unique('audit_log_chain_seq').on(t.chain, t.seq),
    index('audit_log_region_idx').using('btree', t.regionPath.op('text_pattern_ops'), t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
