/**
 * The SQL behind the statistics screens and the domain functions that define the figures agree on
 * random elections: each run writes a small campaign straight to the database (persons, last
 * term's roster, unit elections, seats, candidates, results and their meetings), asks the API for
 * the county's statistics, and compares every figure with compose(), ratio() and the rule set
 * applied to the same records in memory.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaigns,
  candidates,
  electionMeetings,
  electionResults,
  electionSetups,
  meetingVotes,
  officeHolders,
  persons,
  ruleSets,
  unitElections,
} from '@huanjie/db';
import type {
  BodyComposition,
  CandidateStage,
  ElectedTrack,
  Education,
  HeldSeat,
  MeetingCounts,
  PercentPolicy,
  PersonFacts,
  PersonGender,
  PoliticalStatus,
  Post,
  RuleEntry,
} from '@huanjie/domain';
import {
  CANDIDATE_STAGES,
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  NATIONAL_DEFAULTS,
  PERSON_GENDERS,
  POLITICAL_STATUSES,
  POSTS,
  addDays,
  ageBandLabels,
  compose,
  ethnicityOf,
  isMinority,
  percentPolicy,
  postsOf,
  ratio,
  resolveElectionRules,
  votedOf,
} from '@huanjie/domain';
import { eq } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

/** Villages (V) and communities (C) of both townships of the test county. */
const VILLAGE_KEYS = ['t01v003', 't01v012', 't01v015', 't02v004', 't02v013', 't02v016'];
const POOL = 6;
const RESULT_STATUSES = [null, 'draft', 'submitted', 'returned', 'approved'] as const;
type ResultStatus = (typeof RESULT_STATUSES)[number];
const isReported = (s: ResultStatus) => s === 'submitted' || s === 'approved';

// ---------------------------------------------------------------- generated cases

type BirthSpec =
  | { kind: 'unknown' }
  | { kind: 'date'; date: string }
  /** Around a birthday on the election day: ages at band bounds and the day before / after. */
  | { kind: 'near'; age: number; shift: number }
  /** Known to the month only, that many years and months before the election day's month. */
  | { kind: 'month'; age: number; months: number };

interface PersonSpec {
  gender: PersonGender;
  birth: BirthSpec;
  ethnicity: string;
  politicalStatus: PoliticalStatus;
  education: Education | null;
}

interface CandidateSpec {
  person: number;
  post: Post;
  stage: CandidateStage;
  /** The meeting (0: the election meeting, 1: 另行选举) that elected them, or null. */
  electedIn: 0 | 1 | null;
}

interface UnitSpec {
  status: ResultStatus;
  seats: Partial<Record<Post, number>> | null;
  meetings: 1 | 2;
  heldOnShift: number;
  entitled: number;
  voted: number;
  candidates: CandidateSpec[];
}

interface HolderSpec {
  person: number;
  track: ElectedTrack;
  post: Post;
  /** 1: last term (counts); 2: the term before (must not count). */
  termsAgo: 1 | 2;
}

/** A unit election of the previous term's campaign: its seats and candidates (none: not on record). */
interface PreviousUnitSpec {
  /** The committee's track last term (a community may have been a village: 村改居). */
  track: ElectedTrack;
  seats: Partial<Record<Post, number>> | null;
  candidates: { person: number; post: Post; stage: CandidateStage }[];
}

interface VillageSpec {
  key: string;
  persons: PersonSpec[];
  party: UnitSpec | null;
  committee: UnitSpec;
  holders: HolderSpec[];
  /** Last term's elections of the same village, where the system holds them. */
  previousUnits: PreviousUnitSpec[];
}

