import type { RegionLevel, Track } from '@huanjie/domain';
import {
  DISPLAY_STATUSES,
  RISK_LABEL,
  ROLE_INFO,
  TRACK_LABEL,
  UNIT_PROGRESS,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import type { CampaignEvent } from '../../events/event-bus.js';
import { Campaign, RiskLevelEnum, TrackEnum } from '../campaigns/campaigns.graphql.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import { DisplayStatusEnum, UnitProgressEnum } from '../stages/stages.graphql.js';
import type { ChildRow, FunnelRow, OverdueRow, RiskRow } from './monitoring.repo.js';
import * as service from './monitoring.service.js';
import type { MatrixView, OverviewScope, ProgressCounts } from './monitoring.service.js';
import type { ResultHistory } from './result-history.js';
import { resultHistory } from './result-history.js';
import type { CountyRollupRow } from './county-rollup.service.js';
import { countyRollup } from './county-rollup.service.js';

const ProgressCounts = builder.objectRef<ProgressCounts>('ProgressCounts').implement({
  description: 'Villages by standing; the parts add up to `villages`, the denominator',
  fields: (t) => ({
    villages: t.exposeInt('villages'),
    done: t.exposeInt('done'),
    inProgress: t.exposeInt('in_progress'),
    overdue: t.exposeInt('overdue'),
    blocked: t.exposeInt('blocked'),
    notStarted: t.exposeInt('not_started'),
  }),
});

const ChildProgress = builder.objectRef<ChildRow>('ChildProgress').implement({
  fields: (t) => ({
    region: t.field({
      type: RegionCrumb,
      resolve: (c) => ({ id: c.id, name: c.name, level: c.level }),
    }),
    counts: t.field({ type: ProgressCounts, resolve: (c) => c }),
    keyRisk: t.exposeInt('key_risk', { description: '重点村 among its villages' }),
    difficultRisk: t.exposeInt('difficult_risk', { description: '难点村 among its villages' }),
  }),
});

const FunnelStage = builder.objectRef<FunnelRow>('FunnelStage').implement({
  description: 'Unit elections at one stage; the parts add up to `total`',
  fields: (t) => ({
    stageCode: t.exposeString('code'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    total: t.exposeInt('total'),
    approved: t.exposeInt('approved'),
    submitted: t.exposeInt('submitted'),
    inProgress: t.exposeInt('in_progress'),
    overdue: t.exposeInt('overdue'),
    blocked: t.exposeInt('blocked'),
    notStarted: t.exposeInt('not_started'),
  }),
});

const FunnelTrack = builder
  .objectRef<{ track: Track; stages: FunnelRow[] }>('FunnelTrack')
  .implement({
    fields: (t) => ({
      track: t.field({ type: TrackEnum, resolve: (f) => f.track }),
      label: t.string({ resolve: (f) => TRACK_LABEL[f.track].zh }),
      units: t.int({
        description: 'Unit elections of this track (the funnel’s denominator)',
        resolve: (f) =>
          Math.max(0, ...f.stages.filter((s) => s.code !== 'audit').map((s) => s.total)),
      }),
      stages: t.field({ type: [FunnelStage], resolve: (f) => f.stages }),
    }),
  });

const OverdueItem = builder.objectRef<OverdueRow>('OverdueItem').implement({
  fields: (t) => ({
    village: t.field({
      type: RegionCrumb,
      resolve: (o) => ({ id: o.region_id, name: o.village_name, level: o.village_level }),
    }),
    townshipName: t.exposeString('township_name'),
    unitElectionId: t.id({ resolve: (o) => `UnitElection:${o.unit_id}` }),
    track: t.field({ type: TrackEnum, resolve: (o) => o.track }),
    stageCode: t.exposeString('code'),
    stageName: t.exposeString('name'),
    dueDate: t.exposeString('due_date'),
    daysOverdue: t.exposeInt('days_overdue'),
  }),
});

const OverdueList = builder
  .objectRef<{ total: number; items: OverdueRow[] }>('OverdueList')
  .implement({
    fields: (t) => ({
      total: t.exposeInt('total'),
      items: t.field({ type: [OverdueItem], resolve: (o) => o.items }),
    }),
  });

const RiskVillageRow = builder.objectRef<RiskRow>('RiskVillageRow').implement({
  fields: (t) => ({
    village: t.field({
      type: RegionCrumb,
      resolve: (r) => ({ id: r.region_id, name: r.village_name, level: r.village_level }),
    }),
    townshipName: t.exposeString('township_name'),
    level: t.field({ type: RiskLevelEnum, resolve: (r) => r.level }),
    levelLabel: t.string({ resolve: (r) => RISK_LABEL[r.level] }),
    reason: t.exposeString('reason'),
    planState: t.string({
      nullable: true,
      description: 'The 一村一策 plan’s state (推进中, 已提请县级协调, 县级已答复, 已化解); null without a plan',
      resolve: (r) => service.planStateOf(r),
    }),
    planOwnerName: t.exposeString('owner_name', { nullable: true }),
    measuresOpen: t.exposeInt('measures_open'),
    measuresOverdue: t.exposeInt('measures_overdue'),
    measuresDone: t.exposeInt('measures_done'),
    setByName: t.exposeString('set_by_name'),
    setByRole: t.string({
      resolve: (r) =>
        r.set_by_role in ROLE_INFO
          ? ROLE_INFO[r.set_by_role as keyof typeof ROLE_INFO].label.zh
          : r.set_by_role,
    }),
    progress: t.field({
      type: UnitProgressEnum,
      nullable: true,
      resolve: (r) =>
        (UNIT_PROGRESS as readonly string[]).includes(r.progress ?? '')
          ? (r.progress as (typeof UNIT_PROGRESS)[number])
          : null,
    }),
  }),
});

const HistorySeries = builder
  .objectRef<ResultHistory['children'][number]>('ResultHistorySeries')
  .implement({
    description: 'One child region’s villages with results reported and approved, by day',
    fields: (t) => ({
      region: t.field({
        type: RegionCrumb,
        resolve: (c) => ({ id: c.id, name: c.name, level: c.level as RegionLevel }),
      }),
      villages: t.exposeInt('villages', {
        description: 'Villages in the campaign: the denominator',
      }),
      reported: t.exposeIntList('reported', {
        description: 'Per day of `days`: reported by its end',
      }),
      approved: t.exposeIntList('approved', {
        description: 'Per day of `days`: approved by its end',
      }),
    }),
  });

const ResultHistoryRef = builder.objectRef<ResultHistory>('ResultHistory').implement({
  description:
    'Villages whose results were all reported (submitted or approved) and all approved, by the end of each day, computed from the results’ own dates',
  fields: (t) => ({
    days: t.exposeStringList('days'),
    villages: t.exposeInt('villages', { description: 'Villages in the campaign: the denominator' }),
    reported: t.exposeIntList('reported'),
    approved: t.exposeIntList('approved'),
    children: t.field({ type: [HistorySeries], resolve: (h) => h.children }),
  }),
});

export const CampaignOverview = builder.objectRef<OverviewScope>('CampaignOverview').implement({
  description:
    'A region’s progress in a campaign; every part is computed from the stage records when asked for',
  fields: (t) => ({
    campaign: t.field({ type: Campaign, resolve: (o) => o.campaign }),
    region: t.field({
      type: RegionCrumb,
      resolve: (o) => ({ id: o.region.id, name: o.region.name, level: o.region.level }),
    }),
    track: t.field({ type: TrackEnum, nullable: true, resolve: (o) => o.track }),
    today: t.exposeString('today'),
    daysToElection: t.int({
      description: 'Days from today to the campaign’s (county-wide) election day',
      resolve: (o) => service.daysToElection(o),
    }),
    firstElectionDay: t.string({
      nullable: true,
      resolve: async (o, _args, ctx) => (await service.parts(ctx, o)).days.first,
    }),
    lastElectionDay: t.string({
      nullable: true,
      resolve: async (o, _args, ctx) => (await service.parts(ctx, o)).days.last,
    }),
    children: t.field({
      type: [ChildProgress],
      description:
        'Each child region’s villages by standing (townships of a county, villages of a township)',
      resolve: async (o, _args, ctx) => (await service.parts(ctx, o)).children,
    }),
    totals: t.field({
      type: ProgressCounts,
      resolve: (o, _args, ctx) => service.totals(ctx, o),
    }),
    funnel: t.field({
      type: [FunnelTrack],
      resolve: (o, _args, ctx) => service.funnel(ctx, o),
    }),
    overdue: t.field({
      type: OverdueList,
      args: { limit: t.arg.int({ defaultValue: 50 }) },
      resolve: (o, args, ctx) => service.overdue(ctx, o, args.limit ?? 50),
    }),
    riskVillages: t.field({
      type: [RiskVillageRow],
      resolve: async (o, _args, ctx) => (await service.parts(ctx, o)).risks,
    }),
    resultHistory: t.field({
      type: ResultHistoryRef,
      description: 'How the results came in, day by day, overall and per child region',
      resolve: (o, _args, ctx) => resultHistory(ctx, o),
    }),
  }),
});

const MatrixColumn = builder.objectRef<MatrixView['columns'][number]>('MatrixColumn').implement({
  fields: (t) => ({
    stageCode: t.exposeString('code'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
  }),
});

const MatrixCell = builder
  .objectRef<MatrixView['rows'][number]['cells'][number]>('MatrixCell')
  .implement({
    fields: (t) => ({
      stageCode: t.exposeString('code'),
      dueDate: t.exposeString('due_date'),
      displayStatus: t.field({
        type: DisplayStatusEnum,
        resolve: (c) =>
          (DISPLAY_STATUSES as readonly string[]).includes(c.display)
            ? (c.display as (typeof DISPLAY_STATUSES)[number])
            : 'not_started',
      }),
      unitElectionId: t.id({ resolve: (c) => `UnitElection:${c.unit_id}` }),
    }),
  });

const MatrixRowRef = builder.objectRef<MatrixView['rows'][number]>('MatrixRow').implement({
  fields: (t) => ({
    village: t.field({
      type: RegionCrumb,
      resolve: (r) => ({ id: r.villageId, name: r.villageName, level: r.villageLevel }),
    }),
    unitElectionId: t.id({ resolve: (r) => `UnitElection:${r.unitId}` }),
    track: t.field({ type: TrackEnum, resolve: (r) => r.track }),
    zoneName: t.exposeString('zoneName', { nullable: true }),
    risk: t.field({ type: RiskLevelEnum, resolve: (r) => r.risk }),
    riskLabel: t.string({ resolve: (r) => RISK_LABEL[r.risk] }),
    cells: t.field({ type: [MatrixCell], resolve: (r) => r.cells }),
  }),
});

const MatrixZone = builder.objectRef<{ id: number; name: string }>('MatrixZone').implement({
  fields: (t) => ({
    id: t.id({ resolve: (z) => `Zone:${z.id}` }),
    name: t.exposeString('name'),
  }),
});

const StageMatrix = builder.objectRef<MatrixView>('StageMatrix').implement({
  description: 'Villages × stages of a township for one track',
  fields: (t) => ({
    township: t.field({
      type: RegionCrumb,
      resolve: (m) => ({
        id: m.scope.region.id,
        name: m.scope.region.name,
        level: m.scope.region.level,
      }),
    }),
    today: t.string({ resolve: (m) => m.scope.today }),
    columns: t.field({ type: [MatrixColumn], resolve: (m) => m.columns }),
    rows: t.field({ type: [MatrixRowRef], resolve: (m) => m.rows }),
    zones: t.field({ type: [MatrixZone], resolve: (m) => m.zones }),
  }),
});

const CampaignEventRef = builder.objectRef<CampaignEvent>('CampaignEvent').implement({
  description:
    'Something changed in a campaign within the subscriber’s scope; re-read what you show',
  fields: (t) => ({
    campaignId: t.id({ resolve: (e) => `Campaign:${e.campaignId}` }),
    kind: t.exposeString('kind', { description: 'stage, campaign, risk, days or result' }),
    regionId: t.id({
      nullable: true,
      resolve: (e) => (e.regionId === null ? null : `Region:${e.regionId}`),
    }),
    track: t.field({ type: TrackEnum, nullable: true, resolve: (e) => e.track }),
    stageCode: t.exposeString('stageCode', { nullable: true }),
    status: t.exposeString('status', { nullable: true }),
    at: t.exposeString('at'),
  }),
});

builder.queryFields((t) => ({
  campaignOverview: t.field({
    type: CampaignOverview,
    description:
      'Progress of a region (default: the caller’s own; a province or city user: the campaign’s county) in a campaign: days to election, funnel, children, overdue, risk villages',
    args: {
      campaignId: t.arg.globalID({ required: true }),
      regionId: t.arg.globalID(),
      track: t.arg({ type: TrackEnum }),
    },
    resolve: (_root, args, ctx) =>
      service.overview(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        optionalIdOf(args.regionId, 'Region', 'regionId'),
        args.track ?? null,
      ),
  }),
  townshipMatrix: t.field({
    type: StageMatrix,
    description: 'Villages × stages of a township; track defaults to the committee (V and C)',
    args: {
      campaignId: t.arg.globalID({ required: true }),
      townshipId: t.arg.globalID({ required: true }),
      track: t.arg({ type: TrackEnum }),
      zoneId: t.arg.globalID(),
      risk: t.arg({ type: RiskLevelEnum }),
    },
    resolve: (_root, args, ctx) =>
      service.townshipMatrix(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.townshipId, 'Region', 'townshipId'),
        args.track ?? null,
        optionalIdOf(args.zoneId, 'Zone', 'zoneId'),
        args.risk ?? null,
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  campaignEvents: t.field({
    type: CampaignEventRef,
    description: 'Changes in a campaign within the caller’s scope, as they are committed',
    args: { campaignId: t.arg.globalID({ required: true }) },
    subscribe: (_root, args, ctx) =>
      service.subscribe(ctx, idOf(args.campaignId, 'Campaign', 'campaignId')),
    resolve: (event: CampaignEvent) => event,
  }),
}));

const CountyRollupRef = builder.objectRef<CountyRollupRow>('CountyRollup').implement({
  description:
    'A county below a province or city, with its current campaign’s overview (null: no campaign yet)',
  fields: (t) => ({
    county: t.field({
      type: RegionCrumb,
      resolve: (r) => ({ id: r.county.id, name: r.county.name, level: r.county.level }),
    }),
    city: t.field({
      type: RegionCrumb,
      nullable: true,
      description: 'The city (市/州) the county lies in, if any: a province’s rollup groups by it',
      resolve: (r) => r.city,
    }),
    overview: t.field({ type: CampaignOverview, nullable: true, resolve: (r) => r.overview }),
  }),
});

builder.queryFields((t) => ({
  countyRollup: t.field({
    type: [CountyRollupRef],
    description:
      'Each county below a province or city (or the county itself) with its current campaign’s overview: what province and city users read',
    args: { regionId: t.arg.globalID({ required: true }) },
    resolve: (_root, args, ctx) => countyRollup(ctx, idOf(args.regionId, 'Region', 'regionId')),
  }),
}));
