import { GENDERS, GROUP_LEADER_POSTS, REPRESENTATIVE_METHODS } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  snakeCase,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { regions } from './regions.js';
import { users } from './users.js';

/**
 * 村民代表 (居民代表) of a village in a campaign, recorded after its committee election: the
 * villager group (a region of level 'group' under the village) they represent, how they were
 * chosen, gender and party membership. Counts and shares are computed from these rows.
 */
export const villageRepresentatives = snakeCase.table(
  'village_representatives',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** The village (or community). */
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    /** The villager group (村民小组), a child region of the village. */
    groupId: integer()
      .notNull()
      .references(() => regions.id),
    name: text().notNull(),
    gender: text({ enum: GENDERS }).notNull(),
    partyMember: boolean().notNull().default(false),
    method: text({ enum: REPRESENTATIVE_METHODS }).notNull(),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('village_representatives_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
    index('village_representatives_village_idx').on(t.campaignId, t.regionId, t.groupId),
  ],
);

export type VillageRepresentativeRow = typeof villageRepresentatives.$inferSelect;

/**
 * 村民小组长 / 副组长 of a villager group in a campaign. At most one 组长 per group (the unique index
 * below), so never more group leaders than groups; a leader who is also a representative points
 * at that representative, which is where the overlap figure comes from.
 */
export const villagerGroupLeaders = snakeCase.table(
  'villager_group_leaders',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    regionId: integer()
      .notNull()
      .references(() => regions.id),
    regionPath: text().notNull(),
    groupId: integer()
      .notNull()
      .references(() => regions.id),
    post: text({ enum: GROUP_LEADER_POSTS }).notNull(),
    name: text().notNull(),
    gender: text({ enum: GENDERS }).notNull(),
    partyMember: boolean().notNull().default(false),
    /** The same person as this representative of the village, when the leader is also one. */
    representativeId: integer().references(() => villageRepresentatives.id, {
      onDelete: 'set null',
    }),
    enteredBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('villager_group_leaders_path_idx').using(
      'btree',
      t.campaignId,
      t.regionPath.op('text_pattern_ops'),
    ),
    uniqueIndex('villager_group_leaders_one_leader')
      .on(t.campaignId, t.groupId)
      .where(sql`${t.post} = 'leader'`),
  ],
);

export type VillagerGroupLeaderRow = typeof villagerGroupLeaders.$inferSelect;