interface Case {
  electionDay: string;
  ageBands: string;
  decimals: number;
  rounding: 'half_up' | 'truncate';
  crossIncludesDual: boolean;
  villages: VillageSpec[];
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

const birthArb: fc.Arbitrary<BirthSpec> = fc.oneof(
  fc.constant({ kind: 'unknown' as const }),
  fc
    .date({ min: new Date('1940-01-01'), max: new Date('2008-12-31'), noInvalidDate: true })
    .map((d) => ({ kind: 'date' as const, date: isoDate(d) })),
  fc
    .constantFrom('1968-02-29', '1976-02-29', '1988-02-29', '2000-02-29')
    .map((date) => ({ kind: 'date' as const, date })),
  fc.record({
    kind: fc.constant('near' as const),
    age: fc.oneof(
      fc.constantFrom(30, 35, 36, 40, 45, 46, 55, 56, 60),
      fc.integer({ min: 18, max: 80 }),
    ),
    shift: fc.integer({ min: -1, max: 1 }),
  }),
  fc.record({
    kind: fc.constant('month' as const),
    age: fc.constantFrom(30, 35, 36, 45, 46, 55, 56, 60),
    months: fc.integer({ min: -1, max: 1 }),
  }),
);

const personArb: fc.Arbitrary<PersonSpec> = fc.record({
  gender: fc.constantFrom(...PERSON_GENDERS),
  birth: birthArb,
  // blanks and padding as typed (a full-width space from a Chinese IME, a tab from a spreadsheet):
  // whitespace around 汉族 is still 汉族, and blank is unknown
  ethnicity: fc.constantFrom(
    '汉族',
    '汉族',
    '彝族',
    '回族',
    '壮族 ',
    ' 汉族',
    '汉族\u3000',
    '\t汉族\n',
    '',
    ' ',
    '\u3000',
  ),
  politicalStatus: fc.constantFrom(...POLITICAL_STATUSES),
  education: fc.constantFrom(...EDUCATION_LEVELS, null),
});

function unitArb(track: ElectedTrack): fc.Arbitrary<UnitSpec> {
  const posts = postsOf(track);
  const seatsArb = fc.option(
    fc.record(
      Object.fromEntries(
        posts.map((p) => [p, fc.integer({ min: 0, max: p === 'member' ? 4 : 1 })]),
      ),
      { requiredKeys: [] },
    ),
  );
  const candidateArb = fc.record({
    post: fc.constantFrom(...posts),
    stage: fc.constantFrom(...CANDIDATE_STAGES),
    electedIn: fc.constantFrom(0 as const, 0 as const, 1 as const, null),
  });
  return fc
    .record({
      status: fc.constantFrom(...RESULT_STATUSES, 'submitted' as const, 'approved' as const),
      seats: seatsArb,
      // most elections have as many seats as the election meeting filled (一次选举成功)
      seatsFilled: fc.boolean(),
      meetings: fc.constantFrom(1 as const, 1 as const, 2 as const),
      heldOnShift: fc.integer({ min: 0, max: 2 }),
      entitled: fc.integer({ min: 1, max: 300 }),
      turnout: fc.double({ min: 0, max: 1, noNaN: true }),
      people: fc.uniqueArray(fc.integer({ min: 0, max: POOL - 1 }), { maxLength: POOL }),
      cands: fc.array(candidateArb, { minLength: POOL, maxLength: POOL }),
    })
    .map(({ turnout, people, cands, seatsFilled, ...u }) => {
      const heads = new Set<Post>();
      const list = people.map((person, i) => {
        const c = cands[i]!;
        let electedIn = c.electedIn === 1 && u.meetings === 1 ? 0 : c.electedIn;
        // one 书记 and one 主任 per body: two would be a malformed result, not a statistic
        if (electedIn !== null && (c.post === 'secretary' || c.post === 'chair')) {
          if (heads.has(c.post)) electedIn = null;
          heads.add(c.post);
        }
        return { ...c, person, electedIn };
      });
      const seats = seatsFilled ? seatsOfFirstMeeting(list) : u.seats;
      return { ...u, seats, voted: Math.floor(u.entitled * turnout), candidates: list };
    });
}

function seatsOfFirstMeeting(list: CandidateSpec[]): Partial<Record<Post, number>> {
  const seats: Partial<Record<Post, number>> = {};
  for (const c of list) if (c.electedIn === 0) seats[c.post] = (seats[c.post] ?? 0) + 1;
  return seats;
}

/** 一肩挑: the person elected 书记 by the election meeting is elected 主任 by it too. */
function withDualRole(v: VillageSpec, person: number): VillageSpec {
  const head = (u: UnitSpec, post: Post): UnitSpec => {
    const others = u.candidates
      .filter((c) => c.person !== person)
      .map((c) => (c.post === post && c.electedIn !== null ? { ...c, electedIn: null } : c));
    const candidates = [
      ...others,
      { person, post, stage: 'formal' as const, electedIn: 0 as const },
    ];
    return { ...u, status: 'submitted', candidates };
  };
  return v.party
    ? { ...v, party: head(v.party, 'secretary'), committee: head(v.committee, 'chair') }
    : v;
}

function previousUnitArb(track: ElectedTrack): fc.Arbitrary<PreviousUnitSpec> {
  const posts = postsOf(track);
  return fc.record({
    track: fc.constant(track),
    seats: fc.option(
      fc.record(
        Object.fromEntries(
          posts.map((p) => [p, fc.integer({ min: 0, max: p === 'member' ? 4 : 1 })]),
        ),
        { requiredKeys: [] },
      ),
    ),
    candidates: fc.uniqueArray(
      fc.record({
        person: fc.integer({ min: 0, max: POOL - 1 }),
        post: fc.constantFrom(...posts),
        stage: fc.constantFrom(...CANDIDATE_STAGES),
      }),
      { maxLength: POOL, selector: (c) => c.person },
    ),
  });
}

const holderArb: fc.Arbitrary<HolderSpec> = fc
  .record({
    person: fc.integer({ min: 0, max: POOL - 1 }),
    track: fc.constantFrom<ElectedTrack>('P', 'V', 'C'),
    postIndex: fc.nat(),
    termsAgo: fc.constantFrom(1 as const, 1 as const, 2 as const),
  })
  .map(({ postIndex, ...h }) => {
    const posts = postsOf(h.track);
    return { ...h, post: posts[postIndex % posts.length]! };
  });

const caseArb: fc.Arbitrary<Case> = fc.record({
  electionDay: fc.constantFrom(
    '2026-06-15',
    '2026-12-31',
    '2027-01-01',
    '2027-02-28',
    '2027-03-01',
    '2028-02-29',
  ),
  ageBands: fc.constantFrom('35,45,55', '40,60', '', '30,35,50,55', '45'),
  decimals: fc.integer({ min: 0, max: 3 }),
  rounding: fc.constantFrom('half_up' as const, 'truncate' as const),
  crossIncludesDual: fc.boolean(),
  villages: fc.shuffledSubarray(VILLAGE_KEYS, { minLength: 1, maxLength: 4 }).chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc
          .record({
            key: fc.constant(key),
            persons: fc.array(personArb, { minLength: POOL, maxLength: POOL }),
            party: fc.option(unitArb('P'), { freq: 4 }),
            committee: unitArb(isCommunity(key) ? 'C' : 'V'),
            holders: fc.uniqueArray(holderArb, {
              maxLength: 6,
              selector: (h) => `${h.track}/${h.person}/${h.termsAgo}`,
            }),
            previousUnits: fc
              .tuple(
                fc.option(previousUnitArb('P')),
                fc.option(previousUnitArb(isCommunity(key) ? 'C' : 'V')),
                fc.boolean(),
              )
              .map(([p, committee, wasVillage]) =>
                [
                  p,
                  committee && wasVillage ? { ...committee, track: 'V' as const } : committee,
                ].filter((u): u is PreviousUnitSpec => u !== null),
              ),
          })
          .chain((v) =>
            fc
              .option(fc.integer({ min: 0, max: POOL - 1 }), { freq: 2 })
              .map((dual) => (dual === null ? v : withDualRole(v, dual))),
          ),
      ),
    ),
  ),
});

