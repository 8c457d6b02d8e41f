import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@huanjie/db';
import { generateDemoCounty, insertDemoCounty } from '@huanjie/db/demo';
import { createTestDatabase } from '@huanjie/db/testing';
import { queryRows, stageRecords } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import * as repo from './monitoring.repo.js';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, refusal, startTestApi } from '../../../test/harness.js';
import type { ItemView, SaveResult } from '../../../test/campaign-helpers.js';
import {
  REVIEW,
  SAVE,
  checklist,
  entry,
  itemOf,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../../../test/campaign-helpers.js';
import { collect, settle, wsClient } from '../../../test/ws-client.js';
import { createRedisBus } from '../../events/event-bus.js';
import type { RunningServer } from '../../server.js';
import { startServer } from '../../server.js';

const OVERVIEW = `query($c: ID!, $r: ID, $t: Track) { campaignOverview(campaignId: $c, regionId: $r, track: $t) {
  region { id name } daysToElection today
  totals { villages done inProgress overdue blocked notStarted }
  children { region { id name } counts { villages done inProgress overdue blocked notStarted } keyRisk difficultRisk }
  funnel { track units stages { stageCode total approved submitted inProgress overdue blocked notStarted } }
  overdue(limit: 500) { total items { village { id } track stageCode dueDate daysOverdue } }
  riskVillages { village { id name } level reason progress }
} }`;

interface Counts {
  villages: number;
  done: number;
  inProgress: number;
  overdue: number;
  blocked: number;
  notStarted: number;
}
interface Overview {
  campaignOverview: {
    totals: Counts;
    daysToElection: number;
    children: {
      region: { id: string; name: string };
      counts: Counts;
      keyRisk: number;
      difficultRisk: number;
    }[];
    funnel: {
      track: string;
      units: number;
      stages: {
        stageCode: string;
        total: number;
        approved: number;
        submitted: number;
        inProgress: number;
        overdue: number;
        blocked: number;
        notStarted: number;
      }[];
    }[];
    overdue: {
      total: number;
      items: { village: { id: string }; track: string; stageCode: string; daysOverdue: number }[];
    };
    riskVillages: { village: { id: string }; level: string; reason: string; progress: string }[];
  };
}

const EVENTS = `subscription($c: ID!) { campaignEvents(campaignId: $c) { kind regionId track stageCode status } }`;
interface EventData {
  campaignEvents: {
    kind: string;
    regionId: string | null;
    track: string | null;
    stageCode: string | null;
    status: string | null;
  };
}

describe('monitoring: overview, matrix and live events', () => {
  let api: TestApi;
  let admin: string;
  let leader: string;
  let coordinator: string;
  let clerk: string;
  let campaignId: string;
  let village: string;
  const today = todayInChina();

  beforeAll(async () => {
    api = await startTestApi();
    village = api.demoPlan.regions.find((r) => r.parentKey === 't01' && r.level === 'village')!.key;
    [admin, leader, coordinator, clerk] = await Promise.all([
      api.login('county.admin', 'county'),
      api.login('county.leader', 'county'),
      api.login('town01.coordinator', 'township'),
      api.login(`vil${village.slice(1, 3)}${village.slice(4)}.clerk`, 'village'),
    ]);
    campaignId = (await startCampaign(api, admin, { daysAhead: 15 })).id;
    // one village's audit approved, its registration submitted
    const audit = await itemOf(api, clerk, campaignId, village, 'V', 'audit');
    const photoId = await uploadPhoto(api, clerk, village);
    await api.gql<SaveResult>(
      SAVE,
      entry(audit, { doneDate: today, photoId, submit: true, explanation: '推迟' }),
      { token: clerk },
    );
    const submitted = await itemOf(api, clerk, campaignId, village, 'V', 'audit');
    await api.gql(
      REVIEW,
      { id: submitted.record!.id, v: submitted.record!.version, d: 'approve' },
      { token: coordinator },
    );
    const registration = await itemOf(api, clerk, campaignId, village, 'V', 'registration');
    await api.gql<SaveResult>(
      SAVE,
      entry(registration, {
        doneDate: today,
        counts: { registered: 800 },
        submit: true,
        explanation: '推迟',
      }),
      { token: clerk },
    );
    await api.gql(
      `mutation($c: ID!, $v: ID!) { setVillageRisk(campaignId: $c, villageId: $v, level: difficult, reason: "宗族矛盾突出") { __typename } }`,
      { c: campaignId, v: api.regionGid(village) },
      { token: coordinator },
    );
  });
  afterAll(() => api.close());

  it('counts every village once, by standing, with the denominator, per township', async () => {
    const res = await api.gql<Overview>(OVERVIEW, { c: campaignId }, { token: leader });
    expect(res.errors).toBeUndefined();
    const o = res.data!.campaignOverview;
    const villages = api.demoPlan.regions.filter(
      (r) => r.level === 'village' || r.level === 'community',
    );
    expect(o.totals.villages).toBe(villages.length);
    const { villages: total, ...parts } = o.totals;
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(total);
    expect(o.children.map((c) => c.region.name)).toEqual(
      api.demoPlan.regions.filter((r) => r.level === 'township').map((r) => r.name),
    );
    const t01 = o.children.find((c) => c.region.id === api.regionGid('t01'))!;
    expect(t01.difficultRisk).toBe(1);
    // every village has overdue stages 15 days before the day (the voter list is due 20 days before)
    expect(o.totals.overdue).toBe(total);
    expect(o.daysToElection).toBe(15);
  });

  it('builds the funnel from the records: one approved audit, one submitted registration', async () => {
    const res = await api.gql<Overview>(OVERVIEW, { c: campaignId }, { token: admin });
    const v = res.data!.campaignOverview.funnel.find((f) => f.track === 'V')!;
    const villagesV = api.demoPlan.regions.filter((r) => r.level === 'village').length;
    expect(v.units).toBe(villagesV);
    const audit = v.stages.find((s) => s.stageCode === 'audit')!;
    expect(audit).toMatchObject({ total: villagesV, approved: 1 });
    const registration = v.stages.find((s) => s.stageCode === 'registration')!;
    expect(registration.submitted).toBe(1);
    for (const s of v.stages) {
      expect(s.approved + s.submitted + s.inProgress + s.overdue + s.blocked + s.notStarted).toBe(
        s.total,
      );
    }
  });

  it('agrees with the village checklist, stage by stage', async () => {
    const res = await api.gql<Overview>(
      OVERVIEW,
      { c: campaignId, r: api.regionGid('t01') },
      { token: coordinator },
    );
    const overdue = res.data!.campaignOverview.overdue.items.filter(
      (i) => i.village.id === api.regionGid(village),
    );
    const list = await checklist(api, clerk, campaignId, village);
    const fromChecklist = list.data!.villageChecklist.units.flatMap((u) =>
      u.items
        .filter((i: ItemView) => i.displayStatus === 'overdue')
        .map((i) => `${u.track}.${i.stageCode}`),
    );
    expect(overdue.map((i) => `${i.track}.${i.stageCode}`).sort()).toEqual(fromChecklist.sort());
    expect(res.data!.campaignOverview.riskVillages).toEqual([
      expect.objectContaining({ level: 'difficult', reason: '宗族矛盾突出', progress: 'overdue' }),
    ]);
  });

  it('leaves the planner settings of the surrounding transaction as they were', async () => {
    // the aggregation switches nested loops and JIT off for itself only; a request's later
    // statements share its transaction and must plan normally
    const settings = await api.database.db.transaction(async (tx) => {
      await repo.overviewParts(tx, Number(campaignId.split(':')[1]), '1.', todayInChina(), null);
      return queryRows<{ nestloop: string; jit: string }>(
        tx,
        sql`select current_setting('enable_nestloop') as nestloop, current_setting('jit') as jit`,
      );
    });
    const defaults = await queryRows<{ nestloop: string; jit: string }>(
      api.database.db,
      sql`select current_setting('enable_nestloop') as nestloop, current_setting('jit') as jit`,
    );
    expect(defaults[0]?.nestloop).toBe('on');
    expect(settings).toEqual(defaults);
  });

  it('keeps townships and villages inside their own subtree', async () => {
    const foreign = await api.gql(
      OVERVIEW,
      { c: campaignId, r: api.regionGid('t02') },
      { token: coordinator },
    );
    expect(refusal(foreign)).toBe('refused');
    const county = await api.gql(
      OVERVIEW,
      { c: campaignId, r: api.regionGid('c') },
      { token: clerk },
    );
    expect(errorCodes(county)).toEqual(['FORBIDDEN']);
    const own = await api.gql<Overview>(OVERVIEW, { c: campaignId }, { token: coordinator });
    expect(own.data!.campaignOverview.children.length).toBe(
      api.demoPlan.regions.filter((r) => r.parentKey === 't01').length,
    );
  });

  it('shows the township matrix with filters by track, zone and risk', async () => {
    const query = `query($c: ID!, $t: ID!, $track: Track, $risk: RiskLevel) {
      townshipMatrix(campaignId: $c, townshipId: $t, track: $track, risk: $risk) {
        columns { stageCode } rows { village { id } riskLabel cells { stageCode displayStatus } } } }`;
    const all = await api.gql<{
      townshipMatrix: {
        columns: { stageCode: string }[];
        rows: {
          village: { id: string };
          riskLabel: string;
          cells: { stageCode: string; displayStatus: string }[];
        }[];
      };
    }>(query, { c: campaignId, t: api.regionGid('t01') }, { token: coordinator });
    const t01 = api.demoPlan.regions.filter((r) => r.parentKey === 't01');
    expect(all.data!.townshipMatrix.rows.length).toBe(t01.length);
    const row = all.data!.townshipMatrix.rows.find((r) => r.village.id === api.regionGid(village))!;
    expect(row.cells.find((c) => c.stageCode === 'audit')?.displayStatus).toBe('approved');
    expect(row.cells.find((c) => c.stageCode === 'registration')?.displayStatus).toBe('submitted');
    const difficult = await api.gql<{ townshipMatrix: { rows: { riskLabel: string }[] } }>(
      query,
      { c: campaignId, t: api.regionGid('t01'), risk: 'difficult' },
      { token: coordinator },
    );
    expect(difficult.data!.townshipMatrix.rows).toEqual([
      expect.objectContaining({ riskLabel: '难点' }),
    ]);
    const party = await api.gql<{
      townshipMatrix: { columns: { stageCode: string }[]; rows: unknown[] };
    }>(query, { c: campaignId, t: api.regionGid('t01'), track: 'P' }, { token: coordinator });
    expect(party.data!.townshipMatrix.columns.map((c) => c.stageCode)).toContain('vetting');
    expect(party.data!.townshipMatrix.rows.length).toBe(t01.length);
  });

  it('pushes a village’s submission to the county over WebSocket, only inside each scope', async () => {
    const county = collect<EventData>(wsClient(api.server.url, leader), EVENTS, { c: campaignId });
    const otherVillageClerk = await api.login('vil02001.clerk', 'village');
    const outsider = collect<EventData>(
      wsClient(api.server.url, otherVillageClerk, 'village'),
      EVENTS,
      { c: campaignId },
    );
    await settle();
    const item = await itemOf(api, clerk, campaignId, village, 'V', 'committee');
    const saved = await api.gql<SaveResult>(
      SAVE,
      entry(item, { doneDate: today, counts: { members: 7 } }),
      { token: clerk },
    );
    expect(saved.data?.saveStage.status).toBe('draft');
    const [event] = await county.waitFor(1);
    expect(event?.campaignEvents).toEqual({
      kind: 'stage',
      regionId: api.regionGid(village),
      track: 'V',
      stageCode: 'committee',
      status: 'draft',
    });
    await settle();
    expect(outsider.events).toEqual([]);
    county.stop();
    outsider.stop();
  });

  it('ends a live connection with its session: no event after logout, the socket closed', async () => {
    const name = `vil${village.slice(1, 3)}${village.slice(4)}.clerk`;
    const [watching, working] = await Promise.all([
      api.login(name, 'village'),
      api.login(name, 'village'),
    ]);
    const client = wsClient(api.server.url, watching, 'village');
    let closedWith: number | null = null;
    client.on('closed', (event) => {
      closedWith = (event as { code: number }).code;
    });
    const live = collect<EventData>(client, EVENTS, { c: campaignId });
    await settle();
    const save = async (members: number) => {
      const item = await itemOf(api, working, campaignId, village, 'V', 'committee');
      const res = await api.gql<SaveResult>(
        SAVE,
        entry(item, { doneDate: today, counts: { members } }),
        { token: working },
      );
      expect(res.data?.saveStage.__typename).toBe('StageItem');
    };
    await save(8);
    await live.waitFor(1);
    await api.gql('mutation { logout }', {}, { token: watching });
    await save(9);
    await expect.poll(() => closedWith, { timeout: 15_000 }).toBe(4401);
    expect(live.events).toHaveLength(1);
    // opening a socket again with the ended session: closed 4401 too, which the apps do not retry
    const again = wsClient(api.server.url, watching, 'village');
    let againClosedWith: number | null = null;
    again.on('closed', (event) => {
      againClosedWith = (event as { code: number }).code;
    });
    const retry = collect<EventData>(again, EVENTS, { c: campaignId });
    await expect.poll(() => againClosedWith, { timeout: 5_000 }).toBe(4401);
    expect(retry.events).toHaveLength(0);
  });

  it('refuses a WebSocket opened by a page of another site, not one of the apps', async () => {
    const evil = collect<EventData>(
      wsClient(api.server.url, leader, 'county', 'https://evil.example'),
      EVENTS,
      { c: campaignId },
    );
    await expect(evil.waitFor(1, 3000)).rejects.toThrow();
    // an app of this installation: the API's host, its own port
    const host = new URL(api.server.url).hostname;
    const app = collect<EventData>(
      wsClient(api.server.url, leader, 'county', `http://${host}:5173`),
      EVENTS,
      { c: campaignId },
    );
    await settle();
    const item = await itemOf(api, clerk, campaignId, village, 'V', 'committee');
    await api.gql<SaveResult>(SAVE, entry(item, { doneDate: today, counts: { members: 7 } }), {
      token: clerk,
    });
    await app.waitFor(1);
    app.stop();
  });

  it('a stage first submitted by its due date and returned later is not overdue: the review time is the township’s', async () => {
    const registration = await itemOf(api, clerk, campaignId, village, 'V', 'registration');
    expect(registration.displayStatus).toBe('submitted');
    // the village had submitted it on time (the suite's campaign starts after the due date)
    const onTime = new Date(`${addDays(registration.dueDate, -1)}T02:00:00Z`);
    await api.database.db
      .update(stageRecords)
      .set({ firstSubmittedAt: onTime })
      .where(eq(stageRecords.id, Number(registration.record!.id.split(':')[1])));
    const returned = await api.gql<{ reviewStage: ItemView }>(
      REVIEW,
      {
        id: registration.record!.id,
        v: registration.record!.version,
        d: 'return',
        c: '请补充四增四减',
      },
      { token: coordinator },
    );
    expect(returned.data?.reviewStage.displayStatus).toBe('returned');
    const res = await api.gql<Overview>(
      OVERVIEW,
      { c: campaignId, r: api.regionGid('t01') },
      { token: coordinator },
    );
    const late = res.data!.campaignOverview.overdue.items.filter(
      (i) => i.village.id === api.regionGid(village),
    );
    expect(late.map((i) => `${i.track}.${i.stageCode}`)).not.toContain('V.registration');
    // a stage first submitted after its due date stays overdue once returned
    await api.database.db
      .update(stageRecords)
      .set({ firstSubmittedAt: new Date(`${addDays(registration.dueDate, 2)}T02:00:00Z`) })
      .where(eq(stageRecords.id, Number(registration.record!.id.split(':')[1])));
    const again = await itemOf(api, clerk, campaignId, village, 'V', 'registration');
    expect(again.displayStatus).toBe('overdue');
  });

  it('applies the HTTP query limits on the socket: 30 aliases are refused', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `a${String(i)}: campaignEvents(campaignId: $c) { kind }`,
    ).join(' ');
    const many = collect(wsClient(api.server.url, leader), `subscription($c: ID!) { ${aliases} }`, {
      c: campaignId,
    });
    await expect(many.waitFor(1, 3000)).rejects.toThrow(/alias/i);
  });

  it('refuses a WebSocket without a session, and queries over the socket', async () => {
    const anonymousClient = wsClient(api.server.url, null);
    let closedWith: number | null = null;
    anonymousClient.on('closed', (event) => {
      closedWith = (event as { code: number }).code;
    });
    const anonymous = collect<EventData>(anonymousClient, EVENTS, { c: campaignId });
    await expect(anonymous.waitFor(1, 3000)).rejects.toThrow();
    expect(closedWith).toBe(4401);
    const query = collect(wsClient(api.server.url, leader), '{ me { id } }', {});
    await expect(query.waitFor(1, 3000)).rejects.toThrow(/订阅/);
  });
});

