import type { ElectedTrack, Post, Ratio } from '@huanjie/domain';
import {
  BODY_LABEL,
  MAJORITY_ETHNICITY,
  POLITICAL_STATUS_LABEL,
  POST_LABEL,
  ethnicityOf,
  isMinority,
  postsOf,
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  ageBandLabels,
  pointChange,
  ratio,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import {
  EducationEnum,
  ElectedTrackEnum,
  PersonGenderEnum,
  PoliticalStatusEnum,
  PostEnum,
} from '../candidates/candidates.graphql.js';
import type {
  BodyCounts,
  ExcludedVillageView,
  LinkCounts,
  PostCounts,
  StatisticsPerson,
  StatsView,
  TrackCounts,
} from './statistics.service.js';
import * as service from './statistics.service.js';
import type { RepresentativeTotals } from '../representatives/representatives.service.js';
import type { PercentPolicy } from '@huanjie/domain';

export const RatioRef = builder.objectRef<Ratio>('Ratio').implement({
  description:
    'A count, its denominator and the percentage computed from them (rounded per the rule set)',
  fields: (t) => ({
    count: t.exposeInt('count'),
    denominator: t.exposeInt('denominator'),
    percent: t.float({ nullable: true, resolve: (r) => r.percent }),
    text: t.exposeString('text'),
  }),
});

interface RateChange {
  current: Ratio;
  previous: Ratio;
  policy: PercentPolicy;
}

const RateChangeRef = builder.objectRef<RateChange>('RateChange').implement({
  description: 'A rate this term and last term, and the change in percentage points',
  fields: (t) => ({
    current: t.field({ type: RatioRef, resolve: (r) => r.current }),
    previous: t.field({ type: RatioRef, resolve: (r) => r.previous }),
    points: t.float({
      nullable: true,
      resolve: (r) => pointChange(r.current, r.previous, r.policy).points,
    }),
    changeText: t.string({ resolve: (r) => pointChange(r.current, r.previous, r.policy).text }),
  }),
});

const ShareRef = builder.objectRef<{ label: string; ratio: Ratio }>('LabelledShare').implement({
  fields: (t) => ({
    label: t.exposeString('label'),
    ratio: t.field({ type: RatioRef, resolve: (s) => s.ratio }),
  }),
});

interface TrackView {
  track: ElectedTrack;
  t: TrackCounts;
  policy: PercentPolicy;
  bounds: readonly number[];
}

const rate = (v: TrackView, pick: (b: BodyCounts) => number): RateChange => ({
  current: ratio(pick(v.t.current), v.t.current.members, v.policy),
  previous: ratio(pick(v.t.previous), v.t.previous.members, v.policy),
  policy: v.policy,
});

function averageAge(b: BodyCounts): string | null {
  return b.ageExact === 0 ? null : (Math.round((b.ageTotal * 10) / b.ageExact) / 10).toFixed(1);
}

function perSeat(candidates: number, seats: number): string | null {
  return seats === 0 ? null : `${(Math.round((candidates * 100) / seats) / 100).toFixed(2)}:1`;
}

interface PostComparisonView {
  p: PostCounts;
  units: number;
}

const PostCandidatesChangeRef = builder
  .objectRef<PostComparisonView>('PostCandidatesChange')
  .implement({
    description:
      'Formal candidates of a post this term against last term, over the same units: the reported units whose previous-term election has its candidates on record (TrackStatistics.candidatesCompared)',
    fields: (t) => ({
      units: t.int({ resolve: (v) => v.units }),
      seats: t.int({ resolve: (v) => v.p.comparedSeats }),
      formalCandidates: t.int({ resolve: (v) => v.p.comparedFormal }),
      candidateRatio: t.string({
        nullable: true,
        resolve: (v) => perSeat(v.p.comparedFormal, v.p.comparedSeats),
      }),
      previousSeats: t.int({ resolve: (v) => v.p.previousSeats }),
      previousFormalCandidates: t.int({ resolve: (v) => v.p.previousFormal }),
      previousCandidateRatio: t.string({
        nullable: true,
        resolve: (v) => perSeat(v.p.previousFormal, v.p.previousSeats),
      }),
      change: t.int({
        description: 'Formal candidates this term minus last term, over the same units',
        resolve: (v) => v.p.comparedFormal - v.p.previousFormal,
      }),
    }),
  });

const PostStatisticsRef = builder
  .objectRef<{ post: Post; p: PostCounts; compared: number }>('PostStatistics')
  .implement({
    description: 'One post of a body, over the unit elections whose result is reported',
    fields: (t) => ({
      post: t.field({ type: PostEnum, resolve: (v) => v.post }),
      label: t.string({ resolve: (v) => POST_LABEL[v.post].zh }),
      seatsReported: t.int({ resolve: (v) => v.p.seats }),
      nominated: t.int({
        description: 'Everyone nominated for the post (初步人选), whatever became of them',
        resolve: (v) => v.p.nominated,
      }),
      failedVetting: t.int({
        description: 'Nominees a department answered fail for in 资格联审',
        resolve: (v) => v.p.failedVetting,
      }),
      formalCandidates: t.int({ resolve: (v) => v.p.formal }),
      candidateRatio: t.string({
        nullable: true,
        description: 'Formal candidates per seat of the post, e.g. "2.00:1"',
        resolve: (v) => perSeat(v.p.formal, v.p.seats),
      }),
      members: t.int({ resolve: (v) => v.p.members }),
      previousMembers: t.int({
        description: 'Previous-term holders of the post in the same (reported) units',
        resolve: (v) => v.p.previousMembers,
      }),
      previousTerm: t.field({
        type: PostCandidatesChangeRef,
        nullable: true,
        description:
          "Candidates against the previous term; null when no reported unit's previous-term candidates are on record (nothing is estimated)",
        resolve: (v) => (v.compared === 0 ? null : { p: v.p, units: v.compared }),
      }),
    }),
  });

interface EthnicityView {
  ethnicity: string | null;
  current: Ratio;
  previous: Ratio;
  policy: PercentPolicy;
}

const EthnicityStatisticsRef = builder.objectRef<EthnicityView>('EthnicityStatistics').implement({
  description:
    'Members of one ethnicity (as entered, trimmed) of the members elected, this term and last term over the same units',
  fields: (t) => ({
    ethnicity: t.string({
      nullable: true,
      description: 'e.g. 汉族, 彝族; null: not entered',
      resolve: (e) => e.ethnicity,
    }),
    label: t.string({ resolve: (e) => e.ethnicity ?? '未填写' }),
    minority: t.boolean({
      description: 'A minority (anything entered but 汉族)',
      resolve: (e) => e.ethnicity !== null && isMinority(e.ethnicity),
    }),
    members: t.field({
      type: RateChangeRef,
      resolve: (e) => ({ current: e.current, previous: e.previous, policy: e.policy }),
    }),
  }),
});

/** 汉族 first, then each minority by members (this term, then last), unknown last. */
function ethnicitiesOf(v: TrackView): EthnicityView[] {
  const { current, previous } = v.t;
  const keys = new Set([...Object.keys(current.ethnicities), ...Object.keys(previous.ethnicities)]);
  const rank = (k: string) => (k === MAJORITY_ETHNICITY ? 0 : k === '' ? 2 : 1);
  return [...keys]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (current.ethnicities[b] ?? 0) - (current.ethnicities[a] ?? 0) ||
        (previous.ethnicities[b] ?? 0) - (previous.ethnicities[a] ?? 0) ||
        a.localeCompare(b, 'zh-CN'),
    )
    .map((k) => ({
      ethnicity: k === '' ? null : k,
      current: ratio(current.ethnicities[k] ?? 0, current.members, v.policy),
      previous: ratio(previous.ethnicities[k] ?? 0, previous.members, v.policy),
      policy: v.policy,
    }));
}