/** The rule set of a case: age bands and the percent policy. */
function ruleValuesOf(c: Case): Record<string, RuleEntry> {
  return {
    'composition.age_bands': { value: c.ageBands, citation: '测试' },
    'statistics.percent_decimals': { value: c.decimals, citation: '测试' },
    'statistics.rounding': { value: c.rounding, citation: '测试' },
    'statistics.cross_includes_dual': { value: c.crossIncludesDual, citation: '测试' },
  };
}

/** In the demo county, villages 1–11 of each township are communities. */
function isCommunity(key: string): boolean {
  return Number(key.slice(4)) <= 11;
}

/** The same calendar day `years` later (or earlier); 29 February becomes the 28th, as in SQL. */
function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function birthDateOf(b: BirthSpec, electionDay: string): string | null {
  if (b.kind === 'unknown') return null;
  if (b.kind === 'date') return b.date;
  if (b.kind === 'month') {
    const [y, m] = shiftYears(electionDay, -b.age).split('-').map(Number) as [number, number];
    const month = new Date(Date.UTC(y, m - 1 + b.months, 1));
    return month.toISOString().slice(0, 10);
  }
  return addDays(shiftYears(electionDay, -b.age), b.shift);
}

// ---------------------------------------------------------------- the records, as written

/** What was written for one unit election, as the domain sees it. */
interface WrittenUnit {
  township: string;
  regionId: number;
  track: ElectedTrack;
  status: ResultStatus;
  seats: Partial<Record<Post, number>> | null;
  meetings: (MeetingCounts & { heldOn: string })[];
  candidates: (CandidateSpec & { personId: number })[];
}

interface WrittenHolder {
  township: string;
  regionId: number;
  personId: number;
  track: ElectedTrack;
  post: Post;
  termNumber: number;
}

interface WrittenPreviousUnit {
  regionId: number;
  track: ElectedTrack;
  seats: Partial<Record<Post, number>> | null;
  candidates: { personId: number; post: Post; stage: CandidateStage }[];
}

interface Written {
  units: WrittenUnit[];
  previousUnits: WrittenPreviousUnit[];
  holders: WrittenHolder[];
  persons: Map<number, PersonFacts>;
  termNumber: number;
}

let runNumber = 0;

