import type { RuleSetRow } from '@huanjie/db';
import type { RegionLevel, RuleSetValue, Track } from '@huanjie/domain';
import {
  CAMPAIGN_STATUSES,
  ELECTION_DAY_PLANS,
  ORDERING_LABEL,
  ORDERING_POLICIES,
  RISK_LABEL,
  RISK_LEVELS,
  ROLE_INFO,
  TRACKS,
  TRACK_LABEL,
  ruleKind,
  ruleLabel,
  severityOf,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import type { CampaignWithRules } from './campaigns.repo.js';
import * as service from './campaigns.service.js';
import type { RuleDifference } from './campaigns.service.js';
import { idOf } from '../../shared/ids.js';

export const TrackEnum = builder.enumType('Track', {
  description: 'P 党组织, V 村委会, C 居委会, S 村(居)务监督委员会, F 换届后续工作',
  values: TRACKS,
});
export const ElectionDayPlanEnum = builder.enumType('ElectionDayPlan', {
  values: ELECTION_DAY_PLANS,
});
export const OrderingPolicyEnum = builder.enumType('OrderingPolicy', { values: ORDERING_POLICIES });
export const CampaignStatusEnum = builder.enumType('CampaignStatus', { values: CAMPAIGN_STATUSES });
export const RiskLevelEnum = builder.enumType('RiskLevel', { values: RISK_LEVELS });

const crumb = (id: number, name: string, level: RegionLevel) => ({ id, name, level });

const TrackCount = builder.objectRef<{ track: Track; n: number }>('TrackUnitCount').implement({
  fields: (t) => ({
    track: t.field({ type: TrackEnum, resolve: (c) => c.track }),
    label: t.string({ resolve: (c) => TRACK_LABEL[c.track].zh }),
    units: t.int({ resolve: (c) => c.n }),
  }),
});

const TermNumber = builder.objectRef<{ track: Track; term: number }>('TermNumber').implement({
  fields: (t) => ({
    track: t.field({ type: TrackEnum, resolve: (x) => x.track }),
    term: t.exposeInt('term'),
    label: t.string({
      description: 'e.g. 第十二届村委会',
      resolve: (x) => `第${x.term}届${TRACK_LABEL[x.track].zh.replace('换届', '')}`,
    }),
  }),
});

interface RuleValueView {
  code: string;
  entry: RuleSetValue;
}

const RuleValue = builder.objectRef<RuleValueView>('RuleValue').implement({
  description: 'One rule of a rule set: its value and legal basis',
  fields: (t) => ({
    code: t.string({ resolve: (v) => v.code }),
    label: t.string({ resolve: (v) => ruleLabel(v.code) }),
    kind: t.string({
      description: 'legal (statute), plan (county work schedule) or other',
      resolve: (v) => ruleKind(v.code),
    }),
    value: t.string({ description: 'The value as text', resolve: (v) => String(v.entry.value) }),
    valueType: t.string({
      description: 'number, boolean or text: how an override is typed',
      resolve: (v) =>
        typeof v.entry.value === 'number'
          ? 'number'
          : typeof v.entry.value === 'boolean'
            ? 'boolean'
            : 'text',
    }),
    citation: t.string({ resolve: (v) => v.entry.citation }),
    severity: t.string({
      description:
        'What a breach of it is, everywhere it is checked: error (the record is false or void, refused) or warning (procedure: submitted with a written explanation)',
      resolve: (v) => severityOf(v.code),
    }),
  }),
});

const RuleDifferenceRef = builder.objectRef<RuleDifference>('RuleDifference').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    from: t.string({ nullable: true, resolve: (d) => (d.from ? String(d.from.value) : null) }),
    to: t.string({ nullable: true, resolve: (d) => (d.to ? String(d.to.value) : null) }),
    citation: t.string({ nullable: true, resolve: (d) => d.to?.citation ?? null }),
  }),
});