const VOTING_MODES = ['in_person', 'proxy', 'other'] as const;
type VotingMode = (typeof VOTING_MODES)[number];
const VotingModeEnum = builder.enumType('VotingMode', { values: VOTING_MODES });
const VOTING_MODE_LABEL: Record<VotingMode, string> = {
  in_person: '本人投票',
  proxy: '委托投票',
  other: '流动票箱等其他方式',
};

const VotingModeStatisticsRef = builder
  .objectRef<{ mode: VotingMode; t: TrackCounts; policy: PercentPolicy }>('VotingModeStatistics')
  .implement({
    description:
      'Voters of the election meeting (first meeting) of the reported results who voted in one way',
    fields: (t) => ({
      mode: t.field({ type: VotingModeEnum, resolve: (v) => v.mode }),
      label: t.string({ resolve: (v) => VOTING_MODE_LABEL[v.mode] }),
      ofEntitled: t.field({
        type: RatioRef,
        description: 'Of the registered voters (应到: 登记选民 / 应到会党员) of the same meetings',
        resolve: (v) => ratio(votersBy(v.t, v.mode), v.t.entitled, v.policy),
      }),
      ofVoted: t.field({
        type: RatioRef,
        description: 'Of those who voted in the same meetings',
        resolve: (v) => ratio(votersBy(v.t, v.mode), v.t.voted, v.policy),
      }),
    }),
  });