async function writeCase(api: TestApi, c: Case): Promise<Written> {
  const db = api.database.db;
  runNumber += 1;
  // each run has its own term numbers, so earlier runs' rosters are never "last term"
  const termNumber = 100 + runNumber * 3;
  const admin = api.demo.userIds.get('county.admin')!;
  const values = ruleValuesOf(c);
  const [ruleSet] = await db
    .insert(ruleSets)
    .values({ countyId: api.demo.countyId, name: `属性测试${runNumber}`, values })
    .returning({ id: ruleSets.id });
  // the previous run's campaign is over: this one is the county's current campaign
  await db
    .update(campaigns)
    .set({ status: 'closed' })
    .where(eq(campaigns.countyId, api.demo.countyId));
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyId: api.demo.countyId,
      name: `属性测试换届${runNumber}`,
      tracks: ['P', 'V', 'C'],
      termNumbers: { P: termNumber, V: termNumber, C: termNumber },
      electionDayPlan: 'county',
      electionDay: c.electionDay,
      ordering: 'parallel',
      ruleSetId: ruleSet!.id,
      status: 'running',
      createdBy: admin,
    })
    .returning({ id: campaigns.id });

  // last term's campaign, closed: the elections of it the system holds
  const [previousCampaign] = await db
    .insert(campaigns)
    .values({
      countyId: api.demo.countyId,
      name: `属性测试上届${runNumber}`,
      tracks: ['P', 'V', 'C'],
      termNumbers: { P: termNumber - 1, V: termNumber - 1, C: termNumber - 1 },
      electionDayPlan: 'county',
      electionDay: shiftYears(c.electionDay, -NATIONAL_DEFAULTS.days('term.years')),
      ordering: 'parallel',
      ruleSetId: ruleSet!.id,
      status: 'closed',
      createdBy: admin,
    })
    .returning({ id: campaigns.id });
  const written: Written = {
    units: [],
    previousUnits: [],
    holders: [],
    persons: new Map(),
    termNumber,
  };
  for (const v of c.villages) {
    const regionId = api.demo.regionIds.get(v.key)!;
    const regionPath = api.demo.regionPaths.get(v.key)!;
    const township = v.key.slice(0, 3);
    const made = await db
      .insert(persons)
      .values(
        v.persons.map((p, i) => ({
          regionId,
          regionPath,
          name: `测${runNumber}号${i}`,
          gender: p.gender,
          birthDate: birthDateOf(p.birth, c.electionDay),
          birthPrecision: p.birth.kind === 'month' ? ('month' as const) : ('day' as const),
          ethnicity: p.ethnicity,
          education: p.education,
          politicalStatus: p.politicalStatus,
        })),
      )
      .returning();
    for (const p of made)
      written.persons.set(p.id, {
        id: p.id,
        gender: p.gender,
        birthDate: p.birthDate,
        birthPrecision: p.birthPrecision,
        ethnicity: p.ethnicity,
        education: p.education,
        politicalStatus: p.politicalStatus,
      });
    const personId = (i: number) => made[i]!.id;

    for (const pu of v.previousUnits) {
      const [unit] = await db
        .insert(unitElections)
        .values({ campaignId: previousCampaign!.id, regionId, regionPath, track: pu.track })
        .returning({ id: unitElections.id });
      if (pu.seats)
        await db
          .insert(electionSetups)
          .values({ unitElectionId: unit!.id, regionPath, seats: pu.seats });
      const cands = pu.candidates.map((x) => ({ ...x, personId: personId(x.person) }));
      if (cands.length > 0)
        await db.insert(candidates).values(
          cands.map((x) => ({
            unitElectionId: unit!.id,
            regionPath,
            personId: x.personId,
            post: x.post,
            stage: x.stage,
            nominationSource:
              pu.track === 'P' ? ('party_recommendation' as const) : ('joint_nomination' as const),
          })),
        );
      written.previousUnits.push({ regionId, track: pu.track, seats: pu.seats, candidates: cands });
    }

    for (const h of v.holders) {
      const holder = {
        regionId,
        personId: personId(h.person),
        track: h.track,
        post: h.post,
        termNumber: termNumber - h.termsAgo,
      };
      await db.insert(officeHolders).values({ ...holder, regionPath, source: 'import' });
      written.holders.push({ ...holder, township });
    }

    const bodies: [ElectedTrack, UnitSpec | null][] = [
      ['P', v.party],
      [isCommunity(v.key) ? 'C' : 'V', v.committee],
    ];
    for (const [track, u] of bodies) {
      if (!u) continue;
      const [unit] = await db
        .insert(unitElections)
        .values({ campaignId: campaign!.id, regionId, regionPath, track })
        .returning({ id: unitElections.id });
      const unitElectionId = unit!.id;
      if (u.seats)
        await db.insert(electionSetups).values({ unitElectionId, regionPath, seats: u.seats });
      const cands = u.candidates.map((x) => ({ ...x, personId: personId(x.person) }));
      const candidateIds = new Map<number, number>();
      for (const x of cands) {
        const [row] = await db
          .insert(candidates)
          .values({
            unitElectionId,
            regionPath,
            personId: x.personId,
            post: x.post,
            stage: x.stage,
            nominationSource: track === 'P' ? 'party_recommendation' : 'joint_nomination',
          })
          .returning({ id: candidates.id });
        candidateIds.set(x.personId, row!.id);
      }
      const meetings: WrittenUnit['meetings'] = [];
      if (u.status !== null) {
        const [result] = await db
          .insert(electionResults)
          .values({ unitElectionId, regionPath, status: u.status })
          .returning({ id: electionResults.id });
        for (let seq = 0; seq < u.meetings; seq++) {
          const heldOn = addDays(c.electionDay, u.heldOnShift + seq * 7);
          const voted = seq === 0 ? u.voted : Math.floor(u.voted / 2);
          const counts: MeetingCounts = {
            entitled: u.entitled,
            inPerson: voted - Math.floor(voted / 5) - Math.floor(voted / 7),
            proxy: Math.floor(voted / 5),
            other: Math.floor(voted / 7),
            ballotsIssued: voted,
            ballotsReturned: voted,
            ballotsValid: voted,
            ballotsInvalid: 0,
          };
          const [meeting] = await db
            .insert(electionMeetings)
            .values({
              resultId: result!.id,
              seq,
              round: seq === 0 ? 'regular' : 'runoff',
              heldOn,
              ...counts,
            })
            .returning({ id: electionMeetings.id });
          meetings.push({ heldOn, ...counts });
          // everyone stands in the election meeting; 另行选举 is for those it elects
          const votes = cands.filter((x) => seq === 0 || x.electedIn === 1);
          if (votes.length > 0)
            await db.insert(meetingVotes).values(
              votes.map((x, i) => ({
                meetingId: meeting!.id,
                candidateId: candidateIds.get(x.personId)!,
                post: x.post,
                votesFor: 10 + i,
                elected: x.electedIn === seq,
              })),
            );
        }
      }
      written.units.push({
        township,
        regionId,
        track,
        status: u.status,
        seats: u.seats,
        meetings,
        candidates: cands,
      });
    }
  }
  return written;
}