export const RuleSet = builder.objectRef<RuleSetRow>('RuleSet');
RuleSet.implement({
  description: 'A versioned set of legal thresholds and working deadlines; never edited in place',
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'RuleSet', id: r.id }) }),
    name: t.exposeString('name'),
    version: t.exposeInt('version'),
    isNational: t.boolean({ resolve: (r) => r.countyId === null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    basedOn: t.field({
      type: RuleSet,
      nullable: true,
      resolve: (r, _args, ctx) =>
        r.basedOnId === null ? null : service.getRuleSet(ctx, r.basedOnId),
    }),
    values: t.field({
      type: [RuleValue],
      resolve: (r) =>
        Object.entries(r.values)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([code, entry]) => ({ code, entry })),
    }),
    changes: t.field({
      type: [RuleDifferenceRef],
      description: 'What this set changed against the one it copies',
      resolve: (r, _args, ctx) => service.ruleSetChanges(ctx, r),
    }),
  }),
});

type ExclusionView = Awaited<ReturnType<typeof service.exclusions>>[number];
const Exclusion = builder.objectRef<ExclusionView>('CampaignExclusion').implement({
  fields: (t) => ({
    village: t.field({
      type: RegionCrumb,
      resolve: (x) => crumb(x.regionId, x.regionName, 'village'),
    }),
    reason: t.exposeString('reason'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

type DayView = Awaited<ReturnType<typeof service.electionDays>>[number];
const ElectionDayEntry = builder.objectRef<DayView>('ElectionDayEntry').implement({
  description:
    'An election day set for a region (and optionally one track) that differs from the campaign’s',
  fields: (t) => ({
    region: t.field({
      type: RegionCrumb,
      resolve: (d) => crumb(d.regionId, d.regionName, d.regionLevel),
    }),
    track: t.field({ type: TrackEnum, nullable: true, resolve: (d) => d.track }),
    day: t.exposeString('day'),
  }),
});

type RiskView = Awaited<ReturnType<typeof service.risks>>[number];
export const VillageRisk = builder.objectRef<RiskView>('VillageRisk').implement({
  fields: (t) => ({
    id: t.globalID({ resolve: (r) => ({ type: 'VillageRisk', id: r.risk.id }) }),
    village: t.field({
      type: RegionCrumb,
      resolve: (r) => crumb(r.risk.regionId, r.regionName, 'village'),
    }),
    level: t.field({ type: RiskLevelEnum, resolve: (r) => r.risk.level }),
    levelLabel: t.string({ resolve: (r) => RISK_LABEL[r.risk.level] }),
    reason: t.string({ resolve: (r) => r.risk.reason }),
    setByName: t.string({ resolve: (r) => r.setByName }),
    setByRole: t.string({ resolve: (r) => ROLE_INFO[r.risk.setByRole].label.zh }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.risk.updatedAt }),
    version: t.int({ resolve: (r) => r.risk.version }),
  }),
});

type RuleChangeView = Awaited<ReturnType<typeof service.ruleChanges>>[number];
const RuleChange = builder.objectRef<RuleChangeView>('CampaignRuleChange').implement({
  description: 'A running campaign switched rule sets: when, by whom, why',
  fields: (t) => ({
    from: t.field({
      type: RuleSet,
      resolve: (c, _args, ctx) => service.getRuleSet(ctx, c.change.fromRuleSetId),
    }),
    to: t.field({
      type: RuleSet,
      resolve: (c, _args, ctx) => service.getRuleSet(ctx, c.change.toRuleSetId),
    }),
    reason: t.string({ resolve: (c) => c.change.reason }),
    changedByName: t.string({ resolve: (c) => c.changedByName }),
    changedAt: t.field({ type: 'DateTime', resolve: (c) => c.change.changedAt }),
  }),
});

export const Campaign = builder.objectRef<CampaignWithRules>('Campaign').implement({
  description: '换届届次: one county’s re-election campaign',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Campaign', id: c.id }) }),
    name: t.exposeString('name'),
    status: t.field({ type: CampaignStatusEnum, resolve: (c) => c.status }),
    tracks: t.field({ type: [TrackEnum], resolve: (c) => c.tracks }),
    termNumbers: t.field({
      type: [TermNumber],
      resolve: (c) =>
        TRACKS.flatMap((track) => {
          const term = c.termNumbers[track];
          return term === undefined ? [] : [{ track, term }];
        }),
    }),
    electionDayPlan: t.field({ type: ElectionDayPlanEnum, resolve: (c) => c.electionDayPlan }),
    electionDay: t.exposeString('electionDay', {
      description: 'The county-wide day (the default where no other day is set), YYYY-MM-DD',
    }),
    windowStart: t.exposeString('windowStart', { nullable: true }),
    windowEnd: t.exposeString('windowEnd', { nullable: true }),
    ordering: t.field({ type: OrderingPolicyEnum, resolve: (c) => c.ordering }),
    orderingLabel: t.string({ resolve: (c) => ORDERING_LABEL[c.ordering] }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
    ruleSet: t.field({
      type: RuleSet,
      resolve: (c, _args, ctx) => service.getRuleSet(ctx, c.ruleSetId),
    }),
    unitCounts: t.field({
      type: [TrackCount],
      description: 'Unit elections per track (created when the campaign starts)',
      resolve: (c, _args, ctx) => service.unitCounts(ctx, c),
    }),
    exclusions: t.field({
      type: [Exclusion],
      description: 'Villages left out, within the caller’s scope',
      resolve: (c, _args, ctx) => service.exclusions(ctx, c),
    }),
    electionDays: t.field({
      type: [ElectionDayEntry],
      description: 'Days set per track, township or village, within or above the caller’s scope',
      resolve: (c, _args, ctx) => service.electionDays(ctx, c),
    }),
    risks: t.field({
      type: [VillageRisk],
      description: 'Risk levels of villages in the caller’s scope',
      resolve: (c, _args, ctx) => service.risks(ctx, c),
    }),
    ruleChanges: t.field({
      type: [RuleChange],
      description: 'Rule set changes made while the campaign was running, newest first',
      resolve: (c, _args, ctx) => service.ruleChanges(ctx, c),
    }),
  }),
});

const TermNumberInput = builder.inputType('TermNumberInput', {
  fields: (t) => ({
    track: t.field({ type: TrackEnum, required: true }),
    term: t.int({ required: true }),
  }),
});

const CampaignInput = builder.inputType('CampaignInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    tracks: t.field({ type: [TrackEnum], required: true }),
    termNumbers: t.field({ type: [TermNumberInput], required: true }),
    electionDayPlan: t.field({ type: ElectionDayPlanEnum, required: true }),
    electionDay: t.string({ required: true, description: 'YYYY-MM-DD' }),
    windowStart: t.string(),
    windowEnd: t.string(),
    ordering: t.field({ type: OrderingPolicyEnum, required: true }),
    ruleSetId: t.id({ required: true }),
  }),
});

