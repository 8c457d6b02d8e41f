import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, persons } from '@huanjie/db';
import { eq } from 'drizzle-orm';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import {
  MUTATION_RESULT,
  UNIT_FIELDS,
  createElectionFixture,
  prepareElection,
} from '../../../test/elections-fixture.js';
import { addDays } from '@huanjie/domain';
import type { TestApi } from '../../../test/harness.js';
import { refusal, startTestApi } from '../../../test/harness.js';

const R = MUTATION_RESULT('ElectionUnit');
const SAVE = `mutation($i: CandidateInput!) { saveCandidate(input: $i) { ${R} } }`;
const STAGE = `mutation($c: ID!, $s: CandidateStage!) { setCandidateStage(candidateId: $c, stage: $s) { ${R} } }`;
const VET = `mutation($c: ID!, $a: [VettingAnswerInput!]!) { recordVetting(candidateId: $c, answers: $a) { ${R} } }`;
const PUB = `mutation($u: ID!, $k: PublicityKind!, $s: String!, $e: String) { savePublicity(unitId: $u, kind: $k, startsOn: $s, endsOn: $e) { ${R} } }`;
const OBJ = `mutation($p: ID!, $c: ID, $d: String!, $t: String!) { recordObjection(publicityId: $p, candidateId: $c, receivedOn: $d, content: $t) { ${R} } }`;
const DECIDE = `mutation($o: ID!, $d: ObjectionDecision!, $on: String!) { decideObjection(objectionId: $o, decision: $d, decidedOn: $on) { ${R} } }`;
const SETUP = `mutation($u: ID!, $s: [PostSeatsInput!]!) { setElectionSetup(unitId: $u, seats: $s, partyRoundParticipants: 300, massRoundParticipants: 200) { ${R} } }`;
const PRELIMINARY = `mutation($u: ID!, $v: [PreliminaryVoteInput!]!) { recordPreliminaryVotes(unitId: $u, votes: $v) { ${R} } }`;
const UNITS = `query($r: ID!) { electionUnits(regionId: $r) { id track } }`;
const PRINT = `query($id: ID!) { electionUnit(id: $id) { formalListInStrokeOrder { postLabel person { name } } } }`;

interface Payload {
  __typename: string;
  message?: string;
  findings?: { rule: string; message: string; severity: string; citation?: string }[];
  issues?: { path: string[]; message: string }[];
  candidates?: {
    id: string;
    stage: string;
    preliminaryVotes: number | null;
    vettingStatus: string;
    vettingMissing: string[];
    person: { name: string };
  }[];
  candidateFindings?: { severity: string; rule: string; message: string }[];
  publicity?: { id: string; kind: string; objections: { id: string; decision: string }[] }[];
}

const DEPTS = ['纪委', '组织部', '公安', '法院', '检察院', '民政', '信访'];