// ---------------------------------------------------------------- the figures, by the domain

interface PostFigures {
  seats: number;
  nominated: number;
  formal: number;
  members: number;
  previousMembers: number;
  /** Over the units whose previous term's candidates are on record. */
  comparedSeats: number;
  comparedFormal: number;
  previousSeats: number;
  previousFormal: number;
}

interface TrackFigures {
  units: number;
  reported: number;
  approved: number;
  voted: number;
  entitled: number;
  oneTime: number;
  withRunoff: number;
  seatsInCampaign: number;
  formalInCampaign: number;
  seatsReported: number;
  formalReported: number;
  reportedWithRoster: number;
  candidatesCompared: number;
  inPerson: number;
  proxy: number;
  other: number;
  current: BodyComposition;
  previous: BodyComposition;
  /** Members per ethnicity (ethnicityOf; '' for unknown), this term and last. */
  ethnicities: { current: Map<string, number>; previous: Map<string, number> };
  posts: Record<Post, PostFigures>;
}

const sameBody = (a: ElectedTrack, b: ElectedTrack) =>
  (a === 'C' ? 'V' : a) === (b === 'C' ? 'V' : b);
const seatTotal = (s: Partial<Record<Post, number>> | null) =>
  Object.values(s ?? {}).reduce((n, x) => n + x, 0);

function addBody(into: BodyComposition, b: BodyComposition) {
  for (const k of [
    'members',
    'women',
    'partyMembers',
    'minorities',
    'reelected',
    'newcomers',
    'ageKnown',
    'ageExact',
    'ageTotal',
    'ageUncertain',
    'committees',
    'committeesWithWoman',
  ] as const)
    into[k] += b[k];
  b.ageBands.forEach((n, i) => (into.ageBands[i] = (into.ageBands[i] ?? 0) + n));
  for (const [k, n] of Object.entries(b.education)) into.education[k as Education | 'unknown'] += n;
  for (const [k, n] of Object.entries(b.posts)) into.posts[k as Post] += n;
}

