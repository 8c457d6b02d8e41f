import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  electionMeetings,
  electionResults,
  resultRevisions,
  stageRecords,
  unitElections,
} from '@huanjie/db';
import { eq, sql } from 'drizzle-orm';
import { addDays } from '@huanjie/domain';
import type { ElectionFixture } from '../../../test/elections-fixture.js';
import {
  MUTATION_RESULT,
  UNIT_FIELDS,
  createElectionFixture,
  prepareElection,
} from '../../../test/elections-fixture.js';
import type { TestApi } from '../../../test/harness.js';
import { addCoordinator, setUserDisabled, userIdOf } from '../../../test/campaign-helpers.js';
import { errorCodes, refusalType, startTestApi } from '../../../test/harness.js';
import { collect, settle, wsClient } from '../../../test/ws-client.js';

const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!, $e: String) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k, explanation: $e) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const DRAFT = `mutation($u: ID!, $s: ResultSheetInput!) { saveResultDraft(unitId: $u, sheet: $s) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const REVIEW = `mutation($u: ID!, $d: ResultReviewDecision!, $r: String) { reviewResult(unitId: $u, decision: $d, reason: $r) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const AMEND = `mutation($u: ID!, $s: ResultSheetInput!, $r: String!, $k: String!) { amendResult(unitId: $u, sheet: $s, reason: $r, idempotencyKey: $k) { ${MUTATION_RESULT('ElectionUnit')} } }`;
const UNIT = `query($id: ID!) { electionUnit(id: $id) { ${UNIT_FIELDS} } }`;

interface Finding {
  severity: string;
  rule: string;
  message: string;
  path: string[] | null;
  citation: string;
}
interface Unit {
  result: null | {
    status: string;
    revision: number;
    oneTimeSuccess: boolean | null;
    meetings: {
      round: string;
      voted: number;
      votes: { candidateName: string; votesFor: number; elected: boolean }[];
    }[];
    elected: { post: string; round: string; person: { name: string } }[];
    vacancies: { post: string; count: number }[];
    warnings: { rule: string }[];
    revisions: { revision: number; kind: string; reason: string | null; electedNames: string[] }[];
    draft: unknown;
    draftFindings: Finding[];
  };
}
type Payload = Unit & { __typename: string; message?: string; findings?: Finding[]; code?: string };

let key = 0;
const nextKey = () => `test-key-${String(++key).padStart(4, '0')}-${Date.now()}`;

describe('election results', () => {
  let api: TestApi;
  let fx: ElectionFixture;
  let clerk: string;
  let township: string;
  let otherTownship: string;
  let ids: Map<string, string>;
  let pIds: Map<string, string>;
  const vUnit = () => fx.units.get('t01v005/V')!;
  const pUnit = () => fx.units.get('t01v005/P')!;
  /** A community's committee is held to the 居民委员会 rules (c.*), a village's to the v.* ones. */
  const committeeRule = (key: string, code: string) =>
    api.demoPlan.regions.find((r) => r.key === key)!.level === 'community'
      ? code.replace(/^v\./, 'c.')
      : code;

  beforeAll(async () => {
    api = await startTestApi();
    fx = await createElectionFixture(api, ['t01v005', 't01v006', 't02v003']);
    clerk = await api.login('vil01005.clerk', 'village');
    township = await api.login('town01.coordinator', 'township');
    otherTownship = await api.login('town02.coordinator', 'township');
    // 主任 1 of 2, 委员 2 of 3: five candidates, two women
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

  const meeting = (over: Record<string, unknown> = {}, votes?: Record<string, number>) => ({
    round: 'regular',
    heldOn: fx.electionDay,
    entitled: 1000,
    inPerson: 700,
    proxy: 50,
    other: 10,
    ballotsIssued: 760,
    ballotsReturned: 760,
    ballotsValid: 750,
    ballotsInvalid: 10,
    votes: Object.entries(votes ?? { 王芳: 500, 李强: 240, 张伟: 600, 刘洋: 420, 陈静: 300 }).map(
      ([name, n]) => ({
        candidateId: ids.get(name),
        votesFor: n,
      }),
    ),
    ...over,
  });

  const submit = async (
    sheet: unknown,
    k = nextKey(),
    unit = vUnit(),
    token = clerk,
    explanation: string | null = null,
  ) =>
    (
      await api.gql<{ submitResult: Payload }>(
        SUBMIT,
        { u: unit, s: sheet, k, e: explanation },
        { token },
      )
    ).data!.submitResult;

  const storedMeetings = async () =>
    (await api.database.db.select({ n: sql<number>`count(*)::int` }).from(electionMeetings))[0]!.n;

  describe('refused submissions name the field and the rule, and store nothing', () => {
    it.each([
      [
        '收回 > 发出',
        { ballotsIssued: 750 },
        'ballots.returned_le_issued',
        ['meetings', '0', 'ballotsReturned'],
        '收回选票(760)多于发出选票(750)',
      ],
      [
        '有效 + 无效 ≠ 收回',
        { ballotsValid: 751 },
        'ballots.valid_plus_invalid',
        ['meetings', '0', 'ballotsValid'],
        '有效票(751)+无效票(10)=761，不等于收回选票(760)',
      ],
      [
        '投票人数 > 登记选民',
        { inPerson: 960 },
        'voters.voted_le_registered',
        ['meetings', '0', 'inPerson'],
        '超过应到人数(1000)',
      ],
      [
        '收回 > 投票人数',
        { inPerson: 690 },
        'ballots.returned_le_voted',
        ['meetings', '0', 'ballotsReturned'],
        '多于投票人数(750)',
      ],
      [
        '未过半数投票 (quorum)',
        { entitled: 1600 },
        'quorum',
        ['meetings', '0', 'inPerson'],
        '投票人数760未超过应到人数1600的半数',
      ],
    ])('%s', async (_label, over, rule, path, text) => {
      const before = await storedMeetings();
      const res = await submit({ meetings: [meeting(over)] });
      expect(res.__typename).toBe('RuleViolationError');
      const code = rule === 'quorum' ? committeeRule('t01v005', 'v.quorum') : rule;
      const f = res.findings!.find((x) => x.rule === code);
      expect(f, JSON.stringify(res.findings)).toBeDefined();
      expect(f!.severity).toBe('error');
      expect(f!.path).toEqual(path);
      expect(f!.message).toContain(text);
      expect(f!.citation).not.toBe('');
      expect(await storedMeetings()).toBe(before);
      const unit = (await api.gql<{ electionUnit: Unit }>(UNIT, { id: vUnit() }, { token: clerk }))
        .data!.electionUnit;
      expect(unit.result).toBeNull();
    });

    it('refuses votes above the valid ballots and a post total above seats × valid', async () => {
      const over = await submit({
        meetings: [meeting({}, { 王芳: 751, 李强: 0, 张伟: 600, 刘洋: 420, 陈静: 300 })],
      });
      expect(over.findings!.map((f) => f.rule)).toContain('votes.candidate_le_valid');
      const total = await submit({
        meetings: [meeting({}, { 王芳: 500, 李强: 240, 张伟: 700, 刘洋: 700, 陈静: 101 })],
      });
      expect(
        total.findings!.find((f) => f.rule === 'votes.post_total_le_seats')?.message,
      ).toContain('1501');
    });

    it('refuses a meeting that leaves out a formal candidate', async () => {
      const m = meeting();
      m.votes = m.votes.slice(1);
      expect((await submit({ meetings: [m] })).findings!.map((f) => f.rule)).toContain(
        'votes.missing_candidate',
      );
    });

    it('the database itself refuses counts that do not reconcile', async () => {
      await expect(
        api.database.db
          .execute(
            sql`insert into election_results (unit_election_id, region_path) values (${Number(fx.units.get('t01v006/V')!.split(':')[1])}, '1.')`,
          )
          .then(() =>
            api.database.db
              .execute(sql`insert into election_meetings (result_id, seq, round, held_on, entitled, in_person, proxy, other, ballots_issued, ballots_returned, ballots_valid, ballots_invalid)
            select id, 0, 'regular', '2026-01-01', 100, 90, 20, 0, 110, 110, 100, 10 from election_results where unit_election_id = ${Number(fx.units.get('t01v006/V')!.split(':')[1])}`),
          ),
      ).rejects.toThrow();
      await api.database.db
        .delete(electionResults)
        .where(
          eq(electionResults.unitElectionId, Number(fx.units.get('t01v006/V')!.split(':')[1])),
        );
    });
  });

  it('the stage form shows what the candidates hold and takes the formal list’s one posting date', async () => {
    const stage = async () => {
      const res = await api.gql<{
        villageChecklist: {
          units: {
            track: string;
            items: {
              stageCode: string;
              unitElectionId: string;
              countFields: { key: string }[];
              heldFigures: { key: string; value: string }[];
              factDate: string | null;
              displayStatus: string;
              record: { version: number; doneDate: string | null } | null;
            }[];
          }[];
        };
      }>(
        `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { units { track items {
          stageCode unitElectionId countFields { key } heldFigures { key value } factDate displayStatus
          record { version doneDate } } } } }`,
        { c: `Campaign:${String(fx.campaignId)}`, v: api.regionGid('t01v005') },
        { token: clerk },
      );
      return res
        .data!.villageChecklist.units.find((u) => u.track === 'C')!
        .items.find((i) => i.stageCode === 'candidate_list')!;
    };
    const list = await stage();
    // seats and candidates are not asked again: they come from the candidates page
    expect(list.countFields).toEqual([]);
    const posted = addDays(fx.electionDay, -7);
    expect(Object.fromEntries(list.heldFigures.map((f) => [f.key, f.value]))).toEqual({
      seats: '3',
      formal: '5',
      formalListOn: posted,
    });
    expect(list.factDate).toBe(posted);
    // a second posting date is refused, the field named
    const save = (doneDate: string | null) =>
      api.gql<{ saveStage: { __typename: string; message?: string } }>(
        `mutation($input: StageEntryInput!) { saveStage(input: $input) { __typename
          ... on Error { message } } }`,
        {
          input: {
            unitElectionId: list.unitElectionId,
            stageCode: 'candidate_list',
            expectedVersion: list.record?.version ?? null,
            doneDate,
            counts: [],
            note: null,
            explanation: null,
            photoId: null,
            submit: false,
          },
        },
        { token: clerk },
      );
    const other = (await save(addDays(posted, -1))).data!.saveStage;
    expect(other.__typename).toBe('ValidationError');
    expect(other.message).toContain(posted);
    expect((await save(null)).data!.saveStage.__typename).toBe('StageItem');
    expect((await stage()).record?.doneDate).toBe(posted);
  });

  it('saves a draft with its findings, without enforcing them', async () => {
    const res = (
      await api.gql<{ saveResultDraft: Payload }>(
        DRAFT,
        { u: vUnit(), s: { meetings: [meeting({ ballotsValid: 751 })] } },
        { token: clerk },
      )
    ).data!.saveResultDraft;
    expect(res.__typename).toBe('ElectionUnit');
    expect(res.result?.status).toBe('draft');
    expect(res.result?.draftFindings.map((f) => f.rule)).toContain('ballots.valid_plus_invalid');
    expect(res.result?.meetings).toEqual([]);
  });

  it('one seat goes to 另行选举 and the runoff fills it (≥ 1/3 of ballots cast)', async () => {
    // 760 voted: 381 needed. 刘洋 370 and 陈静 350 fall short: one member seat is open.
    const first = meeting({}, { 王芳: 500, 李强: 240, 张伟: 600, 刘洋: 370, 陈静: 350 });
    const onlyFirst = (
      await api.gql<{ saveResultDraft: Payload }>(
        DRAFT,
        { u: vUnit(), s: { meetings: [first] } },
        { token: clerk },
      )
    ).data!.saveResultDraft;
    expect(
      onlyFirst.result?.draftFindings.find((f) => f.rule === 'election.vacancy')?.message,
    ).toContain('委员1名未选出，需另行选举');

    const runoff = meeting(
      {
        round: 'runoff',
        inPerson: 560,
        proxy: 40,
        other: 0,
        ballotsIssued: 600,
        ballotsReturned: 600,
        ballotsValid: 590,
        ballotsInvalid: 10,
      },
      { 刘洋: 199, 陈静: 190 },
    );
    // a seat left open is what happened: it is entered, with the clerk's explanation
    const unexplained = await submit({ meetings: [first, runoff] });
    expect(unexplained.__typename).toBe('RuleViolationError');
    expect(unexplained.message).toContain('委员1名未选出');
    expect(unexplained.message).toContain('请填写情况说明');
    const low = await submit(
      { meetings: [first, runoff] },
      nextKey(),
      vUnit(),
      clerk,
      '另行选举仍未选足，经乡镇同意择期再选',
    );
    expect(low.__typename).toBe('ElectionUnit');
    expect(low.result?.vacancies).toEqual([{ post: 'member', count: 1 }]);
    expect(low.result?.warnings.map((w) => w.rule)).toContain('election.vacancy');

    runoff.votes = [
      { candidateId: ids.get('陈静'), votesFor: 300 },
      { candidateId: ids.get('刘洋'), votesFor: 200 },
    ];
    const res = await submit({ meetings: [first, runoff] });
    expect(res.__typename).toBe('ElectionUnit');
    expect(res.result?.status).toBe('submitted');
    expect(res.result?.revision).toBe(2);
    expect(res.result?.elected.map((e) => [e.post, e.person.name, e.round])).toEqual([
      ['chair', '王芳', 'regular'],
      ['member', '张伟', 'regular'],
      ['member', '陈静', 'runoff'],
    ]);
    expect(res.result?.vacancies).toEqual([]);
    expect(res.result?.oneTimeSuccess).toBe(false);
    expect(res.result?.meetings.map((m) => m.voted)).toEqual([760, 600]);
    expect(res.result?.revisions.map((r) => r.kind)).toEqual(['submit', 'resubmit']);
    expect(res.result?.draft).toBeNull();
  });

  it('parallel duplicate submissions with one key store one revision', async () => {
    const k = nextKey();
    const sheet = { meetings: [meeting()] };
    const results = await Promise.all([submit(sheet, k), submit(sheet, k), submit(sheet, k)]);
    expect(results.map((r) => r.__typename)).toEqual([
      'ElectionUnit',
      'ElectionUnit',
      'ElectionUnit',
    ]);
    const revisions = await api.database.db
      .select()
      .from(resultRevisions)
      .where(eq(resultRevisions.idempotencyKey, k));
    expect(revisions).toHaveLength(1);
    expect(new Set(results.map((r) => r.result?.revision))).toEqual(new Set([3]));
    // a retry after success returns the same result
    expect((await submit(sheet, k)).result?.revision).toBe(3);
  });

  it('the township approves; approval locks the result; amendments keep the history', async () => {
    expect(
      errorCodes(await api.gql(REVIEW, { u: vUnit(), d: 'approve' }, { token: otherTownship })),
    ).toEqual([]);
    const foreign = (
      await api.gql<{ reviewResult: Payload }>(
        REVIEW,
        { u: vUnit(), d: 'approve' },
        { token: otherTownship },
      )
    ).data!.reviewResult;
    expect(refusalType(foreign.__typename)).toBe('refused');
    const byClerk = (
      await api.gql<{ reviewResult: Payload }>(
        REVIEW,
        { u: vUnit(), d: 'approve' },
        { token: clerk },
      )
    ).data!.reviewResult;
    expect(byClerk.__typename).toBe('ForbiddenError');

    const approved = (
      await api.gql<{ reviewResult: Payload }>(
        REVIEW,
        { u: vUnit(), d: 'approve' },
        { token: township },
      )
    ).data!.reviewResult;
    expect(approved.result?.status).toBe('approved');

    // progress follows the records: no stage record was typed for the nominations, the meeting
    // or its report (the formal list's is a draft), yet the approved result shows them approved
    const records = await api.database.db
      .select({ code: stageRecords.stageCode })
      .from(stageRecords)
      .innerJoin(unitElections, eq(unitElections.id, stageRecords.unitElectionId))
      .where(eq(unitElections.campaignId, fx.campaignId));
    const typed = records.map((r) => r.code);
    for (const code of ['nomination', 'election', 'report']) expect(typed).not.toContain(code);
    const leader = await api.login('county.leader', 'county');
    const overview = await api.gql<{
      campaignOverview: {
        funnel: {
          track: string;
          stages: { stageCode: string; approved: number; total: number }[];
        }[];
      };
    }>(
      `query($c: ID!) { campaignOverview(campaignId: $c) { funnel { track stages { stageCode approved total } } } }`,
      { c: `Campaign:${String(fx.campaignId)}` },
      { token: leader },
    );
    expect(overview.errors).toBeUndefined();
    // t01v005 is a community: its committee track is C
    const v = overview.data!.campaignOverview.funnel.find((f) => f.track === 'C')!;
    const approvedOf = (code: string) => v.stages.find((s) => s.stageCode === code)?.approved;
    for (const code of ['nomination', 'candidate_list', 'election', 'report']) {
      expect(approvedOf(code), code).toBe(1);
    }
    // what the result does not hold keeps its own record's status
    expect(approvedOf('registration')).toBe(0);
    const village = await api.gql<{
      villageChecklist: {
        units: {
          track: string;
          items: { stageCode: string; displayStatus: string; status: string }[];
        }[];
      };
    }>(
      `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { units { track items { stageCode displayStatus status } } } }`,
      { c: `Campaign:${String(fx.campaignId)}`, v: api.regionGid('t01v005') },
      { token: clerk },
    );
    const vItems = village.data!.villageChecklist.units.find((u) => u.track === 'C')!.items;
    expect(vItems.find((i) => i.stageCode === 'election')).toMatchObject({
      displayStatus: 'approved',
      status: 'not_started',
    });

    const again = await submit({ meetings: [meeting()] });
    expect(again.__typename).toBe('ConflictError');
    expect(again.message).toContain('锁定');
    const draft = (
      await api.gql<{ saveResultDraft: Payload }>(
        DRAFT,
        { u: vUnit(), s: { meetings: [meeting()] } },
        { token: clerk },
      )
    ).data!.saveResultDraft;
    expect(draft.__typename).toBe('ConflictError');

    const amendSheet = {
      meetings: [meeting({}, { 王芳: 500, 李强: 240, 张伟: 600, 刘洋: 430, 陈静: 300 })],
    };
    const noReason = (
      await api.gql<{ amendResult: Payload }>(
        AMEND,
        { u: vUnit(), s: amendSheet, r: ' ', k: nextKey() },
        { token: township },
      )
    ).data!.amendResult;
    expect(noReason.__typename).toBe('ValidationError');
    const clerkAmend = (
      await api.gql<{ amendResult: Payload }>(
        AMEND,
        { u: vUnit(), s: amendSheet, r: '计票更正', k: nextKey() },
        { token: clerk },
      )
    ).data!.amendResult;
    expect(clerkAmend.__typename).toBe('ForbiddenError');
    const bad = (
      await api.gql<{ amendResult: Payload }>(
        AMEND,
        {
          u: vUnit(),
          s: { meetings: [meeting({ ballotsValid: 751 })] },
          r: '计票更正',
          k: nextKey(),
        },
        { token: township },
      )
    ).data!.amendResult;
    expect(bad.__typename).toBe('RuleViolationError');

    const amended = (
      await api.gql<{ amendResult: Payload }>(
        AMEND,
        { u: vUnit(), s: amendSheet, r: '刘洋得票复核为430票', k: nextKey() },
        { token: township },
      )
    ).data!.amendResult;
    expect(amended.__typename).toBe('ElectionUnit');
    expect(amended.result?.status).toBe('approved');
    expect(amended.result?.revisions.map((r) => [r.revision, r.kind, r.reason])).toEqual([
      [1, 'submit', null],
      [2, 'resubmit', null],
      [3, 'resubmit', null],
      [4, 'amend', '刘洋得票复核为430票'],
    ]);
    expect(
      amended.result?.meetings[0]?.votes.find((v) => v.candidateName === '刘洋')?.votesFor,
    ).toBe(430);
    const audit = await api.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'election_result'));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['result.submit', 'result.approve', 'result.amend']),
    );
  });

  it('a returned result goes back to the village and can be resubmitted', async () => {
    const sheet = {
      meetings: [
        {
          ...meeting({
            entitled: 60,
            inPerson: 55,
            proxy: 0,
            other: 0,
            ballotsIssued: 55,
            ballotsReturned: 55,
            ballotsValid: 55,
            ballotsInvalid: 0,
          }),
          votes: [
            ['周军', 50, 3, 2],
            ['吴敏', 40, 10, 5],
            ['郑涛', 35, 15, 5],
            ['孙丽', 30, 20, 5],
            ['马超', 20, 30, 5],
          ].map(([n, f, a, b]) => ({
            candidateId: pIds.get(n as string),
            votesFor: f,
            against: a,
            abstain: b,
          })),
        },
      ],
    };
    // the county watches live: every move of the result is an event inside its scope
    const leader = await api.login('county.leader', 'county');
    const live = collect<{ campaignEvents: { kind: string; regionId: string; status: string } }>(
      wsClient(api.server.url, leader),
      `subscription($c: ID!) { campaignEvents(campaignId: $c) { kind regionId status } }`,
      { c: `Campaign:${String(fx.campaignId)}` },
    );
    await settle();
    const first = await submit(sheet, nextKey(), pUnit());
    expect(first.result?.elected.map((e) => e.person.name)).toEqual([
      '周军',
      '吴敏',
      '郑涛',
      '孙丽',
    ]);
    const noReason = (
      await api.gql<{ reviewResult: Payload }>(
        REVIEW,
        { u: pUnit(), d: 'return' },
        { token: township },
      )
    ).data!.reviewResult;
    expect(noReason.__typename).toBe('ValidationError');
    const returned = (
      await api.gql<{ reviewResult: Payload }>(
        REVIEW,
        { u: pUnit(), d: 'return', r: '请附计票单照片' },
        { token: township },
      )
    ).data!.reviewResult;
    expect(returned.result?.status).toBe('returned');
    const again = await submit(sheet, nextKey(), pUnit());
    expect(again.result?.status).toBe('submitted');
    const events = await live.waitFor(3);
    live.stop();
    expect(events.map((e) => e.campaignEvents)).toEqual(
      ['submitted', 'returned', 'submitted'].map((status) => ({
        kind: 'result',
        regionId: api.regionGid('t01v005'),
        status,
      })),
    );
  });

  it('P: refuses proxy votes and a committee list without 20% 差额', async () => {
    const proxy = await submit(
      {
        meetings: [
          meeting(
            {
              entitled: 60,
              inPerson: 54,
              proxy: 1,
              other: 0,
              ballotsIssued: 55,
              ballotsReturned: 55,
              ballotsValid: 55,
              ballotsInvalid: 0,
            },
            {},
          ),
        ],
      },
      nextKey(),
      pUnit(),
    );
    expect(proxy.findings!.map((f) => f.rule)).toContain('p.proxy_allowed');

    // 书记 1 + 委员 5 = 6 seats need 8 candidates over the whole committee: 1 + 6 fall short,
    // though the 委员 alone (6 for 5) would reach 20 %
    const unitId = fx.units.get('t01v006/P')!;
    const clerk6 = await api.login('vil01006.clerk', 'village');
    const names = await prepareElection(api.gql, clerk6, unitId, fx, { secretary: 1, member: 5 }, [
      { name: '周海', post: 'secretary' },
      { name: '吴丽', post: 'member', gender: 'female' },
      { name: '郑平', post: 'member' },
      { name: '孙强', post: 'member' },
      { name: '马力', post: 'member' },
      { name: '冯刚', post: 'member' },
      { name: '陈亮', post: 'member' },
    ]);
    const short = await submit(
      {
        meetings: [
          {
            ...meeting({
              entitled: 60,
              inPerson: 55,
              proxy: 0,
              other: 0,
              ballotsIssued: 55,
              ballotsReturned: 55,
              ballotsValid: 55,
              ballotsInvalid: 0,
            }),
            votes: [...names.values()].map((candidateId, i) => ({
              candidateId,
              votesFor: 50 - i * 4,
              against: i * 4,
              abstain: 0,
            })),
          },
        ],
      },
      nextKey(),
      unitId,
      clerk6,
    );
    expect(short.__typename).toBe('RuleViolationError');
    const margin = short.findings!.filter((f) => f.rule === 'p.committee_margin');
    expect(margin.map((f) => [f.severity, f.path])).toEqual([['warning', ['candidates']]]);
    expect(margin[0]!.message).toContain('正式候选人7名');
    expect(margin[0]!.message).toContain('应选6名');
    expect(margin[0]!.message).toContain('至少需8名');
  });

  it('an uncontested 主任 race is entered as it happened: a warning, submitted with an explanation', async () => {
    const unitId = fx.units.get('t01v006/V')!;
    const clerk6 = await api.login('vil01006.clerk', 'village');
    const names = await prepareElection(api.gql, clerk6, unitId, fx, { chair: 1, member: 2 }, [
      { name: '赵刚', post: 'chair' },
      { name: '钱红', post: 'member', gender: 'female' },
      { name: '孙亮', post: 'member' },
      { name: '李娜', post: 'member', gender: 'female' },
    ]);
    const sheet = {
      meetings: [meeting({}, {})].map((m) => ({
        ...m,
        votes: [
          ['赵刚', 600],
          ['钱红', 500],
          ['孙亮', 450],
          ['李娜', 200],
        ].map(([n, v]) => ({ candidateId: names.get(n as string), votesFor: v })),
      })),
    };
    const bare = await submit(sheet, nextKey(), unitId, clerk6);
    expect(bare.__typename).toBe('RuleViolationError');
    const competitive = committeeRule('t01v006', 'v.competitive');
    expect(bare.findings?.map((f) => `${f.severity}:${f.rule}`)).toContain(
      `warning:${competitive}`,
    );
    expect(bare.findings?.filter((f) => f.severity === 'error')).toEqual([]);
    expect(bare.message).toContain('请填写情况说明');
    const explained = await submit(
      sheet,
      nextKey(),
      unitId,
      clerk6,
      '主任候选人另一人资格联审未通过，经乡镇同意等额选举',
    );
    expect(explained.result?.status).toBe('submitted');
    expect(explained.result?.elected.map((e) => e.person.name)).toEqual(['赵刚', '钱红', '孙亮']);
    expect(explained.result?.warnings.map((w) => w.rule)).toContain(competitive);
    const stored = await api.database.db
      .select({ explanation: resultRevisions.explanation })
      .from(resultRevisions)
      .innerJoin(electionResults, eq(electionResults.id, resultRevisions.resultId))
      .where(eq(electionResults.unitElectionId, Number(unitId.split(':')[1])));
    expect(stored).toEqual([{ explanation: '主任候选人另一人资格联审未通过，经乡镇同意等额选举' }]);
  });

  it('refuses another village’s clerk and an unknown unit', async () => {
    const other = await api.login('vil02003.clerk', 'village');
    expect(
      refusalType((await submit({ meetings: [meeting()] }, nextKey(), vUnit(), other)).__typename),
    ).toBe('refused');
    expect(
      (await submit({ meetings: [meeting()] }, nextKey(), 'ElectionUnit:999999')).__typename,
    ).toBe('NotFoundError');
  });

  it('refuses control, zero-width and bidi characters in a return reason and in a sheet', async () => {
    for (const r of ['请附\u0000照片', '请附\u202e照片', 'x'.repeat(1_000_000)]) {
      const res = (
        await api.gql<{ reviewResult: Payload & { issues?: { path: string[] }[] } }>(
          `mutation($u: ID!, $r: String) { reviewResult(unitId: $u, decision: return, reason: $r) { __typename ... on ValidationError { issues { path } } } }`,
          { u: pUnit(), r },
          { token: township },
        )
      ).data?.reviewResult;
      expect(res?.__typename).toBe('ValidationError');
      expect(res?.issues?.map((i) => i.path.join('.'))).toEqual(['reason']);
    }
    const writeIn = (name: string) => ({
      meetings: [
        { ...meeting(), writeIns: [{ post: 'member', name, gender: 'male', votesFor: 1 }] },
      ],
    });
    for (const name of ['王\u0000五', '王\u202e五', '王\u200b五']) {
      const draft = (
        await api.gql<{ saveResultDraft: Payload }>(
          DRAFT,
          { u: vUnit(), s: writeIn(name) },
          { token: clerk },
        )
      ).data?.saveResultDraft;
      expect(draft?.__typename, name).toBe('ValidationError');
    }
  });

  it('the one who submitted a result reviews it only where nobody else may, and it is marked', async () => {
    // roles keep submitting and reviewing apart; a clerk who became the coordinator is the case
    const coordinatorId = await userIdOf(api, 'town01.coordinator');
    const unitId = Number(pUnit().split(':')[1]);
    await api.database.db
      .update(electionResults)
      .set({ submittedBy: coordinatorId })
      .where(eq(electionResults.unitElectionId, unitId));
    const reviewAs = async (token: string) =>
      (await api.gql<{ reviewResult: Payload }>(REVIEW, { u: pUnit(), d: 'approve' }, { token }))
        .data!.reviewResult;
    const selfReviewed = async () =>
      (
        await api.gql<{ electionUnit: { result: { status: string; selfReviewed: boolean } } }>(
          `query($id: ID!) { electionUnit(id: $id) { result { status selfReviewed } } }`,
          { id: pUnit() },
          { token: township },
        )
      ).data?.electionUnit.result;

    const deputyId = await addCoordinator(api, 'town01.deputy', 't01');
    const own = await reviewAs(township);
    expect(own.__typename).toBe('ForbiddenError');
    expect(own.message).toContain('其他');
    expect(await selfReviewed()).toEqual({ status: 'submitted', selfReviewed: false });

    await setUserDisabled(api, deputyId, true);
    expect((await reviewAs(township)).result?.status).toBe('approved');
    expect(await selfReviewed()).toEqual({ status: 'approved', selfReviewed: true });
  });
});
