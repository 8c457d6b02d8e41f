import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignExclusions,
  campaigns,
  candidates,
  electionSetups,
  electionMeetings,
  electionResults,
  meetingVotes,
  officeHolders,
  persons,
  ruleSets,
  unitElections,
  vettingAnswers,
} from '@huanjie/db';
import type { HeldSeat, PersonFacts } from '@huanjie/domain';
import { compose, resolveElectionRules } from '@huanjie/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import {
  MUTATION_RESULT,
  createElectionFixture,
  prepareElection,
} from '../../../test/elections-fixture.js';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, refusal, startTestApi } from '../../../test/harness.js';

const STATS = `query($r: ID!) { electionStatistics(regionId: $r) {
  name villages villagesInRegion excludedVillages { name reason }
  tracks { track units reported { count denominator text } turnout { count denominator text } oneTimeSuccess { count denominator text }
    seatsReported formalCandidatesReported seatsInCampaign formalCandidatesInCampaign candidateRatio
    members previousMembers compared comparedWithRoster
    posts { post label seatsReported nominated failedVetting formalCandidates candidateRatio members previousMembers }
    women { current { count denominator text } previous { count denominator } changeText }
    womenCoverage { current { count denominator } }
    partyMembers { current { count denominator } } minorities { current { count } }
    reelected { count denominator text } newcomers { count denominator }
    averageAge ageBands { label ratio { count denominator } } education { label ratio { count } } }
  dualRole { current { count denominator text } previous { count denominator } changeText }
  crossAppointed { current { count denominator text } }
  children { name villages tracks { track reported { count } members } }
} }`;
const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const REVIEW = `mutation($u: ID!) { reviewResult(unitId: $u, decision: approve) { __typename } }`;

interface Ratio {
  count: number;
  denominator: number;
  text: string;
}
interface Track {
  track: string;
  units: number;
  reported: Ratio;
  turnout: Ratio;
  oneTimeSuccess: Ratio;
  seatsReported: number;
  formalCandidatesReported: number;
  seatsInCampaign: number;
  formalCandidatesInCampaign: number;
  candidateRatio: string | null;
  members: number;
  previousMembers: number;
  compared: number;
  comparedWithRoster: number;
  posts: {
    post: string;
    label: string;
    seatsReported: number;
    nominated: number;
    failedVetting: number;
    formalCandidates: number;
    candidateRatio: string | null;
    members: number;
    previousMembers: number;
  }[];
  women: { current: Ratio; previous: Ratio; changeText: string };
  womenCoverage: { current: Ratio };
  partyMembers: { current: Ratio };
  minorities: { current: Ratio };
  reelected: Ratio;
  newcomers: Ratio;
  averageAge: string | null;
  ageBands: { label: string; ratio: Ratio }[];
  education: { label: string; ratio: Ratio }[];
}
interface Stats {
  name: string;
  villages: number;
  villagesInRegion: number;
  excludedVillages: { name: string; reason: string }[];
  tracks: Track[];
  dualRole: { current: Ratio; previous: Ratio; changeText: string };
  crossAppointed: { current: Ratio };
  children: {
    name: string;
    villages: number;
    tracks: { track: string; reported: Ratio; members: number }[];
  }[];
}