/** The figures of some unit elections (one township's, or the county's), from the domain. */
function domainFigures(w: Written, c: Case, units: WrittenUnit[]) {
  const rules = resolveElectionRules(ruleValuesOf(c));
  const bounds = rules.ageBands.value;
  const lastTerm = w.holders.filter((h) => h.termNumber === w.termNumber - 1);
  const toSeats = (u: WrittenUnit): HeldSeat[] =>
    u.candidates
      .filter((x) => x.electedIn !== null)
      .map((x) => ({ personId: x.personId, regionId: u.regionId, track: u.track, post: x.post }));
  /** Last term's holders of a unit's body, counted under the unit's own track. */
  const previousOf = (u: WrittenUnit): HeldSeat[] =>
    lastTerm
      .filter((h) => h.regionId === u.regionId && sameBody(h.track, u.track))
      .map((h) => ({ personId: h.personId, regionId: h.regionId, track: u.track, post: h.post }));
  const composed = (seats: HeldSeat[], asOf: string) =>
    compose({
      seats,
      previousSeats: lastTerm,
      persons: w.persons,
      asOf,
      ageBounds: bounds,
      crossIncludesDual: rules.crossIncludesDual.value,
    });

  const empty = compose({
    seats: [],
    previousSeats: [],
    persons: w.persons,
    asOf: c.electionDay,
    ageBounds: bounds,
    crossIncludesDual: c.crossIncludesDual,
  });
  const tracks = Object.fromEntries(
    (['P', 'V', 'C'] as const).map((t) => [
      t,
      {
        units: 0,
        reported: 0,
        approved: 0,
        voted: 0,
        entitled: 0,
        oneTime: 0,
        withRunoff: 0,
        seatsInCampaign: 0,
        formalInCampaign: 0,
        seatsReported: 0,
        formalReported: 0,
        reportedWithRoster: 0,
        candidatesCompared: 0,
        inPerson: 0,
        proxy: 0,
        other: 0,
        ethnicities: { current: new Map(), previous: new Map() },
        current: structuredClone(empty.bodies[t]),
        previous: structuredClone(empty.bodies[t]),
        posts: Object.fromEntries(
          POSTS.map((p) => [
            p,
            {
              seats: 0,
              nominated: 0,
              formal: 0,
              members: 0,
              previousMembers: 0,
              comparedSeats: 0,
              comparedFormal: 0,
              previousSeats: 0,
              previousFormal: 0,
            },
          ]),
        ) as Record<Post, PostFigures>,
      } satisfies TrackFigures,
    ]),
  ) as Record<ElectedTrack, TrackFigures>;

  const reported = units.filter((u) => isReported(u.status));
  const previousAsOf = shiftYears(c.electionDay, -NATIONAL_DEFAULTS.days('term.years'));
  for (const u of units) {
    const t = tracks[u.track];
    const formal = u.candidates.filter((x) => x.stage === 'formal');
    t.units += 1;
    t.seatsInCampaign += seatTotal(u.seats);
    t.formalInCampaign += formal.length;
    if (!isReported(u.status)) continue;
    t.reported += 1;
    if (u.status === 'approved') t.approved += 1;
    const first = u.meetings[0]!;
    t.voted += votedOf(first);
    t.entitled += first.entitled;
    t.inPerson += first.inPerson;
    t.proxy += first.proxy;
    t.other += first.other;
    // 一次选举成功: every seat filled by the election meeting, no 另行选举
    const electedFirst = u.candidates.filter((x) => x.electedIn === 0).length;
    if (u.meetings.length === 1 && electedFirst === seatTotal(u.seats)) t.oneTime += 1;
    if (u.meetings.length > 1) t.withRunoff += 1;
    t.seatsReported += seatTotal(u.seats);
    t.formalReported += formal.length;
    if (previousOf(u).length > 0) t.reportedWithRoster += 1;
    for (const p of POSTS) {
      t.posts[p].seats += u.seats?.[p] ?? 0;
      t.posts[p].nominated += u.candidates.filter((x) => x.post === p).length;
      t.posts[p].formal += formal.filter((x) => x.post === p).length;
    }
    // last term's election of the same village and body, if its candidates are on record
    const before = w.previousUnits.find(
      (pu) => pu.regionId === u.regionId && sameBody(pu.track, u.track) && pu.candidates.length > 0,
    );
    if (before) {
      t.candidatesCompared += 1;
      for (const p of POSTS) {
        t.posts[p].comparedSeats += u.seats?.[p] ?? 0;
        t.posts[p].comparedFormal += formal.filter((x) => x.post === p).length;
        t.posts[p].previousSeats += before.seats?.[p] ?? 0;
        t.posts[p].previousFormal += before.candidates.filter(
          (x) => x.post === p && x.stage === 'formal',
        ).length;
      }
    }
    // ages on the day of the election meeting
    addBody(t.current, composed(toSeats(u), first.heldOn).bodies[u.track]);
    addBody(t.previous, composed(previousOf(u), previousAsOf).bodies[u.track]);
    for (const [key, seats] of [
      ['current', toSeats(u)],
      ['previous', previousOf(u)],
    ] as const)
      for (const seat of seats) {
        const e = ethnicityOf(w.persons.get(seat.personId)!.ethnicity) ?? '';
        t.ethnicities[key].set(e, (t.ethnicities[key].get(e) ?? 0) + 1);
      }
  }
  for (const t of Object.values(tracks))
    for (const p of POSTS) {
      t.posts[p].members = t.current.posts[p];
      t.posts[p].previousMembers = t.previous.posts[p];
    }
  const links = composed(reported.flatMap(toSeats), c.electionDay);
  const previousLinks = composed(reported.flatMap(previousOf), previousAsOf);
  /** 交叉任职 both ways, whatever the rule set says. */
  const cross = (seats: HeldSeat[], asOf: string) =>
    Object.fromEntries(
      [true, false].map((incl) => [
        String(incl),
        compose({
          seats,
          previousSeats: lastTerm,
          persons: w.persons,
          asOf,
          ageBounds: bounds,
          crossIncludesDual: incl,
        }),
      ]),
    );
  const crossNow = cross(reported.flatMap(toSeats), c.electionDay);
  const crossBefore = cross(reported.flatMap(previousOf), previousAsOf);
  return {
    tracks,
    links,
    previousLinks,
    crossNow,
    crossBefore,
    bounds,
    policy: percentPolicy(rules),
  };
}

