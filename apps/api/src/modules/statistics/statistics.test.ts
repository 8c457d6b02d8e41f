import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campaignExclusions,
  candidates,
  electionMeetings,
  electionResults,
  meetingVotes,
  officeHolders,
  persons,
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