describe('election statistics', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  let county: string;

  const stats = async (key: string, token = county) =>
    (await api.gql<{ electionStatistics: Stats }>(STATS, { r: api.regionGid(key) }, { token }))
      .data!.electionStatistics;

  async function elect(
    key: string,
    track: 'P' | 'V',
    names: [string, string, 'female' | 'male'][],
    votes: number[],
    runoff?: number[],
  ) {
    const clerk = await api.login(`vil${key.slice(1, 3)}${key.slice(4)}.clerk`, 'village');
    const unit = fx.units.get(`${key}/${track}`)!;
    const seats: Record<string, number> =
      track === 'P' ? { secretary: 1, member: 3 } : { chair: 1, member: 2 };
    const ids = await prepareElection(
      api.gql,
      clerk,
      unit,
      fx,
      seats,
      names.map(([name, post, gender]) => ({ name, post, gender })),
    );
    const counts = {
      heldOn: fx.electionDay,
      entitled: 95,
      inPerson: 80,
      proxy: 0,
      other: 0,
      ballotsIssued: 80,
      ballotsReturned: 80,
      ballotsValid: 80,
      ballotsInvalid: 0,
    };
    const meetings = [
      {
        ...counts,
        round: 'regular',
        votes: names.map(([n], i) => ({ candidateId: ids.get(n), votesFor: votes[i] })),
      },
    ];
    if (runoff) {
      meetings.push({
        ...counts,
        round: 'runoff',
        votes: names.flatMap(([n], i) =>
          runoff[i]! >= 0 ? [{ candidateId: ids.get(n), votesFor: runoff[i]! }] : [],
        ),
      });
    }
    const res = await api.gql<{ submitResult: { __typename: string } }>(
      SUBMIT,
      { u: unit, s: { meetings }, k: `stats-${key}-${track}-${Date.now()}` },
      { token: clerk },
    );
    expect(res.data?.submitResult.__typename, JSON.stringify(res.data)).toBe('ElectionUnit');
    return unit;
  }

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v005', 't01v006', 't01v009', 't02v003']);
    county = await api.login('county.leader', 'county');
    // The previous term of t01v005: 王芳 chaired the committee, 赵刚 sat on it, 李梅 was party secretary.
    const db = api.database.db;
    const v5 = api.demo.regionIds.get('t01v005')!;
    const path5 = api.demo.regionPaths.get('t01v005')!;
    const made = await db
      .insert(persons)
      .values([
        {
          regionId: v5,
          regionPath: path5,
          name: '王芳',
          gender: 'female',
          birthDate: '1980-05-01',
          politicalStatus: 'party_member',
          education: 'high_school',
        },
        {
          regionId: v5,
          regionPath: path5,
          name: '赵刚',
          gender: 'male',
          birthDate: '1960-02-01',
          politicalStatus: 'masses',
          education: 'junior_high',
        },
        {
          regionId: v5,
          regionPath: path5,
          name: '李梅',
          gender: 'female',
          birthDate: '1970-02-01',
          politicalStatus: 'party_member',
          education: 'college',
        },
      ])
      .returning({ id: persons.id, name: persons.name });
    const pid = (n: string) => made.find((p) => p.name === n)!.id;
    await db.insert(officeHolders).values([
      {
        personId: pid('王芳'),
        regionId: v5,
        regionPath: path5,
        track: 'V',
        post: 'chair',
        termNumber: 11,
        source: 'import',
      },
      {
        personId: pid('赵刚'),
        regionId: v5,
        regionPath: path5,
        track: 'V',
        post: 'member',
        termNumber: 11,
        source: 'import',
      },
      {
        personId: pid('李梅'),
        regionId: v5,
        regionPath: path5,
        track: 'P',
        post: 'secretary',
        termNumber: 11,
        source: 'import',
      },
    ]);
  });
  afterAll(() => api.close());

  it('counts nothing before any result is reported, with the denominators shown', async () => {
    const s = await stats('t01');
    const v = s.tracks.find((t) => t.track !== 'P' && t.units > 0)!;
    expect(v.reported.text).toBe('0.0%');
    expect(v.turnout).toEqual({ count: 0, denominator: 0, text: '—' });
    // nothing reported, so nothing of the previous term is compared either
    expect(s.dualRole.previous).toEqual({ count: 0, denominator: 0 });
    expect(v.previousMembers).toBe(0);
    expect(v.compared).toBe(0);
  });

  it('derives composition, 一肩挑, 连任 and turnout from the records, and the county figures change on each submission', async () => {
    // t01v005: 王芳 wins V chair and P secretary (一肩挑), was V chair last term (连任).
    const v5 = await elect(
      't01v005',
      'V',
      [
        ['王芳', 'chair', 'female'],
        ['李强', 'chair', 'male'],
        ['张伟', 'member', 'male'],
        ['刘洋', 'member', 'male'],
        ['陈静', 'member', 'female'],
      ],
      [60, 20, 70, 50, 30],
    );
    const before = await stats('c');
    const p5 = await elect(
      't01v005',
      'P',
      [
        ['王芳', 'secretary', 'female'],
        ['吴敏', 'member', 'female'],
        ['郑涛', 'member', 'male'],
        ['孙丽', 'member', 'female'],
        ['马超', 'member', 'male'],
      ],
      [70, 60, 55, 50, 10],
    );
    // t01v006: one member seat is filled by 另行选举.
    await elect(
      't01v006',
      'V',
      [
        ['黄磊', 'chair', 'male'],
        ['丁一', 'chair', 'male'],
        ['钱多', 'member', 'male'],
        ['孔丽', 'member', 'female'],
        ['杨帆', 'member', 'male'],
      ],
      [50, 30, 60, 35, 30],
      [-1, -1, -1, 40, 30],
    );

    const after = await stats('c');
    expect(after).not.toEqual(before);
    const t01 = await stats('t01');
    const p = t01.tracks.find((t) => t.track === 'P')!;
    // Sums over the children are the totals
    expect(t01.children.reduce((s, c) => s + c.villages, 0)).toBe(t01.villages);
    for (const track of t01.tracks) {
      expect(
        t01.children.reduce(
          (s, c) => s + (c.tracks.find((x) => x.track === track.track)?.members ?? 0),
          0,
        ),
      ).toBe(track.members);
    }
    // (counts depend on whether t01v005/6 are villages (V) or communities (C); both are V/C "committee" tracks)
    const committeeReported = t01.tracks
      .filter((t) => t.track !== 'P')
      .reduce((s, t) => s + t.reported.count, 0);
    expect(committeeReported).toBe(2);
    expect(p.reported).toMatchObject({ count: 1 });
    expect(p.members).toBe(4);
    expect(p.women.current).toMatchObject({ count: 3, denominator: 4, text: '75.0%' });
    expect(t01.dualRole.current).toMatchObject({ count: 1, denominator: 1, text: '100.0%' });
    expect(t01.dualRole.previous).toMatchObject({ count: 0, denominator: 1 });
    expect(t01.dualRole.changeText).toBe('+100.0个百分点');
    const committees = t01.tracks.filter((t) => t.track !== 'P');
    const members = committees.reduce((s, t) => s + t.members, 0);
    expect(members).toBe(6);
    expect(committees.reduce((s, t) => s + t.oneTimeSuccess.count, 0)).toBe(1);
    expect(committees.reduce((s, t) => s + t.turnout.count, 0)).toBe(160);
    expect(committees.reduce((s, t) => s + t.reelected.count, 0)).toBe(1);
    for (const t of t01.tracks) {
      expect(t.ageBands.reduce((s, b) => s + b.ratio.count, 0)).toBe(t.members);
      expect(t.education.reduce((s, b) => s + b.ratio.count, 0)).toBe(t.members);
      expect(t.reelected.count + t.newcomers.count).toBe(t.members);
    }
    expect(committees.map((t) => t.candidateRatio)).toContain('1.67:1');

    // Township approval does not change what was reported; it is counted as approved.
    const coordinator = await api.login('town01.coordinator', 'township');
    for (const u of [v5, p5]) await api.gql(REVIEW, { u }, { token: coordinator });
  });

  it('counts every figure over the reported units only, and compares them with the same units last term', async () => {
    // t01v009 takes part but has not reported: seats and formal candidates set, a previous roster
    // in which 周军 held both posts.
    const db = api.database.db;
    const v9 = api.demo.regionIds.get('t01v009')!;
    const path9 = api.demo.regionPaths.get('t01v009')!;
    const [zhou] = await db
      .insert(persons)
      .values({
        regionId: v9,
        regionPath: path9,
        name: '周军',
        gender: 'male',
        birthDate: '1965-03-01',
        politicalStatus: 'party_member',
      })
      .returning({ id: persons.id });
    for (const track of ['P', 'V'] as const) {
      await db.insert(officeHolders).values({
        personId: zhou!.id,
        regionId: v9,
        regionPath: path9,
        track,
        post: track === 'P' ? 'secretary' : 'chair',
        termNumber: 11,
        source: 'import',
      });
    }
    const clerk = await api.login('vil01009.clerk', 'village');
    await prepareElection(api.gql, clerk, fx.units.get('t01v009/V')!, fx, { chair: 1, member: 2 }, [
      { name: '周文', post: 'chair' },
      { name: '吴华', post: 'member' },
      { name: '冯军', post: 'member' },
      { name: '陈红', post: 'member' },
    ]);
    // one of t01v005's committee nominees failed 资格联审 with a department
    const [failed] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .innerJoin(persons, eq(persons.id, candidates.personId))
      .where(
        and(eq(persons.name, '李强'), eq(persons.regionId, api.demo.regionIds.get('t01v005')!)),
      );
    await db.insert(vettingAnswers).values({
      candidateId: failed!.id,
      department: '复核',
      result: 'fail',
      enteredBy: api.demo.userIds.get('county.admin')!,
    });
    // a village of t01 left out of the campaign
    const excluded = api.demoPlan.regions.find(
      (r) => r.key.startsWith('t01v') && !['t01v005', 't01v006', 't01v009'].includes(r.key),
    )!;
    await db.insert(campaignExclusions).values({
      campaignId: fx.campaignId,
      regionId: api.demo.regionIds.get(excluded.key)!,
      regionPath: api.demo.regionPaths.get(excluded.key)!,
      reason: '撤并中',
      createdBy: api.demo.userIds.get('county.admin')!,
    });

    const t01 = await stats('t01');
    const committees = t01.tracks.filter((t) => t.track !== 'P');
    const sum = (pick: (t: Track) => number) => committees.reduce((n, t) => n + pick(t), 0);
    const p = t01.tracks.find((t) => t.track === 'P')!;
    // 已上报 2 / 3 committees, 1 / 3 party organisations
    expect([sum((t) => t.reported.count), sum((t) => t.reported.denominator)]).toEqual([2, 3]);
    expect([p.reported.count, p.reported.denominator]).toEqual([1, 3]);
    // candidates per seat: the reported units' 10 formal candidates over their 6 seats
    expect([sum((t) => t.formalCandidatesReported), sum((t) => t.seatsReported)]).toEqual([10, 6]);
    expect([sum((t) => t.formalCandidatesInCampaign), sum((t) => t.seatsInCampaign)]).toEqual([
      14, 9,
    ]);
    for (const t of committees) if (t.reported.count > 0) expect(t.candidateRatio).toBe('1.67:1');
    // last term: only the reported villages' holders (王芳, 赵刚; 李梅), not 周军 of t01v009
    expect(sum((t) => t.previousMembers)).toBe(2);
    expect(p.previousMembers).toBe(1);
    expect([sum((t) => t.compared), sum((t) => t.comparedWithRoster)]).toEqual([2, 1]);
    expect([p.compared, p.comparedWithRoster]).toEqual([1, 1]);
    expect(t01.dualRole.previous).toEqual({ count: 0, denominator: 1 });
    // per post, over the reported units
    const chair = committees.flatMap((t) => t.posts).filter((x) => x.post === 'chair');
    expect(chair.reduce((n, x) => n + x.seatsReported, 0)).toBe(2);
    expect(chair.reduce((n, x) => n + x.nominated, 0)).toBe(4);
    expect(chair.reduce((n, x) => n + x.failedVetting, 0)).toBe(1);
    expect(chair.reduce((n, x) => n + x.members, 0)).toBe(2);
    expect(chair.reduce((n, x) => n + x.previousMembers, 0)).toBe(1);
    expect(p.posts.map((x) => [x.label, x.seatsReported, x.formalCandidates, x.members])).toEqual([
      ['书记', 1, 1, 1],
      ['副书记', 0, 0, 0],
      ['委员', 3, 4, 3],
    ]);
    expect(p.posts[2]!.candidateRatio).toBe('1.33:1');
    // villages: those in the campaign, the excluded one named apart
    expect(t01.villages).toBe(3);
    expect(t01.excludedVillages).toEqual([{ name: excluded.name, reason: '撤并中' }]);
    expect(t01.villagesInRegion).toBeGreaterThan(t01.villages + 1);
  });

  it('takes the previous term’s ages one term before election day, the term from the rule set', async () => {
    const db = api.database.db;
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, fx.campaignId));
    const ruleSetId = campaign!.ruleSetId;
    const [set] = await db.select().from(ruleSets).where(eq(ruleSets.id, ruleSetId));
    const previousAge = async () =>
      (
        await api.gql<{
          electionStatistics: { tracks: { track: string; previousAverageAge: string | null }[] };
        }>(
          `query($r: ID!) { electionStatistics(regionId: $r) { tracks { track previousAverageAge } } }`,
          { r: api.regionGid('t01v005') },
          { token: county },
        )
      ).data!.electionStatistics.tracks.find((t) => t.track === 'P')!.previousAverageAge;
    // 李梅, born 1970-02-01, last term's secretary: her age `years` before election day
    const [y, m] = fx.electionDay.split('-').map(Number) as [number, number];
    const ageYearsBefore = (years: number) => (y - years - 1970 - (m < 2 ? 1 : 0)).toFixed(1);
    expect(await previousAge()).toBe(ageYearsBefore(5));
    await db
      .update(ruleSets)
      .set({ values: { ...set!.values, 'term.years': { value: 3, citation: '测试：三年一届' } } })
      .where(eq(ruleSets.id, ruleSetId));
    try {
      expect(await previousAge()).toBe(ageYearsBefore(3));
    } finally {
      await db.update(ruleSets).set({ values: set!.values }).where(eq(ruleSets.id, ruleSetId));
    }
  });

  it('gives the same composition as the domain’s compose() over the same records', async () => {
    const db = api.database.db;
    const rows = await db
      .select({
        personId: candidates.personId,
        post: meetingVotes.post,
        regionId: unitElections.regionId,
        track: unitElections.track,
      })
      .from(meetingVotes)
      .innerJoin(electionMeetings, eq(electionMeetings.id, meetingVotes.meetingId))
      .innerJoin(electionResults, eq(electionResults.id, electionMeetings.resultId))
      .innerJoin(unitElections, eq(unitElections.id, electionResults.unitElectionId))
      .innerJoin(candidates, eq(candidates.id, meetingVotes.candidateId))
      .where(
        and(
          eq(meetingVotes.elected, true),
          inArray(electionResults.status, ['submitted', 'approved']),
        ),
      );
    const seats: HeldSeat[] = rows.map((r) => ({
      personId: r.personId,
      post: r.post,
      regionId: r.regionId,
      track: r.track as HeldSeat['track'],
    }));
    const previous = (await db.select().from(officeHolders)).map((o) => ({
      personId: o.personId,
      post: o.post,
      regionId: o.regionId,
      track: o.track,
    }));
    const people = await db.select().from(persons);
    const map = new Map<number, PersonFacts>(
      people.map((p) => [
        p.id,
        {
          id: p.id,
          gender: p.gender,
          birthDate: p.birthDate,
          ethnicity: p.ethnicity,
          education: p.education,
          politicalStatus: p.politicalStatus,
        },
      ]),
    );
    const rules = resolveElectionRules();
    const c = compose({
      seats,
      previousSeats: previous,
      persons: map,
      asOf: fx.electionDay,
      ageBounds: rules.ageBands.value,
      crossIncludesDual: true,
    });
    const s = await stats('c');
    const bodies = { P: c.bodies.P, V: c.bodies.V, C: c.bodies.C };
    for (const t of s.tracks) {
      const b = bodies[t.track as 'P' | 'V' | 'C'];
      expect([
        t.members,
        t.women.current.count,
        t.partyMembers.current.count,
        t.minorities.current.count,
        t.reelected.count,
      ]).toEqual([b.members, b.women, b.partyMembers, b.minorities, b.reelected]);
      expect(t.ageBands.map((x) => x.ratio.count)).toEqual(b.ageBands);
      expect(t.womenCoverage.current).toMatchObject({
        count: b.committeesWithWoman,
        denominator: b.committees,
      });
    }
    expect([s.dualRole.current.count, s.dualRole.current.denominator]).toEqual([
      c.dualRoleVillages,
      c.villagesWithBoth,
    ]);
    expect([s.crossAppointed.current.count, s.crossAppointed.current.denominator]).toEqual([
      c.crossPersons,
      c.personsInBoth,
    ]);
  });

  const FIGURES = `query($r: ID!) { electionStatistics(regionId: $r) {
    tracks { track members previousMembers candidatesCompared
      ethnicities { ethnicity label minority members { current { count denominator text } previous { count denominator } } }
      votingModes { mode label ofEntitled { count denominator } ofVoted { count denominator } }
      posts { post seatsReported formalCandidates previousTerm { units seats formalCandidates candidateRatio previousSeats previousFormalCandidates previousCandidateRatio change } } }
    villagesWithBothBodies { current { count denominator } previous { count denominator } }
    crossAppointed { current { count denominator } }
    crossAppointedWithDual { current { count denominator } previous { count denominator } }
    crossAppointedWithoutDual { current { count denominator } previous { count denominator } }
  } }`;
  interface FigureRatio {
    count: number;
    denominator: number;
    text?: string;
  }
  interface FigureTrack {
    track: string;
    members: number;
    previousMembers: number;
    candidatesCompared: number;
    ethnicities: {
      ethnicity: string | null;
      label: string;
      minority: boolean;
      members: { current: FigureRatio; previous: FigureRatio };
    }[];
    votingModes: { mode: string; label: string; ofEntitled: FigureRatio; ofVoted: FigureRatio }[];
    posts: {
      post: string;
      seatsReported: number;
      formalCandidates: number;
      previousTerm: {
        units: number;
        seats: number;
        formalCandidates: number;
        candidateRatio: string | null;
        previousSeats: number;
        previousFormalCandidates: number;
        previousCandidateRatio: string | null;
        change: number;
      } | null;
    }[];
  }
  interface Figures {
    tracks: FigureTrack[];
    villagesWithBothBodies: { current: FigureRatio; previous: FigureRatio };
    crossAppointed: { current: FigureRatio };
    crossAppointedWithDual: { current: FigureRatio; previous: FigureRatio };
    crossAppointedWithoutDual: { current: FigureRatio; previous: FigureRatio };
  }
  const figures = async (key: string) => {
    const res = await api.gql<{ electionStatistics: Figures }>(
      FIGURES,
      { r: api.regionGid(key) },
      { token: county },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.electionStatistics;
  };
  /** The same figure summed over the village committees (V) and community committees (C). */
  const committeesOf = (f: Figures) => f.tracks.filter((t) => t.track !== 'P');

  const personNamed = async (key: string, name: string) => {
    const [row] = await api.database.db
      .select({ id: persons.id })
      .from(persons)
      .where(and(eq(persons.name, name), eq(persons.regionId, api.demo.regionIds.get(key)!)));
    return row!.id;
  };

  it('counts members by ethnicity, 汉族 and each minority named, this term and last over the same villages', async () => {
    const db = api.database.db;
    const set = async (name: string, ethnicity: string) =>
      db
        .update(persons)
        .set({ ethnicity })
        .where(eq(persons.id, await personNamed('t01v005', name)));
    await set('吴敏', '彝族'); // P member of t01v005
    await set('陈静', '回族\u3000'); // stood for t01v005's committee, not elected
    await set('刘洋', ' 回族'); // t01v005 committee member
    await set('张伟', ''); // not entered
    await set('赵刚', '彝族'); // last term's committee member of t01v005
    const f = await figures('t01');
    const p = f.tracks.find((t) => t.track === 'P')!;
    expect(
      p.ethnicities.map((e) => [
        e.label,
        e.minority,
        e.members.current.count,
        e.members.current.denominator,
      ]),
    ).toEqual([
      ['汉族', false, 3, 4],
      ['彝族', true, 1, 4],
    ]);
    expect(p.ethnicities[0]!.members.previous).toEqual({ count: 1, denominator: 1 });
    expect(p.ethnicities[1]!.members.current.text).toBe('25.0%');
    // committees of t01v005 (王芳, 张伟, 刘洋) and t01v006 (黄磊, 钱多, 孔丽); last term 王芳, 赵刚
    const byLabel = new Map<string, [number, number, number, number]>();
    for (const t of committeesOf(f))
      for (const e of t.ethnicities) {
        const [a, b, c, d] = byLabel.get(e.label) ?? [0, 0, 0, 0];
        byLabel.set(e.label, [
          a + e.members.current.count,
          b + e.members.current.denominator,
          c + e.members.previous.count,
          d + e.members.previous.denominator,
        ]);
      }
    const members = committeesOf(f).reduce((n, t) => n + t.members, 0);
    const previous = committeesOf(f).reduce((n, t) => n + t.previousMembers, 0);
    expect([members, previous]).toEqual([6, 2]);
    expect(Object.fromEntries([...byLabel].map(([k, [c, , pc]]) => [k, [c, pc]]))).toEqual({
      汉族: [4, 1],
      回族: [1, 0],
      彝族: [0, 1],
      未填写: [1, 0],
    });
    const last = committeesOf(f).flatMap((t) => t.ethnicities.map((e) => e.ethnicity));
    expect(last[last.length - 1]).toBeNull();
  });

  it('counts voting modes of the election meeting of reported results, of registered and of voted', async () => {
    const db = api.database.db;
    // t01v006's committee: its election meeting had 60 in person, 10 by proxy, 10 at the mobile
    // box; its 另行选举 (not counted) 30 at the mobile box
    const [unit] = await db
      .select({ id: unitElections.id })
      .from(unitElections)
      .where(
        and(
          eq(unitElections.campaignId, fx.campaignId),
          eq(unitElections.regionId, api.demo.regionIds.get('t01v006')!),
        ),
      );
    const [result] = await db
      .select({ id: electionResults.id })
      .from(electionResults)
      .where(eq(electionResults.unitElectionId, unit!.id));
    await db
      .update(electionMeetings)
      .set({ inPerson: 60, proxy: 10, other: 10 })
      .where(and(eq(electionMeetings.resultId, result!.id), eq(electionMeetings.seq, 0)));
    await db
      .update(electionMeetings)
      .set({ inPerson: 50, proxy: 0, other: 30 })
      .where(and(eq(electionMeetings.resultId, result!.id), eq(electionMeetings.seq, 1)));
    const f = await figures('t01');
    const sum = (mode: string, pick: (t: FigureTrack['votingModes'][number]) => FigureRatio) =>
      committeesOf(f).reduce(
        (n, t) => {
          const r = pick(t.votingModes.find((m) => m.mode === mode)!);
          return [n[0]! + r.count, n[1]! + r.denominator];
        },
        [0, 0],
      );
    // two committees reported: 95 + 95 registered, 80 + 80 voted
    expect(sum('in_person', (m) => m.ofEntitled)).toEqual([140, 190]);
    expect(sum('in_person', (m) => m.ofVoted)).toEqual([140, 160]);
    expect(sum('proxy', (m) => m.ofVoted)).toEqual([10, 160]);
    expect(sum('other', (m) => m.ofEntitled)).toEqual([10, 190]);
    const p = f.tracks.find((t) => t.track === 'P')!;
    expect(
      p.votingModes.map((m) => [m.label, m.ofEntitled.count, m.ofEntitled.denominator]),
    ).toEqual([
      ['本人投票', 80, 95],
      ['委托投票', 0, 95],
      ['流动票箱等其他方式', 0, 95],
    ]);
  });

  it('compares candidates per post with the previous term only where its candidates are on record', async () => {
    const db = api.database.db;
    const before = await figures('t01');
    for (const t of before.tracks) {
      expect(t.candidatesCompared).toBe(0);
      for (const post of t.posts) expect(post.previousTerm).toBeNull();
    }
    // the 11th term's campaign: t01v005's committee had 1 formal candidate for chair and 3 for 2
    // member seats; t01v006's committee election has no candidates on record; t01v009 (not
    // reported this term) had candidates
    const [ruleSet] = await db
      .select({ id: campaigns.ruleSetId })
      .from(campaigns)
      .where(eq(campaigns.id, fx.campaignId));
    const [old] = await db
      .insert(campaigns)
      .values({
        countyId: api.demo.countyId,
        name: '2021年村(社区)两委换届',
        tracks: ['P', 'V', 'C'],
        termNumbers: { P: 11, V: 11, C: 11 },
        electionDayPlan: 'county',
        electionDay: '2021-03-01',
        ordering: 'parallel',
        ruleSetId: ruleSet!.id,
        status: 'closed',
        createdBy: api.demo.userIds.get('county.admin')!,
      })
      .returning({ id: campaigns.id });
    const oldUnit = async (
      key: string,
      seats: Record<string, number>,
      cands: [string, string][],
    ) => {
      const [current] = await db
        .select({ track: unitElections.track })
        .from(unitElections)
        .where(
          and(
            eq(unitElections.campaignId, fx.campaignId),
            eq(unitElections.regionId, api.demo.regionIds.get(key)!),
            inArray(unitElections.track, ['V', 'C']),
          ),
        );
      const regionPath = api.demo.regionPaths.get(key)!;
      const [unit] = await db
        .insert(unitElections)
        .values({
          campaignId: old!.id,
          regionId: api.demo.regionIds.get(key)!,
          regionPath,
          track: current!.track,
        })
        .returning({ id: unitElections.id });
      await db.insert(electionSetups).values({ unitElectionId: unit!.id, regionPath, seats });
      for (const [name, post] of cands)
        await db.insert(candidates).values({
          unitElectionId: unit!.id,
          regionPath,
          personId: await personNamed(key, name),
          post: post as 'chair' | 'member',
          stage: 'formal',
          nominationSource: 'joint_nomination',
        });
    };
    await oldUnit('t01v005', { chair: 1, member: 2 }, [
      ['王芳', 'chair'],
      ['赵刚', 'member'],
      ['张伟', 'member'],
      ['刘洋', 'member'],
    ]);
    await oldUnit('t01v006', { chair: 1, member: 2 }, []);
    await oldUnit('t01v009', { chair: 1, member: 2 }, [['周军', 'chair']]);

    const f = await figures('t01');
    expect(f.tracks.find((t) => t.track === 'P')!.posts.every((x) => x.previousTerm === null)).toBe(
      true,
    );
    const committees = committeesOf(f);
    expect(committees.reduce((n, t) => n + t.candidatesCompared, 0)).toBe(1);
    const compared = committees.find((t) => t.candidatesCompared > 0)!;
    const post = (p: string) => compared.posts.find((x) => x.post === p)!.previousTerm;
    // this term t01v005 had 2 formal candidates for chair (王芳, 李强) and 3 for member
    expect(post('chair')).toEqual({
      units: 1,
      seats: 1,
      formalCandidates: 2,
      candidateRatio: '2.00:1',
      previousSeats: 1,
      previousFormalCandidates: 1,
      previousCandidateRatio: '1.00:1',
      change: 1,
    });
    expect(post('member')).toMatchObject({
      formalCandidates: 3,
      previousFormalCandidates: 3,
      change: 0,
    });
  });

  it('gives 交叉任职 with and without 一肩挑 over the villages where both bodies are elected', async () => {
    const f = await figures('t01');
    // t01v005 elected both bodies (王芳 both 书记 and 主任); t01v006 only its committee; t01v009 nothing
    expect(f.villagesWithBothBodies.current).toEqual({ count: 1, denominator: 3 });
    expect(f.villagesWithBothBodies.previous).toEqual({ count: 1, denominator: 3 });
    // t01v005's 两委: 王芳, 吴敏, 郑涛, 孙丽, 张伟, 刘洋; t01v006's committee is not in the denominator
    expect(f.crossAppointedWithDual.current).toEqual({ count: 1, denominator: 6 });
    expect(f.crossAppointedWithoutDual.current).toEqual({ count: 0, denominator: 6 });
    // last term: 李梅 (P), 王芳 and 赵刚 (V): nobody in both
    expect(f.crossAppointedWithDual.previous).toEqual({ count: 0, denominator: 3 });
    // the rule set's default counts 一肩挑
    expect(f.crossAppointed.current).toEqual(f.crossAppointedWithDual.current);
  });

  const PEOPLE = `query($r: ID!, $t: ElectedTrack) { statisticsPeople(regionId: $r, track: $t) {
    name track bodyLabel post postLabel gender age ethnicity minority politicalStatus politicalStatusLabel education educationLabel reelected
  } }`;
  interface Person {
    name: string;
    track: string;
    post: string;
    postLabel: string;
    gender: string;
    age: number | null;
    ethnicity: string | null;
    minority: boolean;
    politicalStatusLabel: string;
    educationLabel: string;
    reelected: boolean;
  }

  it('drills down at village level to the people behind the figures', async () => {
    const res = await api.gql<{ statisticsPeople: Person[] }>(
      PEOPLE,
      { r: api.regionGid('t01v005') },
      { token: county },
    );
    expect(res.errors).toBeUndefined();
    const people = res.data!.statisticsPeople;
    // 4 party members and 3 committee members: as many as the village's figures count
    const f = await figures('t01v005');
    expect(people.length).toBe(f.tracks.reduce((n, t) => n + t.members, 0));
    // by body, post, then 姓氏笔画
    expect(people.map((x) => [x.track === 'P' ? 'P' : 'V', x.postLabel, x.name])).toEqual([
      ['P', '书记', '王芳'],
      ['P', '委员', '孙丽'],
      ['P', '委员', '吴敏'],
      ['P', '委员', '郑涛'],
      ['V', '主任', '王芳'],
      ['V', '委员', '刘洋'],
      ['V', '委员', '张伟'],
    ]);
    const wang = people.filter((x) => x.name === '王芳');
    const [y, m, d] = fx.electionDay.split('-').map(Number) as [number, number, number];
    const age = y - 1980 - (m < 5 || (m === 5 && d < 1) ? 1 : 0);
    expect(
      wang.map((x) => [
        x.post,
        x.gender,
        x.age,
        x.politicalStatusLabel,
        x.educationLabel,
        x.reelected,
      ]),
    ).toEqual([
      ['secretary', 'female', age, '中共党员', '高中', false],
      ['chair', 'female', age, '中共党员', '高中', true],
    ]);
    expect(people.find((x) => x.name === '吴敏')).toMatchObject({
      ethnicity: '彝族',
      minority: true,
    });
    expect(people.find((x) => x.name === '张伟')).toMatchObject({
      ethnicity: null,
      minority: false,
    });
    const party = await api.gql<{ statisticsPeople: Person[] }>(
      PEOPLE,
      { r: api.regionGid('t01v005'), t: 'P' },
      { token: county },
    );
    expect(party.data!.statisticsPeople.map((x) => x.name)).toEqual(
      people.filter((x) => x.track === 'P').map((x) => x.name),
    );
    // the village's own clerk sees them too
    const clerk = await api.login('vil01005.clerk', 'village');
    const own = await api.gql<{ statisticsPeople: Person[] }>(
      PEOPLE,
      { r: api.regionGid('t01v005') },
      { token: clerk },
    );
    expect(own.data!.statisticsPeople.length).toBe(people.length);
  });

  it('refuses the drill-down outside the caller’s region, and above village level', async () => {
    const other = await api.login('town02.coordinator', 'township');
    const refused = await api.gql(PEOPLE, { r: api.regionGid('t01v005') }, { token: other });
    expect(refusal(refused)).toBe('refused');
    expect(refused.data).toBeNull();
    const neighbour = await api.login('vil01006.clerk', 'village');
    expect(
      refusal(await api.gql(PEOPLE, { r: api.regionGid('t01v005') }, { token: neighbour })),
    ).toBe('refused');
    expect(
      errorCodes(await api.gql(PEOPLE, { r: api.regionGid('t01') }, { token: county })),
    ).toEqual(['VALIDATION']);
  });

  it('a township sees its own statistics only; a village clerk its village', async () => {
    const other = await api.login('town02.coordinator', 'township');
    expect(refusal(await api.gql(STATS, { r: api.regionGid('t01') }, { token: other }))).toBe(
      'refused',
    );
    const clerk = await api.login('vil01005.clerk', 'village');
    const own = await stats('t01v005', clerk);
    expect(own.villages).toBe(1);
    expect(own.children).toEqual([]);
    expect(errorCodes(await api.gql(STATS, { r: api.regionGid('t01') }, { token: clerk }))).toEqual(
      ['FORBIDDEN'],
    );
  });
});
