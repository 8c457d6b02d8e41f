import { electionResults, queryRows, unitElections } from '@huanjie/db';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCampaign, setElectionDay } from '../../../test/guidance-fixtures.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

const ERRORS = `__typename ... on Error { code message } ... on ValidationError { issues { path message } }`;
const COMMENT = `mutation($i: RecordCommentInput!) { commentOnRecord(input: $i) {
  ${ERRORS} ... on RecordComment { id body escalated subjectLabel village { id } townshipName authorName resolution } } }`;
const QUEUE = `query($f: EscalationFilter) { escalations(filter: $f) { id body subjectLabel village { id } resolution resolverName } }`;
const RESOLVE = `mutation($c: ID!, $r: String!) { resolveEscalation(commentId: $c, resolution: $r) {
  ${ERRORS} ... on RecordComment { id resolution resolverName resolvedAt } } }`;

interface Payload {
  __typename: string;
  id?: string;
  message?: string;
  issues?: { path: string[]; message: string }[];
  [key: string]: unknown;
}

/**
 * A county leader comments on a village's record and escalates it to the township (issue 12):
 * the escalation is on that township's queue, which the township resolves with an answer.
 */
describe('comments and escalations', () => {
  let api: TestApi;
  let unitGid: string;
  let otherUnitGid: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const campaignId = await ensureCampaign(api);
    await setElectionDay(api, campaignId, 't01v001', '2099-06-30');
    await setElectionDay(api, campaignId, 't02v003', '2099-06-30');
    const unitOf = async (key: string) => {
      const [row] = await api.database.db
        .select({ id: unitElections.id })
        .from(unitElections)
        .where(
          and(
            eq(unitElections.campaignId, campaignId),
            eq(unitElections.regionId, api.demo.regionIds.get(key)!),
          ),
        );
      return row!.id;
    };
    const unit = await unitOf('t01v001');
    unitGid = `UnitElection:${String(unit)}`;
    otherUnitGid = `UnitElection:${String(await unitOf('t02v003'))}`;
    await api.database.db.insert(electionResults).values({
      unitElectionId: unit,
      regionPath: api.demo.regionPaths.get('t01v001')!,
      status: 'submitted',
    });
    for (const [name, app] of [
      ['county.leader', 'county'],
      ['county.supervisor', 'county'],
      ['town01.coordinator', 'township'],
      ['town02.coordinator', 'township'],
      ['vil01001.clerk', 'village'],
    ] as const) {
      tokens[name] = await api.login(name, app);
    }
  });
  afterAll(() => api.close());

  const as = (name: string) => ({ token: tokens[name] });
  async function comment(who: string, input: Record<string, unknown>) {
    const res = await api.gql<{ commentOnRecord: Payload }>(COMMENT, { i: input }, as(who));
    expect(res.errors).toBeUndefined();
    return res.data!.commentOnRecord;
  }
  const audits = async () =>
    (
      await queryRows<{ n: number }>(api.database.db, sql`select count(*)::int as n from audit_log`)
    )[0]!.n;

  it('lets the leader comment on a stage and escalate a result; both audited', async () => {
    const before = await audits();
    const plain = await comment('county.leader', {
      unitElectionId: unitGid,
      stageCode: 'audit',
      body: '审计公开时间偏晚，请关注',
      escalate: false,
    });
    expect(plain).toMatchObject({
      __typename: 'RecordComment',
      escalated: false,
      authorName: expect.any(String),
    });
    expect(plain.subjectLabel).not.toBe('audit');
    const escalated = await comment('county.leader', {
      unitElectionId: unitGid,
      body: '得票数与有效票不符，请乡镇核实',
      escalate: true,
    });
    expect(escalated).toMatchObject({
      escalated: true,
      subjectLabel: '选举结果',
      village: { id: api.regionGid('t01v001') },
    });
    expect(await audits()).toBe(before + 2);
    const [last] = await queryRows<{ action: string }>(
      api.database.db,
      sql`select action from audit_log order by id desc limit 1`,
    );
    expect(last?.action).toBe('comment.escalate');
  });

  it('refuses empty comments, unknown stages, other roles and records outside the scope', async () => {
    const before = await audits();
    const empty = await comment('county.leader', {
      unitElectionId: unitGid,
      stageCode: 'audit',
      body: '',
      escalate: true,
    });
    expect(empty.issues?.[0]).toEqual({ path: ['body'], message: '请填写批注' });
    const stage = await comment('county.leader', {
      unitElectionId: unitGid,
      stageCode: 'nope',
      body: '看看',
      escalate: false,
    });
    expect(stage.issues?.[0]?.path).toEqual(['input', 'stageCode']);
    const noResult = await comment('county.leader', {
      unitElectionId: otherUnitGid,
      body: '看看',
      escalate: false,
    });
    expect(noResult.__typename).toBe('ValidationError');
    expect(noResult.message).toContain('尚未填报选举结果');
    const coordinator = await comment('town01.coordinator', {
      unitElectionId: unitGid,
      stageCode: 'audit',
      body: '看看',
      escalate: false,
    });
    expect(coordinator.__typename).toBe('ForbiddenError');
    const outside = await comment('town02.coordinator', {
      unitElectionId: unitGid,
      stageCode: 'audit',
      body: '看看',
      escalate: false,
    });
    expect(outside.__typename).toBe('NotFoundError');
    expect(await audits()).toBe(before);
  });

  it('puts the escalation on its township’s queue only, where the township resolves it', async () => {
    const queue = async (who: string, filter = 'open') => {
      const res = await api.gql<{ escalations: Payload[] }>(QUEUE, { f: filter }, as(who));
      expect(res.errors).toBeUndefined();
      return res.data!.escalations;
    };
    const open = await queue('town01.coordinator');
    expect(open.map((e) => e.body)).toEqual(['得票数与有效票不符，请乡镇核实']);
    expect(await queue('town02.coordinator')).toEqual([]);
    expect(await queue('county.leader')).toHaveLength(1);
    const id = open[0]!.id!;
    const byLeader = await api.gql<{ resolveEscalation: Payload }>(
      RESOLVE,
      { c: id, r: '已核实' },
      as('county.leader'),
    );
    expect(byLeader.data?.resolveEscalation.__typename).toBe('ForbiddenError');
    const byOther = await api.gql<{ resolveEscalation: Payload }>(
      RESOLVE,
      { c: id, r: '已核实' },
      as('town02.coordinator'),
    );
    expect(byOther.data?.resolveEscalation.__typename).toBe('NotFoundError');
    const done = await api.gql<{ resolveEscalation: Payload }>(
      RESOLVE,
      { c: id, r: '已重新核对计票单，系录入笔误，已退回更正' },
      as('town01.coordinator'),
    );
    expect(done.data?.resolveEscalation).toMatchObject({
      __typename: 'RecordComment',
      resolution: '已重新核对计票单，系录入笔误，已退回更正',
      resolverName: expect.any(String),
    });
    const again = await api.gql<{ resolveEscalation: Payload }>(
      RESOLVE,
      { c: id, r: '再办' },
      as('town01.coordinator'),
    );
    expect(again.data?.resolveEscalation.__typename).toBe('ConflictError');
    expect(await queue('town01.coordinator')).toEqual([]);
    expect(await queue('town01.coordinator', 'resolved')).toHaveLength(1);
    const comments = await api.gql<{ recordComments: Payload[] }>(
      'query($u: ID!) { recordComments(unitElectionId: $u) { body resolution } }',
      { u: unitGid },
      as('county.leader'),
    );
    expect(comments.data?.recordComments).toEqual([
      {
        body: '得票数与有效票不符，请乡镇核实',
        resolution: '已重新核对计票单，系录入笔误，已退回更正',
      },
    ]);
  });
});