describe('two API instances share events through Redis', () => {
  let database: Database;
  let a: RunningServer;
  let b: RunningServer;
  const channel = `huanjie:test:${randomBytes(4).toString('hex')}`;
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const buses: { close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertDemoCounty(database.db, generateDemoCounty({ villages: 36 }));
    const [busA, busB] = await Promise.all([
      createRedisBus(url, channel),
      createRedisBus(url, channel),
    ]);
    buses.push(busA, busB);
    a = await startServer({ database, events: busA }, { port: 0, host: '127.0.0.1' });
    b = await startServer({ database, events: busB }, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    for (const bus of buses) await bus.close();
    await database.close();
  });

  it('delivers a change made on instance A to a dashboard connected to instance B', async () => {
    const call = async (
      server: RunningServer,
      query: string,
      variables: Record<string, unknown>,
      token?: string,
    ) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: Record<string, Record<string, unknown>> };
    };
    const login = async (username: string, app: string) =>
      (
        await call(
          a,
          `mutation($u: String!, $a: App!) { login(username: $u, password: "Huanjie@2026", app: $a) { ... on LoginSuccess { token } } }`,
          { u: username, a: app },
        )
      ).data.login!.token as string;
    const admin = await login('county.admin', 'county');
    const ruleSets = await call(a, '{ ruleSets { id isNational } }', {}, admin);
    const ruleSetId = (ruleSets.data.ruleSets as unknown as { id: string }[])[0]!.id;
    const created = await call(
      a,
      `mutation($i: CampaignInput!) { createCampaign(input: $i) { ... on Campaign { id version } } }`,
      {
        i: {
          name: 'Redis',
          tracks: ['V', 'C'],
          termNumbers: [
            { track: 'V', term: 12 },
            { track: 'C', term: 7 },
          ],
          electionDayPlan: 'county',
          electionDay: '2099-01-01',
          ordering: 'parallel',
          ruleSetId,
        },
      },
      admin,
    );
    const campaignId = created.data.createCampaign!.id as string;
    const events = collect<EventData>(wsClient(b.url, admin), EVENTS, { c: campaignId });
    await settle();
    await call(
      a,
      `mutation($id: ID!, $v: Int!) { startCampaign(id: $id, expectedVersion: $v) { __typename } }`,
      { id: campaignId, v: created.data.createCampaign!.version },
      admin,
    );
    const [event] = await events.waitFor(1);
    expect(event?.campaignEvents.kind).toBe('campaign');
    events.stop();
  });
});