function votersBy(t: TrackCounts, mode: VotingMode): number {
  switch (mode) {
    case 'in_person':
      return t.inPerson;
    case 'proxy':
      return t.proxy;
    case 'other':
      return t.other;
  }
}

const TrackStatisticsRef = builder.objectRef<TrackView>('TrackStatistics').implement({
  fields: (t) => ({
    track: t.field({ type: ElectedTrackEnum, resolve: (v) => v.track }),
    bodyLabel: t.string({ resolve: (v) => BODY_LABEL[v.track] }),
    units: t.int({
      description: 'Unit elections of the campaign in scope (one per village and body)',
      resolve: (v) => v.t.units,
    }),
    reported: t.field({
      type: RatioRef,
      description:
        'Results submitted or approved, of the unit elections in scope ("已上报 n / N"): the units every result and composition figure is over',
      resolve: (v) => ratio(v.t.reported, v.t.units, v.policy),
    }),
    approved: t.field({
      type: RatioRef,
      description: 'Results approved by the township, of the elections',
      resolve: (v) => ratio(v.t.approved, v.t.units, v.policy),
    }),
    turnout: t.field({
      type: RatioRef,
      description:
        'Voted of entitled in the first meeting of reported results (参选率 / 党员参会率)',
      resolve: (v) => ratio(v.t.voted, v.t.entitled, v.policy),
    }),
    oneTimeSuccess: t.field({
      type: RatioRef,
      description: 'Reported elections that filled every seat without 另行选举',
      resolve: (v) => ratio(v.t.oneTime, v.t.reported, v.policy),
    }),
    withRunoff: t.int({ resolve: (v) => v.t.withRunoff }),
    seatsInCampaign: t.int({
      description: 'Seats (职数) of every unit election in scope, reported or not',
      resolve: (v) => v.t.seatsInCampaign,
    }),
    formalCandidatesInCampaign: t.int({
      description: 'Formal candidates of every unit election in scope, reported or not',
      resolve: (v) => v.t.formalCandidatesInCampaign,
    }),
    seatsReported: t.int({
      description: 'Seats (职数) of the unit elections whose result is reported',
      resolve: (v) => v.t.seatsReported,
    }),
    formalCandidatesReported: t.int({
      description: 'Formal candidates of the unit elections whose result is reported',
      resolve: (v) => v.t.formalCandidatesReported,
    }),
    candidateRatio: t.string({
      nullable: true,
      description:
        'Formal candidates per seat over the reported unit elections (formalCandidatesReported : seatsReported), e.g. "1.25:1"',
      resolve: (v) => perSeat(v.t.formalCandidatesReported, v.t.seatsReported),
    }),
    compared: t.int({
      description:
        'Units compared with the previous term: those reported this term. Every previous-term figure (previousMembers, RateChange.previous, previousAverageAge) counts the previous holders of these units only',
      resolve: (v) => v.t.reported,
    }),
    comparedWithRoster: t.int({
      description:
        'Of the compared units, those whose previous-term roster (office holders) is on record',
      resolve: (v) => v.t.reportedWithRoster,
    }),
    posts: t.field({
      type: [PostStatisticsRef],
      description:
        'Per post of the body (书记/副书记/委员; 主任/副主任/委员), over the reported units',
      resolve: (v) =>
        postsOf(v.track).map((post) => ({
          post,
          p: v.t.posts[post] ?? service.emptyPost(),
          compared: v.t.candidatesCompared,
        })),
    }),
    candidatesCompared: t.int({
      description:
        "Reported units whose previous term's election has its candidates on record: the units of PostStatistics.previousTerm",
      resolve: (v) => v.t.candidatesCompared,
    }),
    ethnicities: t.field({
      type: [EthnicityStatisticsRef],
      description:
        'Members by ethnicity (汉族, each minority named, then not entered), of the members elected; last term over the same units',
      resolve: (v) => ethnicitiesOf(v),
    }),
    votingModes: t.field({
      type: [VotingModeStatisticsRef],
      description:
        '本人投票, 委托投票 and 流动票箱/other in the election meeting of the reported results, of registered and of voted',
      resolve: (v) => VOTING_MODES.map((mode) => ({ mode, t: v.t, policy: v.policy })),
    }),
    members: t.int({
      description: 'Members elected in the reported unit elections',
      resolve: (v) => v.t.current.members,
    }),
    previousMembers: t.int({
      description: 'Previous-term office holders of the same (reported) units',
      resolve: (v) => v.t.previous.members,
    }),
    women: t.field({ type: RateChangeRef, resolve: (v) => rate(v, (b) => b.women) }),
    partyMembers: t.field({ type: RateChangeRef, resolve: (v) => rate(v, (b) => b.partyMembers) }),
    minorities: t.field({ type: RateChangeRef, resolve: (v) => rate(v, (b) => b.minorities) }),
    womenCoverage: t.field({
      type: RateChangeRef,
      description: 'Committees with at least one woman, of the committees elected',
      resolve: (v) => ({
        current: ratio(v.t.current.withWoman, v.t.current.committees, v.policy),
        previous: ratio(v.t.previous.withWoman, v.t.previous.committees, v.policy),
        policy: v.policy,
      }),
    }),
    reelected: t.field({
      type: RatioRef,
      description: '连任: held a seat in the same body last term',
      resolve: (v) => ratio(v.t.current.reelected, v.t.current.members, v.policy),
    }),
    newcomers: t.field({
      type: RatioRef,
      resolve: (v) =>
        ratio(v.t.current.members - v.t.current.reelected, v.t.current.members, v.policy),
    }),
    averageAge: t.string({
      nullable: true,
      description: 'Over the members whose age is known to the year',
      resolve: (v) => averageAge(v.t.current),
    }),
    ageUncertain: t.int({
      description:
        'Members born in a known month whose age band depends on the unknown day: in no band, not guessed',
      resolve: (v) => v.t.current.ageUncertain,
    }),
    previousAverageAge: t.string({ nullable: true, resolve: (v) => averageAge(v.t.previous) }),
    ageBands: t.field({
      type: [ShareRef],
      description:
        'Members by age band (bands from the rule set); the denominator is members whose band is known (see ageUncertain)',
      resolve: (v) =>
        ageBandLabels(v.bounds).map((label, i) => ({
          label,
          ratio: ratio(v.t.current.ageBands[i] ?? 0, v.t.current.ageKnown, v.policy),
        })),
    }),
    education: t.field({
      type: [ShareRef],
      resolve: (v) =>
        [...EDUCATION_LEVELS, 'unknown' as const].map((e) => ({
          label: e === 'unknown' ? '未填写' : EDUCATION_LABEL[e],
          ratio: ratio(v.t.current.education[e], v.t.current.members, v.policy),
        })),
    }),
  }),
});