// ---------------------------------------------------------------- the same shape as the API's

const R = '{ count denominator text }';
const TRACK_FIELDS = `track units reported ${R} approved ${R} turnout ${R} oneTimeSuccess ${R} withRunoff
  seatsInCampaign formalCandidatesInCampaign seatsReported formalCandidatesReported
  members previousMembers compared comparedWithRoster
  candidatesCompared
  posts { post seatsReported nominated formalCandidates members previousMembers
    previousTerm { units seats formalCandidates previousSeats previousFormalCandidates change } }
  women { current ${R} previous ${R} } partyMembers { current ${R} previous ${R} }
  minorities { current ${R} previous ${R} } womenCoverage { current ${R} previous ${R} }
  reelected ${R} newcomers ${R} averageAge previousAverageAge ageUncertain
  ageBands { label ratio ${R} } education { label ratio ${R} }
  ethnicities { ethnicity label minority members { current ${R} previous ${R} } }
  votingModes { mode ofEntitled ${R} ofVoted ${R} }`;
const VIEW_FIELDS = `villages tracks { ${TRACK_FIELDS} }
  dualRole { current ${R} previous ${R} } crossAppointed { current ${R} previous ${R} }
  crossAppointedWithDual { current ${R} previous ${R} } crossAppointedWithoutDual { current ${R} previous ${R} }
  villagesWithBothBodies { current ${R} previous ${R} }`;
const STATS = `query($r: ID!) { electionStatistics(regionId: $r) { ${VIEW_FIELDS} children { name ${VIEW_FIELDS} } } }`;

interface View {
  villages: number;
  tracks: { ethnicities: { label: string }[] }[];
  dualRole: unknown;
  crossAppointed: unknown;
  crossAppointedWithDual: unknown;
  crossAppointedWithoutDual: unknown;
  villagesWithBothBodies: unknown;
}

/** The order of the ethnicity rows is presentation: compare them by label. */
function byLabel<V extends View>(v: V): V {
  return {
    ...v,
    tracks: v.tracks.map((t) => ({
      ...t,
      ethnicities: [...t.ethnicities].sort((a, b) =>
        a.label < b.label ? -1 : a.label > b.label ? 1 : 0,
      ),
    })),
  };
}

