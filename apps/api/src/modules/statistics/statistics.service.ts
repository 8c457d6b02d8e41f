import type {
  ElectedTrack,
  Education,
  ElectionRules,
  PercentPolicy,
  Post,
  RegionId,
  RegionLevel,
  ZoneId,
} from '@huanjie/domain';
import { compareByStrokes } from '@huanjie/domain/stroke-order';
import {
  EDUCATION_LEVELS,
  ELECTED_TRACKS,
  POSTS,
  ageOn,
  isVillageLevel,
  pathIds,
  percentPolicy,
  resolveElectionRules,
  rulesFrom,
} from '@huanjie/domain';
import { ValidationError } from '../../shared/errors.js';
import type { Context } from '../../context.js';
import { currentCampaignOf, ruleValuesOf } from '../../shared/campaign.js';
import { actorOf, authorize, countyIdOf, findZone, requireRegion } from '../../shared/scope.js';
import type {
  LinkAggregate,
  MemberAggregate,
  StatsScope,
  UnitAggregate,
} from './statistics.repo.js';
import * as repo from './statistics.repo.js';
import type { RepresentativeTotals } from '../representatives/representatives.service.js';
import { representativeTotalsByRegion } from '../representatives/representatives.service.js';

export interface BodyCounts {
  members: number;
  women: number;
  partyMembers: number;
  minorities: number;
  reelected: number;
  /** Members in a known age band (the bands' denominator). */
  ageKnown: number;
  /** Members whose age is known to the year (the average age's denominator). */
  ageExact: number;
  ageTotal: number;
  /** Born in a known month, the band depending on the unknown day: counted apart, not guessed. */
  ageUncertain: number;
  ageBands: number[];
  education: Record<Education | 'unknown', number>;
  committees: number;
  withWoman: number;
  /** Members per ethnicity as counted (trimmed); '' for blank (unknown). */
  ethnicities: Record<string, number>;
}

export interface TrackCounts {
  units: number;
  reported: number;
  approved: number;
  voted: number;
  entitled: number;
  oneTime: number;
  withRunoff: number;
  seatsInCampaign: number;
  formalCandidatesInCampaign: number;
  seatsReported: number;
  formalCandidatesReported: number;
  reportedWithRoster: number;
  /** How the voters of the election meeting of reported results voted (voted = their sum). */
  inPerson: number;
  proxy: number;
  other: number;
  /** Reported units whose previous term's candidates are on record (the units of PostCounts.compared*). */
  candidatesCompared: number;
  /** Over the reported units: the current members, and the previous term's holders of the same units. */
  current: BodyCounts;
  previous: BodyCounts;
  posts: Partial<Record<Post, PostCounts>>;
}

/** One post of one body, over the reported units. */
export interface PostCounts {
  seats: number;
  nominated: number;
  failedVetting: number;
  formal: number;
  members: number;
  previousMembers: number;
  /** Over the units whose previous term's candidates are on record: seats and formal candidates, this term and last. */
  comparedSeats: number;
  comparedFormal: number;
  previousSeats: number;
  previousFormal: number;
}

export interface LinkCounts {
  villagesWithBoth: number;
  dualRoleVillages: number;
  persons: number;
  crossPersons: number;
  crossPersonsExclDual: number;
  personsInBoth: number;
}

export interface ExcludedVillageView {
  regionId: number;
  name: string;
  reason: string;
}

export interface GroupCounts {
  /** Villages and communities the campaign covers (with a unit election of it). */
  villages: number;
  /** Every village and community of the region, in the campaign or not. */
  villagesInRegion: number;
  /** Left out of the campaign by the county (campaign_exclusions). */
  excluded: ExcludedVillageView[];
  tracks: Record<ElectedTrack, TrackCounts>;
  links: LinkCounts;
  previousLinks: LinkCounts;
}

export interface StatsView {
  regionId: number | null;
  name: string;
  level: RegionLevel | 'zone';
  campaignName: string;
  /** The current campaign's id, null when the county has none. */
  campaignId: number | null;
  counts: GroupCounts;
  rules: ElectionRules;
  policy: PercentPolicy;
  children: StatsView[];
}

function emptyBody(bands: number): BodyCounts {
  return {
    members: 0,
    women: 0,
    partyMembers: 0,
    minorities: 0,
    reelected: 0,
    ageKnown: 0,
    ageExact: 0,
    ageTotal: 0,
    ageUncertain: 0,
    ageBands: Array.from({ length: bands }, () => 0),
    education: Object.fromEntries([...EDUCATION_LEVELS, 'unknown'].map((e) => [e, 0])) as Record<
      Education | 'unknown',
      number
    >,
    committees: 0,
    withWoman: 0,
    ethnicities: {},
  };
}