const ExcludedVillageRef = builder.objectRef<ExcludedVillageView>('ExcludedVillage').implement({
  description: 'A village or community not taking part in the campaign',
  fields: (t) => ({
    regionId: t.id({ resolve: (x) => `Region:${String(x.regionId)}` }),
    name: t.exposeString('name'),
    reason: t.exposeString('reason'),
  }),
});

const RepresentativeStatisticsRef = builder
  .objectRef<{ t: RepresentativeTotals; policy: PercentPolicy }>('RepresentativeStatistics')
  .implement({
    description:
      '村民代表 and 村民小组长 / 副组长 of the region’s villages in the campaign, each figure with its denominator',
    fields: (t) => ({
      villagesReporting: t.field({
        type: RatioRef,
        description: 'Villages that recorded representatives, of the villages in the campaign',
        resolve: ({ t: x, policy }) => ratio(x.villagesReporting, x.villages, policy),
      }),
      representatives: t.int({ resolve: ({ t: x }) => x.representatives }),
      women: t.field({
        type: RatioRef,
        description: 'Women, of the representatives',
        resolve: ({ t: x, policy }) => ratio(x.women, x.representatives, policy),
      }),
      partyMembers: t.field({
        type: RatioRef,
        description: 'Party members, of the representatives',
        resolve: ({ t: x, policy }) => ratio(x.partyMembers, x.representatives, policy),
      }),
      alsoGroupLeader: t.field({
        type: RatioRef,
        description: 'Representatives who are also a 村民小组长, of the representatives',
        resolve: ({ t: x, policy }) => ratio(x.alsoGroupLeader, x.representatives, policy),
      }),
      groups: t.int({
        description: 'Villager groups of the villages that recorded representatives or leaders',
        resolve: ({ t: x }) => x.groups,
      }),
      groupLeaders: t.field({
        type: RatioRef,
        description: '村民小组长, of the groups (one per group at most)',
        resolve: ({ t: x, policy }) => ratio(x.groupLeaders, x.groups, policy),
      }),
      groupDeputies: t.field({
        type: RatioRef,
        description: '村民小组副组长, of the groups',
        resolve: ({ t: x, policy }) => ratio(x.groupDeputies, x.groups, policy),
      }),
    }),
  });

