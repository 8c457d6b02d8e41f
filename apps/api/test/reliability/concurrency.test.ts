import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  electionMeetings,
  electionResults,
  queryRows,
  resultRevisions,
} from '@huanjie/db';
import { and, eq, sql } from 'drizzle-orm';
import type { ItemView, SaveResult } from '../campaign-helpers.js';
import { SAVE, entry, itemOf, startCampaign } from '../campaign-helpers.js';
import type { ElectionFixture } from '../elections-fixture.js';
import { MUTATION_RESULT, createElectionFixture, prepareElection } from '../elections-fixture.js';
import type { TestApi } from '../harness.js';
import { startTestApi } from '../harness.js';

/**
 * Concurrent writers. (The API suite's results.test.ts keeps its three parallel duplicates of one
 * submission, checked on PGlite and PostgreSQL with every `npm test`; here the same request is sent
 * fifty times.) On PostgreSQL (DATABASE_URL, as in CI) the API's pool runs these requests on
 * separate connections, so the races are real; PGlite has one connection and serialises them.
 */
const ROUNDS = Number(process.env.HUANJIE_CONCURRENCY_ROUNDS ?? 8);
const PARALLEL_SUBMISSIONS = 50;

const RISK = `mutation($c: ID!, $v: ID!, $l: RiskLevel!, $r: String, $x: Int) {
  setVillageRisk(campaignId: $c, villageId: $v, level: $l, reason: $r, expectedVersion: $x) {
    __typename ... on VillageRisk { id level reason version setByRole } ... on Error { code message } } }`;
const RISKS = `query($id: ID!) { campaign(id: $id) { risks { village { id } level reason version setByRole } } }`;
const SUBMIT = `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k) { ${MUTATION_RESULT('ElectionUnit')} } }`;