describe('candidates, vetting and 公示', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  let clerk: string;
  const unit = () => fx.units.get('t01v007/V')!;
  const call = async (q: string, v: Record<string, unknown>, token = clerk) => {
    const res = await api.gql<Record<string, Payload>>(q, v, { token });
    return (
      Object.values(res.data ?? {})[0] ?? {
        __typename: 'none',
        message: JSON.stringify(res.errors),
      }
    );
  };
  const person = (name: string, gender = 'male') => ({
    name,
    gender,
    birthDate: '1985-03-02',
    politicalStatus: 'masses',
    education: 'college',
  });
  const add = (name: string, post = 'member', gender = 'male') =>
    call(SAVE, {
      i: {
        unitId: unit(),
        post,
        nominationSource: 'joint_nomination',
        jointNominators: 15,
        person: person(name, gender),
      },
    });

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v007', 't01v008', 't02v003']);
    clerk = await api.login('vil01007.clerk', 'village');
  });
  afterAll(() => api.close());

  it('lists the village’s elections to its clerk only', async () => {
    const res = await api.gql<{ electionUnits: { track: string }[] }>(
      UNITS,
      { r: api.regionGid('t01v007') },
      { token: clerk },
    );
    const level = api.demoPlan.regions.find((r) => r.key === 't01v007')!.level;
    expect(res.data?.electionUnits.map((u) => u.track).sort()).toEqual(
      ['P', level === 'community' ? 'C' : 'V'].sort(),
    );
    const foreign = await api.gql(UNITS, { r: api.regionGid('t01v008') }, { token: clerk });
    expect(refusal(foreign)).toBe('refused');
  });

  it('nothing of an election is written before the village’s audit is approved (the one gate)', async () => {
    const gated = await createElectionFixture(api, ['t01v009'], { auditApproved: false });
    const token = await api.login('vil01009.clerk', 'village');
    const unitId = gated.units.get('t01v009/V')!;
    const setup = await call(SETUP, { u: unitId, s: [{ post: 'chair', seats: 1 }] }, token);
    expect(setup.__typename).toBe('RuleViolationError');
    expect(setup.findings?.map((f) => f.rule)).toEqual(['stage.gate']);
    expect(setup.message).toContain('经乡镇审核通过后才能填报');
    expect(setup.message).toContain('审计');
    const draft = await call(
      `mutation($u: ID!, $s: ResultSheetInput!) { saveResultDraft(unitId: $u, sheet: $s) { ${R} } }`,
      { u: unitId, s: { meetings: [] } },
      token,
    );
    expect(draft.findings?.map((f) => f.rule)).toEqual(['stage.gate']);
    const votes = await call(
      PRELIMINARY,
      { u: unitId, v: [{ candidateId: 'Candidate:1', votes: 10 }] },
      token,
    );
    expect(votes.findings?.map((f) => f.rule)).toEqual(['stage.gate']);
    const units = (
      await api.gql<{ electionUnits: { id: string; candidates: unknown[] }[] }>(
        `query($r: ID!) { electionUnits(regionId: $r) { id candidates { id } } }`,
        { r: api.regionGid('t01v009') },
        { token },
      )
    ).data!.electionUnits;
    expect(units.flatMap((u) => u.candidates)).toEqual([]);
  });

  it('refuses seats outside the law (committee of 3–7, one chair)', async () => {
    const big = await call(SETUP, {
      u: unit(),
      s: [
        { post: 'chair', seats: 1 },
        { post: 'member', seats: 7 },
      ],
    });
    const level = api.demoPlan.regions.find((r) => r.key === 't01v007')!.level;
    expect(big.findings?.map((f) => f.rule)).toEqual([
      level === 'community' ? 'c.committee_size' : 'v.committee_size',
    ]);
    const wrongPost = await call(SETUP, { u: unit(), s: [{ post: 'secretary', seats: 1 }] });
    expect(wrongPost.__typename).toBe('ValidationError');
    const ok = await call(SETUP, {
      u: unit(),
      s: [
        { post: 'chair', seats: 1 },
        { post: 'member', seats: 2 },
      ],
    });
    expect(ok.__typename).toBe('ElectionUnit');
  });

  it('a 居民委员会 has 5–9 members under its own law, a 村民委员会 3–7 under the villagers’ law', async () => {
    const community = api.demoPlan.regions.find(
      (r) => r.parentKey === 't01' && r.level === 'community',
    )!;
    const village = api.demoPlan.regions.find(
      (r) => r.parentKey === 't01' && r.level === 'village',
    )!;
    const national = {
      'c.committee_min': { value: 5, citation: '城市居民委员会组织法 第七条' },
      'c.committee_max': { value: 9, citation: '城市居民委员会组织法 第七条' },
    };
    const own = await createElectionFixture(api, [community.key, village.key], {
      ruleValues: national,
    });
    const clerkOf = (key: string) =>
      api.login(`vil${key.slice(1, 3)}${key.slice(4)}.clerk`, 'village');
    const three = [
      { post: 'chair', seats: 1 },
      { post: 'member', seats: 2 },
    ];
    const c = await call(
      SETUP,
      { u: own.units.get(`${community.key}/V`)!, s: three },
      await clerkOf(community.key),
    );
    expect(c.findings?.map((f) => f.rule)).toEqual(['c.committee_size']);
    expect(c.findings?.[0]?.citation).toContain('城市居民委员会组织法');
    expect(c.findings?.[0]?.message).toContain('5—9');
    const v = await call(
      SETUP,
      { u: own.units.get(`${village.key}/V`)!, s: three },
      await clerkOf(village.key),
    );
    expect(v.__typename).toBe('ElectionUnit');
  });

  it('a birth date known only to the month keeps that precision; an age that depends on the day is not guessed', async () => {
    const village = api.demoPlan.regions.filter(
      (r) => r.parentKey === 't01' && r.level === 'village',
    )[1]!;
    const own = await createElectionFixture(api, [village.key]);
    const token = await api.login(
      `vil${village.key.slice(1, 3)}${village.key.slice(4)}.clerk`,
      'village',
    );
    const unitId = own.units.get(`${village.key}/V`)!;
    const save = (name: string, birthDate: string) =>
      call(
        SAVE,
        {
          i: {
            unitId,
            post: 'member',
            nominationSource: 'joint_nomination',
            jointNominators: 15,
            person: { ...person(name), birthDate },
          },
        },
        token,
      );
    const [year, month] = own.electionDay.split('-') as [string, string];
    const otherMonth = month === '06' ? '07' : '06';
    // born in the election day's month 40 years before: 39 or 40 on election day
    expect((await save('月份甲', `${Number(year) - 40}-${month}`)).__typename).toBe('ElectionUnit');
    expect((await save('月份乙', `${Number(year) - 40}-${otherMonth}`)).__typename).toBe(
      'ElectionUnit',
    );
    const bad = await save('月份丙', '1980-13');
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.issues?.map((i) => i.message).join()).toContain('YYYY-MM');
    const people = (
      await api.gql<{
        electionUnit: {
          candidates: { person: { name: string; birthDate: string; age: number | null } }[];
        };
      }>(
        `query($id: ID!) { electionUnit(id: $id) { candidates { person { name birthDate age } } } }`,
        { id: unitId },
        { token },
      )
    ).data!.electionUnit.candidates.map((c) => c.person);
    const stored = await api.database.db
      .select({ name: persons.name, birthPrecision: persons.birthPrecision })
      .from(persons)
      .where(eq(persons.name, '月份甲'));
    expect(stored).toEqual([{ name: '月份甲', birthPrecision: 'month' }]);
    expect(people).toEqual([
      { name: '月份甲', birthDate: `${Number(year) - 40}-${month}`, age: null },
      {
        name: '月份乙',
        birthDate: `${Number(year) - 40}-${otherMonth}`,
        age: otherMonth < month ? 40 : 39,
      },
    ]);
  });

  it('adds candidates; a person is one record; the same person twice is refused', async () => {
    await add('王芳', 'chair', 'female');
    await add('李强', 'chair');
    const r = await add('张伟');
    expect(r.candidates?.map((c) => c.person.name)).toEqual(['王芳', '李强', '张伟']);
    const dup = await add('张伟');
    expect(dup.__typename).toBe('ConflictError');
    const badName = await call(SAVE, {
      i: {
        unitId: unit(),
        post: 'member',
        nominationSource: 'joint_nomination',
        person: { ...person('x'), birthDate: '2999-01-01' },
      },
    });
    expect(badName.__typename).toBe('ValidationError');
    expect(badName.issues?.map((i) => i.path.join('.'))).toEqual([
      'person.name',
      'person.birthDate',
    ]);
    const wrongSource = await call(SAVE, {
      i: {
        unitId: unit(),
        post: 'member',
        nominationSource: 'party_recommendation',
        person: person('赵六'),
      },
    });
    expect(wrongSource.__typename).toBe('ValidationError');
  });

  it('a candidate becomes formal only after passing every department and a 公示 without open objections', async () => {
    const unitRes = await add('刘洋');
    const id = unitRes.candidates!.find((c) => c.person.name === '刘洋')!.id;
    expect((await call(STAGE, { c: id, s: 'formal' })).findings?.[0]?.rule).toBe(
      'candidates.stage_order',
    );
    expect((await call(STAGE, { c: id, s: 'preliminary' })).__typename).toBe('ElectionUnit');

    const pending = await call(STAGE, { c: id, s: 'formal' });
    expect(pending.findings?.map((f) => f.rule)).toEqual([
      'candidates.vetting_departments',
      'candidates.publicity_pending',
    ]);
    expect(pending.findings?.[0]?.message).toContain(
      '尚有纪委、组织部、公安、法院、检察院、民政、信访未反馈联审意见',
    );

    const failNoNote = await call(VET, { c: id, a: [{ department: '公安', result: 'fail' }] });
    expect(failNoNote.__typename).toBe('ValidationError');
    const unknownDept = await call(VET, { c: id, a: [{ department: '税务', result: 'pass' }] });
    expect(unknownDept.__typename).toBe('ValidationError');
    const failed = await call(VET, {
      c: id,
      a: [
        ...DEPTS.filter((d) => d !== '公安').map((d) => ({ department: d, result: 'pass' })),
        { department: '公安', result: 'fail', note: '有违法犯罪记录' },
      ],
    });
    expect(failed.candidates?.find((c) => c.id === id)?.vettingStatus).toBe('failed');

    const short = await call(PUB, {
      u: unit(),
      k: 'candidates',
      s: addDays(fx.electionDay, -14),
      e: addDays(fx.electionDay, -11),
    });
    // a short 公示 is what happened: saved, and the list shows the warning at once
    expect(short.__typename).toBe('ElectionUnit');
    expect(short.candidateFindings?.map((f) => `${f.severity}:${f.rule}`)).toContain(
      'warning:candidates.publicity_min_days',
    );
    const pub = await call(PUB, {
      u: unit(),
      k: 'candidates',
      s: addDays(fx.electionDay, -14),
      e: addDays(fx.electionDay, -10),
    });
    expect(pub.__typename).toBe('ElectionUnit');

    const refused = await call(STAGE, { c: id, s: 'formal' });
    expect(refused.findings?.map((f) => f.message)).toEqual([
      '刘洋资格联审未通过(公安)，不能列为正式候选人',
    ]);

    await call(VET, { c: id, a: [{ department: '公安', result: 'pass', note: '复核无记录' }] });
    const publicityId = pub.publicity!.find((p) => p.kind === 'candidates')!.id;
    const withObjection = await call(OBJ, {
      p: publicityId,
      c: id,
      d: addDays(fx.electionDay, -12),
      t: '反映其长期不在村居住',
    });
    const objectionId = withObjection.publicity![0]!.objections[0]!.id;
    expect((await call(STAGE, { c: id, s: 'formal' })).findings?.map((f) => f.rule)).toEqual([
      'candidates.objection_pending',
    ]);
    await call(DECIDE, { o: objectionId, d: 'upheld', on: addDays(fx.electionDay, -11) });
    expect((await call(STAGE, { c: id, s: 'formal' })).findings?.map((f) => f.rule)).toEqual([
      'candidates.objection_upheld',
    ]);
    await call(DECIDE, { o: objectionId, d: 'rejected', on: addDays(fx.electionDay, -11) });
    const formal = await call(STAGE, { c: id, s: 'formal' });
    expect(formal.candidates?.find((c) => c.id === id)?.stage).toBe('formal');
  });

  it('checks 差额 on the formal list, and prints it in stroke order', async () => {
    const ids = await prepareElection(
      api.gql,
      await api.login('vil01008.clerk', 'village'),
      fx.units.get('t01v008/V')!,
      fx,
      { chair: 1, member: 2 },
      [
        { name: '赵敏', post: 'chair', gender: 'female' },
        { name: '丁一', post: 'chair' },
        { name: '黄磊', post: 'member' },
        { name: '王小明', post: 'member' },
      ],
    );
    expect(ids.size).toBe(4);
    const token = await api.login('vil01008.clerk', 'village');
    const res = await api.gql<{
      electionUnit: { candidateFindings: { rule: string; severity: string }[] };
    }>(
      `query($id: ID!) { electionUnit(id: $id) { ${UNIT_FIELDS} } }`,
      { id: fx.units.get('t01v008/V') },
      { token },
    );
    // t01v008 may be a community: a 居民委员会 is held to its own rule (c.competitive)
    const community = api.demoPlan.regions.find((r) => r.key === 't01v008')!.level === 'community';
    expect(res.data?.electionUnit.candidateFindings.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      community ? 'warning:c.competitive' : 'warning:v.competitive',
    ]);
    const printed = await api.gql<{
      electionUnit: { formalListInStrokeOrder: { postLabel: string; person: { name: string } }[] };
    }>(PRINT, { id: fx.units.get('t01v008/V') }, { token });
    expect(
      printed.data?.electionUnit.formalListInStrokeOrder.map(
        (c) => `${c.postLabel}${c.person.name}`,
      ),
    ).toEqual(['主任丁一', '主任赵敏', '委员王小明', '委员黄磊']);
  });

  it('P: the committee list (书记, 副书记 and 委员 together) needs 20% more candidates than seats; short of it is a warning; an uncontested secretary is allowed by the default rules', async () => {
    const token = await api.login('vil01008.clerk', 'village');
    // 书记 1 + 委员 5 = 6 seats need 8: 6 委员 for 5 seats would be 20 % among the 委员 alone
    await prepareElection(
      api.gql,
      token,
      fx.units.get('t01v008/P')!,
      fx,
      { secretary: 1, member: 5 },
      [
        { name: '周军', post: 'secretary' },
        { name: '吴敏', post: 'member', gender: 'female' },
        { name: '郑涛', post: 'member' },
        { name: '孙丽', post: 'member' },
        { name: '马超', post: 'member' },
        { name: '冯刚', post: 'member' },
        { name: '陈亮', post: 'member' },
      ],
    );
    const res = await api.gql<{
      electionUnit: {
        candidateFindings: { rule: string; severity: string; message: string; path: string[] }[];
      };
    }>(
      `query($id: ID!) { electionUnit(id: $id) { candidateFindings { rule severity message path } } }`,
      { id: fx.units.get('t01v008/P') },
      { token },
    );
    const findings = res.data!.electionUnit.candidateFindings;
    expect(findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(['warning:p.committee_margin']);
    expect(findings[0]?.path).toEqual(['candidates']);
    expect(findings[0]?.message).toContain('正式候选人7名');
    expect(findings[0]?.message).toContain('应选6名');
    expect(findings[0]?.message).toContain('至少需8名');
  });

  it('预选: the formal 主任 candidates are the top of the preliminary vote; a tie at the cut-off is reported, a lower nominee promoted over a higher one refused', async () => {
    const token = await api.login('vil02003.clerk', 'village');
    const unitId = fx.units.get('t02v003/V')!;
    const ids = await prepareElection(
      api.gql,
      token,
      unitId,
      fx,
      { chair: 1, member: 2 },
      [
        { name: '赵一', post: 'chair' },
        { name: '钱二', post: 'chair' },
        { name: '孙三', post: 'chair', gender: 'female' },
        { name: '李四', post: 'chair' },
        { name: '周红', post: 'member', gender: 'female' },
        { name: '吴刚', post: 'member' },
        { name: '郑强', post: 'member' },
      ],
      { until: 'preliminary' },
    );
    const id = (name: string) => ids.get(name)!;

    // a nominee who failed 资格联审 does not enter the 预选
    const added = await call(
      SAVE,
      {
        i: {
          unitId,
          post: 'chair',
          nominationSource: 'joint_nomination',
          jointNominators: 12,
          person: person('王五'),
        },
      },
      token,
    );
    const wang = added.candidates!.find((c) => c.person.name === '王五')!.id;
    await call(
      VET,
      {
        c: wang,
        a: DEPTS.map((d) =>
          d === '公安'
            ? { department: d, result: 'fail', note: '有违法犯罪记录' }
            : { department: d, result: 'pass' },
        ),
      },
      token,
    );
    const failed = await call(STAGE, { c: wang, s: 'preliminary' }, token);
    expect(failed.__typename).toBe('RuleViolationError');
    expect(failed.findings?.map((f) => f.rule)).toEqual(['candidates.vetting_departments']);
    // and is not counted in the 预选
    const notNominee = await call(
      PRELIMINARY,
      { u: unitId, v: [{ candidateId: wang, votes: 5 }] },
      token,
    );
    expect(notNominee.__typename).toBe('ValidationError');

    const negative = await call(
      PRELIMINARY,
      { u: unitId, v: [{ candidateId: id('赵一'), votes: -1 }] },
      token,
    );
    expect(negative.__typename).toBe('ValidationError');
    expect(negative.issues?.[0]?.path).toEqual(['votes', '0', 'votes']);

    const recorded = await call(
      PRELIMINARY,
      {
        u: unitId,
        v: [
          ['赵一', 300],
          ['钱二', 250],
          ['孙三', 250],
          ['李四', 100],
        ].map(([name, votes]) => ({ candidateId: id(name as string), votes })),
      },
      token,
    );
    expect(recorded.__typename).toBe('ElectionUnit');
    expect(
      recorded.candidates
        ?.filter((c) => c.preliminaryVotes !== null)
        .map((c) => `${c.person.name}${c.preliminaryVotes}`),
    ).toEqual(['赵一300', '钱二250', '孙三250', '李四100']);
    const audit = await api.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.action, 'candidate.preliminary_votes'));
    expect(audit).toHaveLength(1);

    expect((await call(STAGE, { c: id('赵一'), s: 'formal' }, token)).__typename).toBe(
      'ElectionUnit',
    );
    // the 100-vote nominee over the two with 250: refused, stored nothing
    const over = await call(STAGE, { c: id('李四'), s: 'formal' }, token);
    expect(over.__typename).toBe('RuleViolationError');
    expect(over.findings?.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      'error:candidates.preliminary_order',
    ]);
    expect(over.message).toContain('李四得100票');

    // one of the two with 250 for the second place: the tie is reported, not settled
    const second = await call(STAGE, { c: id('钱二'), s: 'formal' }, token);
    expect(second.__typename).toBe('ElectionUnit');
    expect(second.candidates?.find((c) => c.person.name === '李四')?.stage).toBe('preliminary');
    const tie = second.candidateFindings?.filter((f) =>
      f.rule.startsWith('candidates.preliminary'),
    );
    expect(tie?.map((f) => `${f.severity}:${f.rule}`)).toEqual([
      'warning:candidates.preliminary_tie',
    ]);
    expect(tie?.[0]?.message).toContain('钱二、孙三各250票');

    // a party election has no 预选 to record
    const party = await call(PRELIMINARY, { u: fx.units.get('t02v003/P'), v: [] }, token);
    expect(party.__typename).toBe('ValidationError');
  });

  it('refuses invisible and control characters, overlong notes and implausible birth dates', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const seventeen = `${String(Number(today.slice(0, 4)) - 17)}${today.slice(4)}`;
    const candidate = (over: Record<string, unknown>, personOver: Record<string, unknown> = {}) =>
      call(SAVE, {
        i: {
          unitId: unit(),
          post: 'member',
          nominationSource: 'joint_nomination',
          jointNominators: 15,
          person: { ...person('钱多多'), ...personOver },
          ...over,
        },
      });
    const before = await api.database.db.select({ id: persons.id }).from(persons);
    const cases: [Record<string, unknown>, Record<string, unknown>, string][] = [
      [{}, { name: '钱\u0000多' }, 'person.name'],
      [{}, { name: '钱\u0007多' }, 'person.name'],
      [{}, { name: '钱\u200b多' }, 'person.name'],
      [{}, { name: '\u202e多钱' }, 'person.name'],
      [{}, { name: '钱\n多' }, 'person.name'],
      [{}, { ethnicity: '汉\u200d族' }, 'person.ethnicity'],
      [{}, { tags: ['党员\u202e'] }, 'person.tags.0'],
      [{}, { birthDate: '1900-01-01' }, 'person.birthDate'],
      [{}, { birthDate: seventeen }, 'person.birthDate'],
      [{ note: 'x'.repeat(1_000_000) }, {}, 'note'],
      [{ note: '备注\u202e' }, {}, 'note'],
    ];
    for (const [over, personOver, path] of cases) {
      const res = await candidate(over, personOver);
      expect(res.__typename, path).toBe('ValidationError');
      expect(
        res.issues?.map((i) => i.path.join('.')),
        path,
      ).toContain(path);
    }
    // nothing was stored
    expect(await api.database.db.select({ id: persons.id }).from(persons)).toHaveLength(
      before.length,
    );

    const publicityId = (
      await api.gql<{ electionUnit: { publicity: { id: string }[] } }>(
        `query($id: ID!) { electionUnit(id: $id) { publicity { id } } }`,
        { id: unit() },
        { token: clerk },
      )
    ).data!.electionUnit.publicity[0]!.id;
    for (const content of ['反映\u0000其问题', '反映\u202e其问题', 'x'.repeat(1_000_000)]) {
      const objection = await call(OBJ, {
        p: publicityId,
        c: null,
        d: addDays(fx.electionDay, -12),
        t: content,
      });
      expect(objection.__typename).toBe('ValidationError');
      expect(objection.issues?.map((i) => i.path.join('.'))).toEqual(['content']);
    }
  });
});