const ElectionStatisticsRef = builder.objectRef<StatsView>('ElectionStatistics');

ElectionStatisticsRef.implement({
  description: 'Computed from the records, never typed: every figure with its denominator',
  fields: (t) => ({
    regionId: t.id({
      nullable: true,
      resolve: (s) => (s.regionId === null ? null : `Region:${String(s.regionId)}`),
    }),
    name: t.exposeString('name'),
    level: t.string({ resolve: (s) => s.level }),
    campaignName: t.exposeString('campaignName'),
    campaignId: t.id({
      nullable: true,
      description: 'The campaign the figures are of: subscribe to its events to stay live',
      resolve: (s) => (s.campaignId === null ? null : `Campaign:${String(s.campaignId)}`),
    }),
    villages: t.int({
      description: 'Villages and communities in the campaign (with a unit election of it in scope)',
      resolve: (s) => s.counts.villages,
    }),
    villagesInRegion: t.int({
      description: 'Every village and community of the region (or zone), in the campaign or not',
      resolve: (s) => s.counts.villagesInRegion,
    }),
    excludedVillages: t.field({
      type: [ExcludedVillageRef],
      description: 'Villages the county left out of the campaign, with the reason',
      resolve: (s) => s.counts.excluded,
    }),
    tracks: t.field({
      type: [TrackStatisticsRef],
      resolve: (s) =>
        (['P', 'V', 'C'] as const)
          .filter(
            (track) =>
              s.counts.tracks[track].units > 0 || s.counts.tracks[track].previous.members > 0,
          )
          .map((track) => ({
            track,
            t: s.counts.tracks[track],
            policy: s.policy,
            bounds: s.rules.ageBands.value,
          })),
    }),
    dualRole: t.field({
      type: RateChangeRef,
      description:
        '一肩挑: villages whose party secretary chairs the committee, of villages with both bodies elected',
      resolve: (s) => ({
        current: ratio(s.counts.links.dualRoleVillages, s.counts.links.villagesWithBoth, s.policy),
        previous: ratio(
          s.counts.previousLinks.dualRoleVillages,
          s.counts.previousLinks.villagesWithBoth,
          s.policy,
        ),
        policy: s.policy,
      }),
    }),
    villagesWithBothBodies: t.field({
      type: RateChangeRef,
      description:
        'Villages where both the party organisation and the committee are elected (reported), of the villages in the campaign; the units of dualRole and crossAppointed*',
      resolve: (s) => ({
        current: ratio(s.counts.links.villagesWithBoth, s.counts.villages, s.policy),
        previous: ratio(s.counts.previousLinks.villagesWithBoth, s.counts.villages, s.policy),
        policy: s.policy,
      }),
    }),
    crossAppointed: t.field({
      type: RateChangeRef,
      description:
        '交叉任职 as the rule set counts it (statistics.cross_includes_dual): crossAppointedWithDual or crossAppointedWithoutDual',
      resolve: (s) => crossRate(s, s.rules.crossIncludesDual.value),
    }),
    crossAppointedWithDual: t.field({
      type: RateChangeRef,
      description:
        '交叉任职 counting 一肩挑: persons holding seats in both bodies of one village, of the distinct 两委 members of the villages with both bodies elected',
      resolve: (s) => crossRate(s, true),
    }),
    crossAppointedWithoutDual: t.field({
      type: RateChangeRef,
      description:
        '交叉任职 not counting 一肩挑: the same, less the secretary who chairs the committee; same denominator',
      resolve: (s) => crossRate(s, false),
    }),
    children: t.field({ type: [ElectionStatisticsRef], resolve: (s) => s.children }),
    representatives: t.field({
      type: RepresentativeStatisticsRef,
      nullable: true,
      description:
        '村民代表 and 村民小组长 recorded after the committee election, with denominators; null for a zone',
      resolve: async (s, _args, ctx) => {
        const totals = await service.representativeStatisticsOf(ctx, s);
        return totals ? { t: totals, policy: s.policy } : null;
      },
    }),
  }),
});