const emptyLinks = (): LinkCounts => ({
  villagesWithBoth: 0,
  dualRoleVillages: 0,
  persons: 0,
  crossPersons: 0,
  crossPersonsExclDual: 0,
  personsInBoth: 0,
});

function emptyGroup(bands: number): GroupCounts {
  const track = (): TrackCounts => ({
    units: 0,
    reported: 0,
    approved: 0,
    voted: 0,
    entitled: 0,
    oneTime: 0,
    withRunoff: 0,
    seatsInCampaign: 0,
    formalCandidatesInCampaign: 0,
    seatsReported: 0,
    formalCandidatesReported: 0,
    reportedWithRoster: 0,
    inPerson: 0,
    proxy: 0,
    other: 0,
    candidatesCompared: 0,
    current: emptyBody(bands),
    previous: emptyBody(bands),
    posts: {},
  });
  return {
    villages: 0,
    villagesInRegion: 0,
    excluded: [],
    tracks: { P: track(), V: track(), C: track() },
    links: emptyLinks(),
    previousLinks: emptyLinks(),
  };
}

function addMembers(body: BodyCounts, m: MemberAggregate) {
  body.members += m.members;
  body.women += m.women;
  body.partyMembers += m.partyMembers;
  body.minorities += m.minorities;
  body.reelected += m.reelected;
  body.ageKnown += m.ageKnown;
  body.ageExact += m.ageExact;
  body.ageTotal += m.ageTotal;
  if (m.band === -2) body.ageUncertain += m.members;
  if (m.band >= 0) body.ageBands[m.band] = (body.ageBands[m.band] ?? 0) + m.ageKnown;
  for (const [k, n] of Object.entries(m.education)) body.education[k as Education | 'unknown'] += n;
}

function addLinks(into: LinkCounts, l: LinkAggregate | LinkCounts) {
  into.villagesWithBoth += l.villagesWithBoth;
  into.dualRoleVillages += l.dualRoleVillages;
  into.persons += l.persons;
  into.crossPersons += l.crossPersons;
  into.crossPersonsExclDual += l.crossPersonsExclDual;
  into.personsInBoth += l.personsInBoth;
}

function addUnits(t: TrackCounts, u: UnitAggregate | TrackCounts) {
  t.units += u.units;
  t.reported += u.reported;
  t.approved += u.approved;
  t.voted += u.voted;
  t.entitled += u.entitled;
  t.oneTime += u.oneTime;
  t.withRunoff += u.withRunoff;
  t.seatsInCampaign += u.seatsInCampaign;
  t.formalCandidatesInCampaign += u.formalCandidatesInCampaign;
  t.seatsReported += u.seatsReported;
  t.formalCandidatesReported += u.formalCandidatesReported;
  t.reportedWithRoster += u.reportedWithRoster;
}

function addVoting(t: TrackCounts, v: { inPerson: number; proxy: number; other: number }) {
  t.inPerson += v.inPerson;
  t.proxy += v.proxy;
  t.other += v.other;
}

function addEthnicities(body: BodyCounts, from: Record<string, number>) {
  for (const [e, n] of Object.entries(from)) body.ethnicities[e] = (body.ethnicities[e] ?? 0) + n;
}

export const emptyPost = (): PostCounts => ({
  seats: 0,
  nominated: 0,
  failedVetting: 0,
  formal: 0,
  members: 0,
  previousMembers: 0,
  comparedSeats: 0,
  comparedFormal: 0,
  previousSeats: 0,
  previousFormal: 0,
});

function postOf(t: TrackCounts, post: Post): PostCounts {
  let p = t.posts[post];
  if (!p) {
    p = emptyPost();
    t.posts[post] = p;
  }
  return p;
}

function addPost(into: PostCounts, p: Partial<PostCounts>) {
  for (const k of Object.keys(emptyPost()) as (keyof PostCounts)[]) into[k] += p[k] ?? 0;
}

function sumGroups(groups: GroupCounts[], bands: number): GroupCounts {
  const total = emptyGroup(bands);
  for (const g of groups) {
    total.villages += g.villages;
    total.villagesInRegion += g.villagesInRegion;
    total.excluded.push(...g.excluded);
    addLinks(total.links, g.links);
    addLinks(total.previousLinks, g.previousLinks);
    for (const track of ELECTED_TRACKS) {
      const t = total.tracks[track];
      const s = g.tracks[track];
      addUnits(t, s);
      addVoting(t, s);
      t.candidatesCompared += s.candidatesCompared;
      for (const [post, p] of Object.entries(s.posts)) addPost(postOf(t, post as Post), p);
      for (const key of ['current', 'previous'] as const) {
        const b = t[key];
        const o = s[key];
        b.members += o.members;
        b.women += o.women;
        b.partyMembers += o.partyMembers;
        b.minorities += o.minorities;
        b.reelected += o.reelected;
        b.ageKnown += o.ageKnown;
        b.ageExact += o.ageExact;
        b.ageTotal += o.ageTotal;
        b.ageUncertain += o.ageUncertain;
        o.ageBands.forEach((n, i) => (b.ageBands[i] = (b.ageBands[i] ?? 0) + n));
        for (const [k, n] of Object.entries(o.education))
          b.education[k as Education | 'unknown'] += n;
        b.committees += o.committees;
        b.withWoman += o.withWoman;
        addEthnicities(b, o.ethnicities);
      }
    }
  }
  return total;
}