function expectedView(w: Written, c: Case, units: WrittenUnit[]): View {
  const { tracks, links, previousLinks, crossNow, crossBefore, bounds, policy } = domainFigures(
    w,
    c,
    units,
  );
  const r = (count: number, den: number, p: PercentPolicy = policy) => {
    const { text } = ratio(count, den, p);
    return { count, denominator: den, text };
  };
  const average = (b: BodyComposition) =>
    b.ageExact === 0 ? null : (Math.round((b.ageTotal * 10) / b.ageExact) / 10).toFixed(1);
  const change = (pick: (b: BodyComposition) => number, t: TrackFigures) => ({
    current: r(pick(t.current), t.current.members),
    previous: r(pick(t.previous), t.previous.members),
  });
  const crossOf = (l: typeof links) => l.crossPersons;
  const villages = new Set(units.map((u) => u.regionId)).size;
  const crossRate = (incl: 'true' | 'false') => ({
    current: r(crossNow[incl]!.crossPersons, crossNow[incl]!.personsInBoth),
    previous: r(crossBefore[incl]!.crossPersons, crossBefore[incl]!.personsInBoth),
  });
  return {
    villages,
    tracks: (['P', 'V', 'C'] as const)
      .filter((track) => tracks[track].units > 0)
      .map((track) => {
        const t = tracks[track];
        return {
          track,
          units: t.units,
          reported: r(t.reported, t.units),
          approved: r(t.approved, t.units),
          turnout: r(t.voted, t.entitled),
          oneTimeSuccess: r(t.oneTime, t.reported),
          withRunoff: t.withRunoff,
          seatsInCampaign: t.seatsInCampaign,
          formalCandidatesInCampaign: t.formalInCampaign,
          seatsReported: t.seatsReported,
          formalCandidatesReported: t.formalReported,
          members: t.current.members,
          previousMembers: t.previous.members,
          compared: t.reported,
          comparedWithRoster: t.reportedWithRoster,
          candidatesCompared: t.candidatesCompared,
          posts: postsOf(track).map((post) => {
            const x = t.posts[post];
            return {
              post,
              seatsReported: x.seats,
              nominated: x.nominated,
              formalCandidates: x.formal,
              members: x.members,
              previousMembers: x.previousMembers,
              previousTerm:
                t.candidatesCompared === 0
                  ? null
                  : {
                      units: t.candidatesCompared,
                      seats: x.comparedSeats,
                      formalCandidates: x.comparedFormal,
                      previousSeats: x.previousSeats,
                      previousFormalCandidates: x.previousFormal,
                      change: x.comparedFormal - x.previousFormal,
                    },
            };
          }),
          women: change((b) => b.women, t),
          partyMembers: change((b) => b.partyMembers, t),
          minorities: change((b) => b.minorities, t),
          womenCoverage: {
            current: r(t.current.committeesWithWoman, t.current.committees),
            previous: r(t.previous.committeesWithWoman, t.previous.committees),
          },
          reelected: r(t.current.reelected, t.current.members),
          newcomers: r(t.current.newcomers, t.current.members),
          averageAge: average(t.current),
          ageUncertain: t.current.ageUncertain,
          previousAverageAge: average(t.previous),
          ageBands: ageBandLabels(bounds).map((label, i) => ({
            label,
            ratio: r(t.current.ageBands[i] ?? 0, t.current.ageKnown),
          })),
          education: [...EDUCATION_LEVELS, 'unknown' as const].map((e) => ({
            label: e === 'unknown' ? '未填写' : EDUCATION_LABEL[e],
            ratio: r(t.current.education[e], t.current.members),
          })),
          ethnicities: [
            ...new Set([...t.ethnicities.current.keys(), ...t.ethnicities.previous.keys()]),
          ]
            .map((e) => ({
              ethnicity: e === '' ? null : e,
              label: e === '' ? '未填写' : e,
              minority: isMinority(e),
              members: {
                current: r(t.ethnicities.current.get(e) ?? 0, t.current.members),
                previous: r(t.ethnicities.previous.get(e) ?? 0, t.previous.members),
              },
            }))
            .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
          votingModes: (
            [
              ['in_person', t.inPerson],
              ['proxy', t.proxy],
              ['other', t.other],
            ] as const
          ).map(([mode, n]) => ({ mode, ofEntitled: r(n, t.entitled), ofVoted: r(n, t.voted) })),
        };
      }),
    dualRole: {
      current: r(links.dualRoleVillages, links.villagesWithBoth),
      previous: r(previousLinks.dualRoleVillages, previousLinks.villagesWithBoth),
    },
    crossAppointed: {
      current: r(crossOf(links), links.personsInBoth),
      previous: r(crossOf(previousLinks), previousLinks.personsInBoth),
    },
    crossAppointedWithDual: crossRate('true'),
    crossAppointedWithoutDual: crossRate('false'),
    villagesWithBothBodies: {
      current: r(links.villagesWithBoth, villages),
      previous: r(previousLinks.villagesWithBoth, villages),
    },
  };
}

// ---------------------------------------------------------------- the property

describe('statistics: the SQL and the domain agree on random elections', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    token = await api.login('county.leader', 'county');
    for (const key of VILLAGE_KEYS) {
      const level = api.demoPlan.regions.find((r) => r.key === key)?.level;
      expect(level, key).toBe(isCommunity(key) ? 'community' : 'village');
    }
  });
  afterAll(() => api.close());

  it('every figure of the county and of each township equals the domain’s over the same records', async () => {
    const townships = api.demoPlan.regions.filter((r) => r.level === 'township');
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const written = await writeCase(api, c);
        const res = await api.gql<{
          electionStatistics: View & { children: (View & { name: string })[] };
        }>(STATS, { r: api.regionGid('c') }, { token });
        expect(res.errors).toBeUndefined();
        const { children, ...county } = res.data!.electionStatistics;
        expect(byLabel(county)).toEqual(expectedView(written, c, written.units));
        const byName = Object.fromEntries(children.map(({ name, ...v }) => [name, byLabel(v)]));
        for (const t of townships) {
          expect(byName[t.name], t.name).toEqual(
            expectedView(
              written,
              c,
              written.units.filter((u) => u.township === t.key),
            ),
          );
        }
      }),
      {
        numRuns: 25,
        seed: 20261207,
        // a failure is reported with the smallest case found so far, within the test's timeout
        interruptAfterTimeLimit: 60_000,
      },
    );
  }, 150_000);
});