function crossRate(s: StatsView, includesDual: boolean): RateChange {
  const of = (l: LinkCounts) =>
    ratio(includesDual ? l.crossPersons : l.crossPersonsExclDual, l.personsInBoth, s.policy);
  return { current: of(s.counts.links), previous: of(s.counts.previousLinks), policy: s.policy };
}

const StatisticsPersonRef = builder.objectRef<StatisticsPerson>('StatisticsPerson').implement({
  description:
    'A member elected in a reported result of the village: the people behind its statistics',
  fields: (t) => ({
    personId: t.id({ resolve: (p) => `Person:${String(p.personId)}` }),
    name: t.exposeString('name'),
    track: t.field({ type: ElectedTrackEnum, resolve: (p) => p.track }),
    bodyLabel: t.string({ resolve: (p) => BODY_LABEL[p.track] }),
    post: t.field({ type: PostEnum, resolve: (p) => p.post }),
    postLabel: t.string({ resolve: (p) => POST_LABEL[p.post].zh }),
    gender: t.field({ type: PersonGenderEnum, resolve: (p) => p.gender }),
    age: t.int({
      nullable: true,
      description: 'On the day of the election meeting; null without a birth date',
      resolve: (p) => p.age,
    }),
    ethnicity: t.string({
      nullable: true,
      resolve: (p) => ethnicityOf(p.ethnicity),
    }),
    minority: t.boolean({ resolve: (p) => isMinority(p.ethnicity) }),
    politicalStatus: t.field({ type: PoliticalStatusEnum, resolve: (p) => p.politicalStatus }),
    politicalStatusLabel: t.string({ resolve: (p) => POLITICAL_STATUS_LABEL[p.politicalStatus] }),
    education: t.field({ type: EducationEnum, nullable: true, resolve: (p) => p.education }),
    educationLabel: t.string({
      resolve: (p) => (p.education === null ? '未填写' : EDUCATION_LABEL[p.education]),
    }),
    reelected: t.boolean({
      description: '连任: held a seat in the same body last term',
      resolve: (p) => p.reelected,
    }),
  }),
});

builder.queryFields((t) => ({
  statisticsPeople: t.field({
    type: [StatisticsPersonRef],
    description:
      "The members elected in a village's (or community's) reported results of the current campaign: the people behind its figures. Scoped as electionStatistics",
    args: {
      regionId: t.arg.globalID({ required: true }),
      track: t.arg({ type: ElectedTrackEnum }),
    },
    resolve: (_root, args, ctx) =>
      service.statisticsPeopleOf(
        ctx,
        idOf(args.regionId, 'Region', 'regionId'),
        args.track ?? null,
      ),
  }),
  electionStatistics: t.field({
    type: ElectionStatisticsRef,
    description:
      'Results and composition of the current campaign for a region (or a zone of a township), with a row per child region',
    args: { regionId: t.arg.globalID({ required: true }), zoneId: t.arg.id() },
    resolve: (_root, args, ctx) =>
      service.statisticsOf(
        ctx,
        idOf(args.regionId, 'Region', 'regionId'),
        optionalIdOf(args.zoneId, 'Zone', 'zoneId'),
      ),
  }),
}));