/**
 * Statistics of a region (or of a zone of a township) for the county's current campaign: SQL
 * aggregates per child region, summed here, so the total is always the sum of the rows shown
 * beneath it.
 */
export async function statisticsOf(
  ctx: Context,
  regionId: RegionId,
  zoneId: ZoneId | null,
): Promise<StatsView> {
  const { db } = ctx;
  const region = await requireRegion(db, regionId);
  authorize(actorOf(ctx), 'election.read', region.path, '无权访问该村(社区)的选举数据');
  const ids = pathIds(region.path);
  let zoneName: string | null = null;
  if (zoneId !== null) {
    const zone = await findZone(db, zoneId);
    if (!zone || zone.townshipId !== regionId)
      throw new ValidationError('该片区不属于所选乡镇', [
        { path: ['zoneId'], message: '片区与乡镇不符' },
      ]);
    zoneName = zone.name;
  }
  const campaign = await currentCampaignOf(db, countyIdOf(region.path));
  const ruleValues = campaign ? await ruleValuesOf(db, campaign) : {};
  const rules = resolveElectionRules(ruleValues);
  // ages of the previous term are taken one term (the rule set's term.years) before election day
  const termYears = rulesFrom(ruleValues).days('term.years');
  const policy = percentPolicy(rules);
  const bounds = rules.ageBands.value;
  const bands = bounds.length + 1;
  const isVillage = region.level === 'village' || region.level === 'community';
  const groupAt = isVillage ? ids.length : ids.length + 1;
  const regionName = (await repo.groupNames(db, [regionId]))[0]?.name ?? '';

  const groups = new Map<string, GroupCounts>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) {
      g = emptyGroup(bands);
      groups.set(key, g);
    }
    return g;
  };
  for (const v of await repo.villagesIn(db, region.path, groupAt, zoneId))
    group(v.grp).villagesInRegion = v.villages;
  if (campaign) {
    const scope: StatsScope = { campaignId: campaign.id, path: region.path, groupAt, zoneId };
    for (const v of await repo.campaignVillages(db, scope)) group(v.grp).villages = v.villages;
    for (const { grp, ...x } of await repo.excludedVillages(db, scope)) group(grp).excluded.push(x);
    for (const u of await repo.unitAggregates(db, scope)) addUnits(group(u.grp).tracks[u.track], u);
    for (const { grp, track, post, ...p } of await repo.postAggregates(db, scope))
      addPost(postOf(group(grp).tracks[track], post), p);
    const current = repo.currentSeats(scope);
    const previous = repo.previousSeats(scope, termYears);
    for (const m of await repo.memberAggregates(db, current, bounds))
      addMembers(group(m.grp).tracks[m.track].current, m);
    for (const m of await repo.memberAggregates(db, previous, bounds))
      addMembers(group(m.grp).tracks[m.track].previous, m);
    for (const c of await repo.committeeAggregates(db, current)) {
      const body = group(c.grp).tracks[c.track].current;
      body.committees += c.committees;
      body.withWoman += c.withWoman;
    }
    for (const c of await repo.committeeAggregates(db, previous)) {
      const body = group(c.grp).tracks[c.track].previous;
      body.committees += c.committees;
      body.withWoman += c.withWoman;
    }
    for (const m of await repo.membersByPost(db, current))
      postOf(group(m.grp).tracks[m.track], m.post).members += m.members;
    for (const m of await repo.membersByPost(db, previous))
      postOf(group(m.grp).tracks[m.track], m.post).previousMembers += m.members;
    for (const l of await repo.linkAggregates(db, current)) addLinks(group(l.grp).links, l);
    for (const l of await repo.linkAggregates(db, previous))
      addLinks(group(l.grp).previousLinks, l);
    for (const v of await repo.votingModeAggregates(db, scope))
      addVoting(group(v.grp).tracks[v.track], v);
    for (const [key, seats] of [
      ['current', current],
      ['previous', previous],
    ] as const)
      for (const e of await repo.ethnicityAggregates(db, seats))
        addEthnicities(group(e.grp).tracks[e.track][key], { [e.ethnicity ?? '']: e.members });
    for (const u of await repo.candidateComparedUnits(db, scope))
      group(u.grp).tracks[u.track].candidatesCompared += u.units;
    for (const { grp, track, post, ...c } of await repo.postComparisons(db, scope))
      addPost(postOf(group(grp).tracks[track], post), {
        comparedSeats: c.seats,
        comparedFormal: c.formal,
        previousSeats: c.previousSeats,
        previousFormal: c.previousFormal,
      });
  }
  const childRegions = await repo.groupNames(db, [...groups.keys()].map(Number));
  const children: StatsView[] = isVillage
    ? []
    : childRegions.map((r) => ({
        regionId: r.id,
        name: r.name,
        level: r.level as RegionLevel,
        campaignName: campaign?.name ?? '',
        campaignId: campaign?.id ?? null,
        counts: groups.get(String(r.id)) ?? emptyGroup(bands),
        rules,
        policy,
        children: [],
      }));
  return {
    regionId: zoneId === null ? regionId : null,
    name: zoneName ?? regionName,
    level: zoneId === null ? region.level : 'zone',
    campaignName: campaign?.name ?? '',
    campaignId: campaign?.id ?? null,
    counts: sumGroups([...groups.values()], bands),
    rules,
    policy,
    children,
  };
}