const RuleOverrideInput = builder.inputType('RuleOverrideInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    value: t.string({
      required: true,
      description: 'Typed like the default: a number, true/false or text',
    }),
    citation: t.string({ required: true }),
  }),
});

type CampaignInputShape = typeof CampaignInput.$inferInput;

function campaignInput(input: CampaignInputShape): service.CampaignInput {
  return {
    ...input,
    windowStart: input.windowStart ?? null,
    windowEnd: input.windowEnd ?? null,
    ruleSetId: idOf(input.ruleSetId, 'RuleSet', 'ruleSetId'),
  };
}

builder.queryFields((t) => ({
  campaigns: t.field({
    type: [Campaign],
    description: 'The campaigns of the caller’s county, running first',
    resolve: (_root, _args, ctx) => service.listCampaigns(ctx),
  }),
  campaign: t.field({
    type: Campaign,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_root, args, ctx) => service.getCampaign(ctx, idOf(args.id, 'Campaign', 'id')),
  }),
  ruleSets: t.field({
    type: [RuleSet],
    description: 'The national defaults and the county’s own rule sets',
    resolve: (_root, _args, ctx) => service.listRuleSets(ctx),
  }),
  ruleSet: t.field({
    type: RuleSet,
    args: { id: t.arg.globalID({ required: true }) },
    resolve: (_root, args, ctx) => service.getRuleSet(ctx, idOf(args.id, 'RuleSet', 'id')),
  }),
}));

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => ({
  createCampaign: t.field({
    type: Campaign,
    description: 'A county admin sets up a campaign (draft)',
    errors,
    args: { input: t.arg({ type: CampaignInput, required: true }) },
    resolve: (_root, args, ctx) => service.createCampaign(ctx, campaignInput(args.input)),
  }),
  updateCampaign: t.field({
    type: Campaign,
    description: 'Changes a draft campaign',
    errors,
    args: {
      id: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      input: t.arg({ type: CampaignInput, required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.updateCampaign(
        ctx,
        idOf(args.id, 'Campaign', 'id'),
        args.expectedVersion,
        campaignInput(args.input),
      ),
  }),
  startCampaign: t.field({
    type: Campaign,
    description: 'Starts a draft: creates every village’s unit elections',
    errors,
    args: {
      id: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.startCampaign(ctx, idOf(args.id, 'Campaign', 'id'), args.expectedVersion),
  }),
  closeCampaign: t.field({
    type: Campaign,
    errors,
    args: {
      id: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.closeCampaign(ctx, idOf(args.id, 'Campaign', 'id'), args.expectedVersion),
  }),
  excludeVillage: t.field({
    type: Campaign,
    description: 'Leaves a village out of a campaign, with the reason',
    errors,
    args: {
      campaignId: t.arg.globalID({ required: true }),
      villageId: t.arg.globalID({ required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.excludeVillage(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.villageId, 'Region', 'villageId'),
        args.reason,
      ),
  }),
  includeVillage: t.field({
    type: Campaign,
    errors,
    args: {
      campaignId: t.arg.globalID({ required: true }),
      villageId: t.arg.globalID({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.includeVillage(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.villageId, 'Region', 'villageId'),
      ),
  }),
  setElectionDay: t.field({
    type: Campaign,
    description:
      'Sets or (day null) clears the election day of the county, a township or a village, for all tracks or one',
    errors,
    args: {
      campaignId: t.arg.globalID({ required: true }),
      regionId: t.arg.globalID({ required: true }),
      track: t.arg({ type: TrackEnum }),
      day: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      service.setElectionDay(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.regionId, 'Region', 'regionId'),
        { track: args.track ?? null, day: args.day ?? null },
      ),
  }),
  setVillageRisk: t.field({
    type: VillageRisk,
    description: 'A township (its villages) or the county (any) sets a village’s risk level',
    errors,
    args: {
      campaignId: t.arg.globalID({ required: true }),
      villageId: t.arg.globalID({ required: true }),
      level: t.arg({ type: RiskLevelEnum, required: true }),
      reason: t.arg.string(),
      expectedVersion: t.arg.int({ description: 'The version read; null when none is set yet' }),
    },
    resolve: (_root, args, ctx) =>
      service.setVillageRisk(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.villageId, 'Region', 'villageId'),
        {
          level: args.level,
          reason: args.reason ?? null,
          expectedVersion: args.expectedVersion ?? null,
        },
      ),
  }),
  createRuleSet: t.field({
    type: RuleSet,
    description: 'Copies a rule set with some values overridden, each with its citation',
    errors,
    args: {
      basedOnId: t.arg.globalID({ required: true }),
      name: t.arg.string(),
      overrides: t.arg({ type: [RuleOverrideInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.createRuleSet(ctx, {
        basedOnId: idOf(args.basedOnId, 'RuleSet', 'basedOnId'),
        name: args.name ?? null,
        overrides: args.overrides,
      }),
  }),
  changeCampaignRuleSet: t.field({
    type: Campaign,
    description:
      'Puts another rule set in force; for a running campaign this is recorded with the reason',
    errors,
    args: {
      campaignId: t.arg.globalID({ required: true }),
      expectedVersion: t.arg.int({ required: true }),
      ruleSetId: t.arg.globalID({ required: true }),
      reason: t.arg.string(),
    },
    resolve: (_root, args, ctx) =>
      service.changeCampaignRuleSet(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        args.expectedVersion,
        idOf(args.ruleSetId, 'RuleSet', 'ruleSetId'),
        args.reason ?? null,
      ),
  }),
}));
