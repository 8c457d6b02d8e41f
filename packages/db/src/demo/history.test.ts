import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderingPolicy, Track } from '@huanjie/domain';
import { findStage, gatesOf, stagesOfUnit, todayInChina } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { queryRows } from '../raw.js';
import { createTestDatabase } from '../testing.js';
import { seedDemo } from './seed.js';

/**
 * The demo tells only histories that could happen: stages approved in order and after their
 * gates, results only where everything before the election was approved, reports after what they
 * report, entries by the village's own clerk and reviews by its township, names that fit the
 * person, and nothing later than the demo's clock. Every unit of the seeded county is checked.
 */
describe.each([
  // Early morning in China (anything placed later "today" would lie in the future); half the
  // townships have voted, so many units carry results and follow-up work.
  { now: '2026-11-22T00:30:00Z', townshipsVoted: 0.5 },
  // Late evening; every township has voted.
  { now: '2026-03-09T15:30:00Z', townshipsVoted: 1 },
])('demo history at $now, $townshipsVoted of the townships voted', (scenario) => {
  let database: Database;
  const now = new Date(scenario.now);
  const today = todayInChina(now);

  interface Unit {
    id: number;
    regionId: number;
    township: number;
    village: string;
    track: Track;
    ordering: OrderingPolicy;
  }
  interface StageRow {
    unitId: number;
    code: string;
    status: string;
    doneDate: string | null;
    enteredBy: number;
    enteredAt: Date;
    submittedBy: number | null;
    submittedAt: Date | null;
    firstSubmittedAt: Date | null;
    reviewedBy: number | null;
    reviewedAt: Date | null;
  }
  interface ResultRow {
    id: number;
    unitId: number;
    status: string;
    submittedBy: number | null;
    submittedAt: Date | null;
    reviewedBy: number | null;
    reviewedAt: Date | null;
    createdAt: Date;
    firstHeld: string | null;
    lastHeld: string | null;
  }
  let units: Unit[];
  let records: StageRow[];
  let results: ResultRow[];
  let users: Map<number, { role: string; regionId: number }>;

  const unitOf = (id: number) => units.find((u) => u.id === id)!;
  const tracksOf = (regionId: number) =>
    units.filter((u) => u.regionId === regionId).map((u) => u.track);
  const recordOf = (regionId: number, track: Track, code: string) => {
    const unit = units.find((u) => u.regionId === regionId && u.track === track);
    return unit && records.find((r) => r.unitId === unit.id && r.code === code);
  };
  const label = (unit: Unit, code: string) => `${unit.village} ${unit.track}.${code}`;
  /** All problems at once, each naming the village and the stage, and how many there are. */
  const none = (problems: string[]) => {
    expect(
      problems,
      `${problems.length} problem(s), e.g. ${problems.slice(0, 3).join('; ')}`,
    ).toEqual([]);
  };
  /** The China calendar day of an instant. */
  const day = (d: Date) => todayInChina(d);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, {
      villages: 72,
      today: now,
      townshipsVoted: scenario.townshipsVoted,
    });
    const db = database.db;
    units = await queryRows<Unit>(
      db,
      sql`select ue.id, ue.region_id as "regionId", r.parent_id as township,
            r.name || '（' || r.code || '）' as village, ue.track, c.ordering
          from unit_elections ue join regions r on r.id = ue.region_id
          join campaigns c on c.id = ue.campaign_id`,
    );
    records = await queryRows<StageRow>(
      db,
      sql`select unit_election_id as "unitId", stage_code as code, status,
            done_date::text as "doneDate", entered_by as "enteredBy", entered_at as "enteredAt",
            submitted_by as "submittedBy", submitted_at as "submittedAt",
            first_submitted_at as "firstSubmittedAt", reviewed_by as "reviewedBy",
            reviewed_at as "reviewedAt"
          from stage_records`,
    );
    results = await queryRows<ResultRow>(
      db,
      sql`select er.id, er.unit_election_id as "unitId", er.status, er.submitted_by as "submittedBy",
            er.submitted_at as "submittedAt", er.reviewed_by as "reviewedBy",
            er.reviewed_at as "reviewedAt", er.created_at as "createdAt",
            (select min(held_on)::text from election_meetings m where m.result_id = er.id) as "firstHeld",
            (select max(held_on)::text from election_meetings m where m.result_id = er.id) as "lastHeld"
          from election_results er`,
    );
    users = new Map(
      (
        await queryRows<{ id: number; role: string; regionId: number }>(
          db,
          sql`select id, role, region_id as "regionId" from users`,
        )
      ).map((u) => [u.id, u]),
    );
    for (const r of [...records, ...results]) {
      for (const key of Object.keys(r) as (keyof typeof r)[]) {
        const value = r[key];
        // instants as Dates, whichever driver read them
        if (typeof value === 'string' && /At$/.test(key))
          Object.assign(r, { [key]: new Date(value) });
      }
    }
  }, 180_000);
  afterAll(() => database.close());

  it('seeds enough history to say something', () => {
    expect(records.filter((r) => r.status === 'approved').length).toBeGreaterThan(300);
    expect(results.length).toBeGreaterThan(20);
  });

  it('approves (or submits) a stage only after every earlier stage and every gate was approved', () => {
    const problems: string[] = [];
    for (const r of records) {
      if (r.status === 'draft') continue;
      const unit = unitOf(r.unitId);
      const tracks = tracksOf(unit.regionId);
      const stage = findStage(unit.track, r.code)!;
      const before = stagesOfUnit(unit.track, tracks)
        .filter((s) => s.position < stage.position)
        .map((s) => ({ track: unit.track, code: s.code }));
      for (const need of [...before, ...gatesOf(stage, unit.ordering, tracks)]) {
        const prior = recordOf(unit.regionId, need.track, need.code);
        if (prior?.status !== 'approved') {
          problems.push(
            `${label(unit, r.code)} is ${r.status} while ${need.track}.${need.code} is ${prior?.status ?? 'not started'}`,
          );
        } else if (r.submittedAt && prior.reviewedAt && r.submittedAt < prior.reviewedAt) {
          problems.push(
            `${label(unit, r.code)} was submitted before ${need.track}.${need.code} was approved`,
          );
        }
      }
    }
    none(problems);
  });

  it('has a result only where everything before the election was approved, and the election and report agree with it', () => {
    const problems: string[] = [];
    for (const result of results) {
      const unit = unitOf(result.unitId);
      const tracks = tracksOf(unit.regionId);
      const election = findStage(unit.track, 'election')!;
      const needs = [
        ...stagesOfUnit(unit.track, tracks)
          .filter((s) => s.position < election.position)
          .map((s) => ({ track: unit.track, code: s.code })),
        ...gatesOf(election, unit.ordering, tracks),
      ];
      for (const need of needs) {
        const prior = recordOf(unit.regionId, need.track, need.code);
        if (prior?.status !== 'approved')
          problems.push(
            `${label(unit, 'election')} has a ${result.status} result while ${need.track}.${need.code} is ${prior?.status ?? 'not started'}`,
          );
      }
      const held = result.firstHeld;
      if (held === null) {
        problems.push(`${label(unit, 'election')}: a result without a meeting`);
        continue;
      }
      const meeting = recordOf(unit.regionId, unit.track, 'election');
      if (meeting && meeting.doneDate !== held)
        problems.push(
          `${label(unit, 'election')} is dated ${meeting.doneDate}, the meeting ${held}`,
        );
      const report = recordOf(unit.regionId, unit.track, 'report');
      if (report?.doneDate && report.doneDate < (result.lastHeld ?? held))
        problems.push(
          `${label(unit, 'report')} is dated ${report.doneDate}, before the meeting ${held}`,
        );
      if (result.submittedAt && day(result.submittedAt) < (result.lastHeld ?? held))
        problems.push(`${label(unit, 'election')}: result submitted before the meeting ${held}`);
    }
    none(problems);
  });

  it('dates every entry, submission and review after what it reports', () => {
    const problems: string[] = [];
    for (const r of records) {
      const where = label(unitOf(r.unitId), r.code);
      if (r.doneDate && day(r.enteredAt) < r.doneDate)
        problems.push(`${where} entered ${day(r.enteredAt)}, before its date ${r.doneDate}`);
      if (r.submittedAt) {
        if (r.doneDate && day(r.submittedAt) < r.doneDate)
          problems.push(`${where} submitted ${day(r.submittedAt)}, before its date ${r.doneDate}`);
        if (r.submittedAt < r.enteredAt) problems.push(`${where} submitted before it was entered`);
        if (r.firstSubmittedAt && r.firstSubmittedAt > r.submittedAt)
          problems.push(`${where} first submitted after its last submission`);
      }
      if (r.reviewedAt && (!r.submittedAt || r.reviewedAt < r.submittedAt))
        problems.push(`${where} reviewed before it was submitted`);
    }
    for (const result of results) {
      const where = label(unitOf(result.unitId), 'result');
      if (result.reviewedAt && (!result.submittedAt || result.reviewedAt < result.submittedAt))
        problems.push(`${where} reviewed before it was submitted`);
    }
    none(problems);
  });

  it('gives every person and cadre a given name that fits their gender', async () => {
    // Characters nobody would mistake: a man is not named 娟 or 霞, a woman not 刚 or 强.
    const feminine = new Set(Array.from('芳娜静丽艳娟秀霞桂英玉兰红梅凤琴燕萍婷'));
    const masculine = new Set(Array.from('伟强磊军勇杰涛超刚建国志海峰斌鹏龙'));
    const people = await queryRows<{ name: string; gender: string; kind: string }>(
      database.db,
      sql`select name, gender, 'person' as kind from persons
          union all select name, gender, 'cadre' from cadres`,
    );
    expect(people.length).toBeGreaterThan(100);
    const problems = people
      .filter(({ name, gender }) => {
        const given = Array.from(name.slice(1));
        return gender === 'female'
          ? given.some((c) => masculine.has(c))
          : gender === 'male' && given.some((c) => feminine.has(c));
      })
      .map((p) => `${p.kind} ${p.name} (${p.gender})`);
    none(problems);
  });

  it("has the village's own clerk enter and submit, and its township review", () => {
    const problems: string[] = [];
    const isClerk = (userId: number | null, unit: Unit) => {
      const user = userId === null ? undefined : users.get(userId);
      return user?.role === 'village_clerk' && user.regionId === unit.regionId;
    };
    const isTownship = (userId: number | null, unit: Unit) => {
      const user = userId === null ? undefined : users.get(userId);
      return user?.regionId === unit.township && user.role.startsWith('township_');
    };
    for (const r of records) {
      const unit = unitOf(r.unitId);
      if (!isClerk(r.enteredBy, unit))
        problems.push(`${label(unit, r.code)} entered by ${r.enteredBy}`);
      if (r.submittedBy !== null && !isClerk(r.submittedBy, unit))
        problems.push(`${label(unit, r.code)} submitted by ${r.submittedBy}`);
      if (r.reviewedBy !== null && !isTownship(r.reviewedBy, unit))
        problems.push(`${label(unit, r.code)} reviewed by ${r.reviewedBy}`);
    }
    for (const result of results) {
      const unit = unitOf(result.unitId);
      if (!isClerk(result.submittedBy, unit))
        problems.push(`${label(unit, 'result')} submitted by ${result.submittedBy}`);
      if (result.reviewedBy !== null && !isTownship(result.reviewedBy, unit))
        problems.push(`${label(unit, 'result')} reviewed by ${result.reviewedBy}`);
    }
    none(problems);
  });

  it("puts nothing that happened later than the demo's clock", async () => {
    const problems: string[] = [];
    const late = (where: string, value: Date | string | null) => {
      if (value === null) return;
      if (typeof value === 'string' ? value > today : value > now)
        problems.push(`${where}: ${String(value)}`);
    };
    for (const r of records) {
      const where = label(unitOf(r.unitId), r.code);
      late(`${where} done`, r.doneDate);
      late(`${where} entered`, r.enteredAt);
      late(`${where} submitted`, r.submittedAt);
      late(`${where} first submitted`, r.firstSubmittedAt);
      late(`${where} reviewed`, r.reviewedAt);
    }
    for (const result of results) {
      const where = label(unitOf(result.unitId), 'result');
      late(`${where} held`, result.lastHeld);
      late(`${where} submitted`, result.submittedAt);
      late(`${where} reviewed`, result.reviewedAt);
      late(`${where} created`, result.createdAt);
    }
    // The campaign's own history and the work of the guidance teams.
    const others = await queryRows<{ what: string; at: Date | string }>(
      database.db,
      sql`select 'result revision' as what, created_at as at from result_revisions
          union all select 'campaign created', created_at from campaigns
          union all select 'campaign started', started_at from campaigns where started_at is not null
          union all select 'rule change', changed_at from campaign_rule_changes
          union all select 'election day set', set_at from election_days
          union all select 'exclusion', created_at from campaign_exclusions
          union all select 'risk', updated_at from village_risks`,
    );
    for (const o of others) late(o.what, new Date(o.at));
    const days = await queryRows<{ what: string; day: string }>(
      database.db,
      sql`select 'daily report' as what, report_date::text as day from daily_reports
          union all select 'visit', visit_date::text from visit_logs
          union all select 'publicity', starts_on::text from publicity_notices`,
    );
    for (const d of days) late(d.what, d.day);
    none(problems);
  });
});