/** One elected member of a village's reported results, for the drill-down from its figures. */
export interface StatisticsPerson extends Omit<repo.SeatHolder, 'asOf' | 'birthDate'> {
  /** Age on the day of the election meeting, as the composition figures take it. */
  age: number | null;
}

/**
 * The people behind a village's statistics: the members elected in its reported results of the
 * current campaign, authorized exactly as statisticsOf is. Villages and communities only: above
 * them a figure is a count of villages' counts.
 */
export async function statisticsPeopleOf(
  ctx: Context,
  regionId: RegionId,
  track: ElectedTrack | null,
): Promise<StatisticsPerson[]> {
  const { db } = ctx;
  const region = await requireRegion(db, regionId);
  authorize(actorOf(ctx), 'election.read', region.path, '无权访问该村(社区)的选举数据');
  if (!isVillageLevel(region.level))
    throw new ValidationError('人员名单只在村(社区)一级提供', [
      { path: ['regionId'], message: '请选择村(社区)' },
    ]);
  const campaign = await currentCampaignOf(db, countyIdOf(region.path));
  if (!campaign) return [];
  const scope: StatsScope = {
    campaignId: campaign.id,
    path: region.path,
    groupAt: pathIds(region.path).length,
    zoneId: null,
  };
  const rows = await repo.seatHolders(db, repo.currentSeats(scope));
  return rows
    .filter((r) => track === null || r.track === track)
    .map(({ asOf, birthDate, ...r }) => ({
      ...r,
      age: birthDate === null ? null : ageOn(birthDate, asOf),
    }))
    .sort(
      (a, b) =>
        ELECTED_TRACKS.indexOf(a.track) - ELECTED_TRACKS.indexOf(b.track) ||
        POSTS.indexOf(a.post) - POSTS.indexOf(b.post) ||
        compareByStrokes(a.name, b.name),
    );
}

/**
 * 村民代表 and 村民小组长 of a region's villages in the campaign of its figures (issue 13): counts
 * with their units — villages reporting of the campaign's villages; women, party members and
 * representatives also group leaders of the representatives; leaders and deputies of the groups
 * of the villages that reported. Null for a zone or without a campaign.
 */
export async function representativeStatisticsOf(
  ctx: Context,
  s: StatsView,
): Promise<RepresentativeTotals | null> {
  return (await representativeStatisticsOfEach(ctx, [s]))[0] ?? null;
}

/**
 * The same for several views at once (the rows of a form: the townships of a county, the
 * villages of a township), in their order, with one query per campaign rather than one per row.
 */
export async function representativeStatisticsOfEach(
  ctx: Context,
  views: readonly StatsView[],
): Promise<(RepresentativeTotals | null)[]> {
  const ids = views.flatMap((v) =>
    v.regionId === null || v.campaignId === null ? [] : [v.regionId],
  );
  const paths = new Map(
    (await repo.regionPaths(ctx.db, [...new Set(ids)])).map((r) => [r.id, r.path]),
  );
  const figures = new Map<StatsView, RepresentativeTotals>();
  const campaigns = new Set(views.map((v) => v.campaignId));
  for (const campaignId of campaigns) {
    if (campaignId === null) continue;
    const rows = views.flatMap((view) => {
      const path = view.regionId === null ? undefined : paths.get(view.regionId);
      return view.campaignId === campaignId && path !== undefined ? [{ view, path }] : [];
    });
    const totals = await representativeTotalsByRegion(
      ctx,
      campaignId,
      rows.map(({ view, path }) => ({ path, villages: view.counts.villages })),
    );
    rows.forEach(({ view }, i) => {
      const t = totals[i];
      if (t) figures.set(view, t);
    });
  }
  return views.map((v) => figures.get(v) ?? null);
}