describe(`concurrent writers (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let api: TestApi;
  let admin: string;
  let clerk: string;
  let coordinator: string;
  let campaignId: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('county.admin', 'county');
    clerk = await api.login('vil01001.clerk', 'village');
    coordinator = await api.login('town01.coordinator', 'township');
    campaignId = (await startCampaign(api, admin, { daysAhead: 30, name: '并发测试' })).id;
  });
  afterAll(() => api.close());

  it('two users editing one stage record from the same version: one wins intact, the other gets a conflict', async () => {
    const counts = (item: ItemView, n: number) => {
      // every count field the stage asks for, so a mixture of the two edits would show
      const keys = item.record?.counts.map((c) => c.key) ?? [];
      return Object.fromEntries(keys.map((k, i) => [k, n + i]));
    };
    // a draft to edit: the clerk saves the committee's first stage once
    const track =
      api.demoPlan.regions.find((r) => r.key === 't01v001')?.level === 'community' ? 'C' : 'V';
    let item = await itemOf(api, clerk, campaignId, 't01v001', track, 'audit');
    const first = await api.gql<SaveResult>(SAVE, entry(item, { note: '起草' }), { token: clerk });
    expect(first.data?.saveStage.__typename, JSON.stringify(first)).toBe('StageItem');
    item = first.data!.saveStage;
    let clerkWins = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const from = item.record!.version;
      const edits = [
        { token: clerk, note: `村里第${String(round)}次`, n: 100 + round, doneDate: null },
        { token: coordinator, note: `乡镇第${String(round)}次`, n: 200 + round, doneDate: null },
      ];
      const results = await Promise.all(
        edits.map((e) =>
          api.gql<SaveResult>(SAVE, entry(item, { note: e.note, counts: counts(item, e.n) }), {
            token: e.token,
          }),
        ),
      );
      const types = results.map((r) => r.data?.saveStage.__typename ?? JSON.stringify(r.errors));
      expect([...types].sort(), `round ${String(round)}`).toEqual(['ConflictError', 'StageItem']);
      const loser = results.find((r) => r.data?.saveStage.__typename === 'ConflictError')!;
      expect(loser.data?.saveStage.code).toBe('CONFLICT');
      const winner = edits[types.indexOf('StageItem')]!;
      if (winner.token === clerk) clerkWins += 1;
      // what is stored is exactly the winner's edit, one version on
      const stored = await itemOf(api, clerk, campaignId, 't01v001', track, 'audit');
      expect(stored.record?.version).toBe(from + 1);
      const note = await storedNote(stored.record!.id);
      expect(note).toBe(winner.note);
      expect(Object.fromEntries(stored.record!.counts.map((c) => [c.key, c.value]))).toEqual(
        counts(item, winner.n),
      );
      item = stored;
    }
    process.stdout.write(
      `stage record: ${String(ROUNDS)} rounds of two concurrent edits, the village won ${String(clerkWins)}, the township ${String(ROUNDS - clerkWins)}; every loser got CONFLICT\n`,
    );
  });

  it('two users setting one village risk from the same version: one wins intact, the other gets a conflict', async () => {
    const village = api.regionGid('t01v002');
    const read = async () => {
      const res = await api.gql<{
        campaign: {
          risks: {
            village: { id: string };
            level: string;
            reason: string;
            version: number;
            setByRole: string;
          }[];
        };
      }>(RISKS, { id: campaignId }, { token: admin });
      return res.data?.campaign.risks.find((r) => r.village.id === village) ?? null;
    };
    const created = await api.gql<{ setVillageRisk: { __typename: string } }>(
      RISK,
      { c: campaignId, v: village, l: 'key', r: '初定', x: null },
      { token: coordinator },
    );
    expect(created.data?.setVillageRisk.__typename, JSON.stringify(created)).toBe('VillageRisk');
    for (let round = 0; round < ROUNDS; round++) {
      const from = (await read())!.version;
      const edits = [
        {
          token: coordinator,
          l: 'difficult',
          r: `乡镇原因${String(round)}`,
        },
        { token: admin, l: 'key', r: `县里原因${String(round)}` },
      ];
      const results = await Promise.all(
        edits.map((e) =>
          api.gql<{ setVillageRisk: { __typename: string; code?: string } }>(
            RISK,
            { c: campaignId, v: village, l: e.l, r: e.r, x: from },
            { token: e.token },
          ),
        ),
      );
      const types = results.map(
        (r) => r.data?.setVillageRisk.__typename ?? JSON.stringify(r.errors),
      );
      expect([...types].sort(), `round ${String(round)}`).toEqual(['ConflictError', 'VillageRisk']);
      expect(
        results.find((r) => r.data?.setVillageRisk.__typename === 'ConflictError')?.data
          ?.setVillageRisk.code,
      ).toBe('CONFLICT');
      const winner = edits[types.indexOf('VillageRisk')]!;
      const stored = await read();
      expect(stored).toMatchObject({
        level: winner.l,
        reason: winner.r,
        version: from + 1,
        setByRole: winner.token === admin ? '县换届办管理员' : '乡镇选举办',
      });
    }
  });

  describe('the same result submission 50 times in parallel', () => {
    let fx: ElectionFixture;
    let villageClerk: string;
    let ids: Map<string, string>;

    beforeAll(async () => {
      fx = await createElectionFixture(api, ['t02v005']);
      villageClerk = await api.login('vil02005.clerk', 'village');
      ids = await prepareElection(
        api.gql,
        villageClerk,
        fx.units.get('t02v005/V')!,
        fx,
        { chair: 1, member: 2 },
        [
          { name: '王芳', post: 'chair', gender: 'female' },
          { name: '李强', post: 'chair' },
          { name: '张伟', post: 'member' },
          { name: '刘洋', post: 'member' },
          { name: '陈静', post: 'member', gender: 'female' },
        ],
      );
    });

    it('stores one result, and all 50 responses agree', async () => {
      const unit = fx.units.get('t02v005/V')!;
      const unitId = Number(unit.split(':')[1]);
      const votes = { 王芳: 500, 李强: 240, 张伟: 600, 刘洋: 420, 陈静: 300 };
      const sheet = {
        meetings: [
          {
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
            votes: Object.entries(votes).map(([name, n]) => ({
              candidateId: ids.get(name),
              votesFor: n,
            })),
          },
        ],
      };
      const key = `parallel-${String(Date.now())}`;
      const responses = await Promise.all(
        Array.from({ length: PARALLEL_SUBMISSIONS }, () =>
          api.gql<{ submitResult: { __typename: string; message?: string; result?: unknown } }>(
            SUBMIT,
            { u: unit, s: sheet, k: key },
            { token: villageClerk },
          ),
        ),
      );
      const payloads = responses.map((r) => r.data?.submitResult ?? r.errors);
      const distinct = new Set(payloads.map((p) => JSON.stringify(p)));
      expect(distinct.size, [...distinct].join('\n').slice(0, 2000)).toBe(1);
      const payload = responses[0]!.data!.submitResult as {
        __typename: string;
        result: { status: string; revision: number; elected: unknown[] };
      };
      expect(payload.__typename).toBe('ElectionUnit');
      expect(payload.result.status).toBe('submitted');
      expect(payload.result.revision).toBe(1);

      const db = api.database.db;
      const results = await db
        .select()
        .from(electionResults)
        .where(eq(electionResults.unitElectionId, unitId));
      expect(results).toHaveLength(1);
      const revisions = await db
        .select()
        .from(resultRevisions)
        .where(eq(resultRevisions.resultId, results[0]!.id));
      expect(revisions).toHaveLength(1);
      expect(revisions[0]!.idempotencyKey).toBe(key);
      const meetings = await db
        .select()
        .from(electionMeetings)
        .where(eq(electionMeetings.resultId, results[0]!.id));
      expect(meetings).toHaveLength(sheet.meetings.length);
      const audited = await api.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.entityType, 'election_result'),
            eq(auditLog.entityId, String(results[0]!.id)),
          ),
        );
      expect(audited).toEqual([{ action: 'result.submit' }]);
      process.stdout.write(
        `idempotent submission: ${String(PARALLEL_SUBMISSIONS)} parallel requests, 1 result, 1 revision, 1 audit entry, 1 distinct response\n`,
      );
    });
  });

  async function storedNote(recordGid: string): Promise<string | null> {
    const rows = await queryRows<{ note: string | null }>(
      api.database.db,
      sql`select note from stage_records where id = ${Number(recordGid.split(':')[1])}`,
    );
    return rows[0]?.note ?? null;
  }
});
