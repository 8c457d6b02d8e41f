import { defineRelations } from 'drizzle-orm';
import * as schema from './schema/index.js';

export const relations = defineRelations(schema, (r) => ({
  regions: {
    parent: r.one.regions({ from: r.regions.parentId, to: r.regions.id, alias: 'parent_child' }),
    children: r.many.regions({ from: r.regions.id, to: r.regions.parentId, alias: 'parent_child' }),
    zone: r.one.zones({ from: r.regions.zoneId, to: r.zones.id, alias: 'zone_villages' }),
    /** A township's zones (片区). */
    townshipZones: r.many.zones({
      from: r.regions.id,
      to: r.zones.townshipId,
      alias: 'township_zones',
    }),
    /** The village a merged (撤并) village went into, and those merged into this one. */
    mergedInto: r.one.regions({
      from: r.regions.mergedIntoId,
      to: r.regions.id,
      alias: 'merged_into',
    }),
    mergedFrom: r.many.regions({
      from: r.regions.id,
      to: r.regions.mergedIntoId,
      alias: 'merged_into',
    }),
    users: r.many.users(),
  },
  zones: {
    township: r.one.regions({
      from: r.zones.townshipId,
      to: r.regions.id,
      optional: false,
      alias: 'township_zones',
    }),
    villages: r.many.regions({ from: r.zones.id, to: r.regions.zoneId, alias: 'zone_villages' }),
  },
  users: {
    region: r.one.regions({ from: r.users.regionId, to: r.regions.id, optional: false }),
    sessions: r.many.sessions(),
  },
  sessions: {
    user: r.one.users({ from: r.sessions.userId, to: r.users.id, optional: false }),
  },
  ruleSets: {
    county: r.one.regions({ from: r.ruleSets.countyId, to: r.regions.id }),
    basedOn: r.one.ruleSets({ from: r.ruleSets.basedOnId, to: r.ruleSets.id }),
  },
  campaigns: {
    county: r.one.regions({ from: r.campaigns.countyId, to: r.regions.id, optional: false }),
    ruleSet: r.one.ruleSets({ from: r.campaigns.ruleSetId, to: r.ruleSets.id, optional: false }),
    unitElections: r.many.unitElections(),
  },
  unitElections: {
    campaign: r.one.campaigns({
      from: r.unitElections.campaignId,
      to: r.campaigns.id,
      optional: false,
    }),
    region: r.one.regions({ from: r.unitElections.regionId, to: r.regions.id, optional: false }),
  },
}));

export type Relations = typeof relations;
