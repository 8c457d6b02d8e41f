import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import {
  MUTATION_RESULT,
  createElectionFixture,
  prepareElection,
} from '../../../test/elections-fixture.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!, $e: String) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k, explanation: $e) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const RESULT = `query($id: ID!) { electionUnit(id: $id) { result {
  elected { candidateId writeIn post votes person { name gender birthDate } }
  meetings { writeIns { name post votesFor elected } }
  revisions { electedNames }
} } }`;
const STATS = `query($r: ID!) { electionStatistics(regionId: $r) {
  tracks { track members women { current { count } } posts { post members } }
} }`;

interface Elected {
  candidateId: string | null;
  writeIn: boolean;
  post: string;
  votes: number;
  person: { name: string; gender: string; birthDate: string | null };
}
interface Payload {
  __typename: string;
  message?: string;
  findings?: { severity: string; rule: string; path: string[] | null; citation: string }[];
}

describe('另选他人: write-in votes in a villagers’ committee result', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  let clerk: string;
  let ids: Map<string, string>;
  let pIds: Map<string, string>;
  const vUnit = () => fx.units.get('t01v005/V')!;
  const pUnit = () => fx.units.get('t01v005/P')!;

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v005']);
    clerk = await api.login('vil01005.clerk', 'village');
    ids = await prepareElection(api.gql, clerk, vUnit(), fx, { chair: 1, member: 2 }, [
      { name: '王芳', post: 'chair', gender: 'female' },
      { name: '李强', post: 'chair' },
      { name: '张伟', post: 'member' },
      { name: '刘洋', post: 'member' },
      { name: '陈静', post: 'member', gender: 'female' },
    ]);
    pIds = await prepareElection(api.gql, clerk, pUnit(), fx, { secretary: 1, member: 3 }, [
      { name: '周军', post: 'secretary' },
      { name: '吴敏', post: 'member', gender: 'female' },
      { name: '郑涛', post: 'member' },
      { name: '孙丽', post: 'member', gender: 'female' },
      { name: '马超', post: 'member' },
    ]);
  });
  afterAll(() => api.close());

  const counts = {
    round: 'regular',
    entitled: 1000,
    inPerson: 700,
    proxy: 50,
    other: 10,
    ballotsIssued: 760,
    ballotsReturned: 760,
    ballotsValid: 750,
    ballotsInvalid: 10,
  };
  const submit = async (unit: string, meeting: Record<string, unknown>) =>
    (
      await api.gql<{ submitResult: Payload }>(
        SUBMIT,
        {
          u: unit,
          s: { meetings: [{ ...counts, heldOn: fx.electionDay, ...meeting }] },
          k: `write-in-${unit.replace(':', '-')}-${Date.now()}`,
          e: '候选人得票情况如实填写',
        },
        { token: clerk },
      )
    ).data!.submitResult;

  it('refuses write-ins in the party committee election with p.write_in and stores nothing', async () => {
    const res = await submit(pUnit(), {
      votes: [
        ['周军', 700],
        ['吴敏', 600],
        ['郑涛', 500],
        ['孙丽', 450],
        ['马超', 200],
      ].map(([n, v]) => ({
        candidateId: pIds.get(n as string),
        votesFor: v,
        against: 0,
        abstain: 0,
      })),
      writeIns: [{ name: '赵磊', gender: 'male', post: 'member', votesFor: 30 }],
    });
    expect(res.__typename).toBe('RuleViolationError');
    expect(res.findings?.find((f) => f.rule === 'p.write_in')).toMatchObject({
      severity: 'error',
      path: ['meetings', '0', 'writeIns', '0', 'name'],
    });
  });

  it('stores an elected written-in person, lists them as elected and counts them as a member', async () => {
    // 委员 2 seats: 张伟 600, 赵磊 (written in) 450 > 760 / 2; 1500 = 2 × 750 votes in all
    const res = await submit(vUnit(), {
      votes: [
        ['王芳', 500],
        ['李强', 240],
        ['张伟', 600],
        ['刘洋', 300],
        ['陈静', 150],
      ].map(([n, v]) => ({ candidateId: ids.get(n as string), votesFor: v })),
      writeIns: [
        { name: '赵磊', gender: 'male', birthDate: '1979-08-01', post: 'member', votesFor: 450 },
      ],
    });
    expect(res.__typename, JSON.stringify(res)).toBe('ElectionUnit');

    const unit = (
      await api.gql<{
        electionUnit: {
          result: {
            elected: Elected[];
            meetings: { writeIns: { name: string; votesFor: number; elected: boolean }[] }[];
            revisions: { electedNames: string[] }[];
          };
        };
      }>(RESULT, { id: vUnit() }, { token: clerk })
    ).data!.electionUnit.result;
    expect(unit.elected.map((e) => [e.post, e.person.name, e.writeIn, e.votes])).toEqual([
      ['chair', '王芳', false, 500],
      ['member', '张伟', false, 600],
      ['member', '赵磊', true, 450],
    ]);
    expect(unit.elected.find((e) => e.writeIn)).toMatchObject({
      candidateId: null,
      person: { name: '赵磊', gender: 'male', birthDate: '1979-08-01' },
    });
    expect(unit.meetings[0]?.writeIns).toEqual([
      { name: '赵磊', post: 'member', votesFor: 450, elected: true },
    ]);
    expect(unit.revisions.at(-1)?.electedNames).toContain('委员 赵磊(另选他人)');

    const county = await api.login('county.leader', 'county');
    const stats = (
      await api.gql<{
        electionStatistics: {
          tracks: { track: string; members: number; posts: { post: string; members: number }[] }[];
        };
      }>(STATS, { r: api.regionGid('t01v005') }, { token: county })
    ).data!.electionStatistics;
    // t01v005 may be a village (V) or a community (C): the committee's track either way
    const v = stats.tracks.find((t) => t.track !== 'P')!;
    expect(v.members).toBe(3);
    expect(v.posts.find((p) => p.post === 'member')?.members).toBe(2);
  });
});
