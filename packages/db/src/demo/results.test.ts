import { evaluateResult, resolveElectionRules } from '@huanjie/domain';
import type { ElectionCandidate, Post, ResultSheet } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.js';
import { queryRows } from '../raw.js';
import { campaigns, ruleSets, unitElections } from '../schema/index.js';
import { createTestDatabase } from '../testing.js';
import { generateDemoCounty } from './generate.js';
import type { InsertedDemoCounty } from './insert.js';
import { insertDemoCounty } from './insert.js';
import { seedResults } from './results.js';

describe('demo results', () => {
  let database: Database;
  let county: InsertedDemoCounty;
  const plan = generateDemoCounty({ villages: 36 });
  const today = new Date('2026-05-20T02:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    county = await insertDemoCounty(database.db, plan);
  });
  afterAll(() => database.close());

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? -1;

  it('does nothing while the county has no campaign', async () => {
    await seedResults({ db: database.db, county, seed: 2026, today });
    expect(await count(sql`select count(*)::int as n from persons`)).toBe(0);
  });

  it('completes the elections whose day has passed, every one consistent with the rules', async () => {
    const [ruleSet] = await database.db
      .insert(ruleSets)
      .values({ countyId: county.countyId, name: 'r', values: {} })
      .returning({ id: ruleSets.id });
    const [campaign] = await database.db
      .insert(campaigns)
      .values({
        countyId: county.countyId,
        name: '2026年换届',
        tracks: ['P', 'V', 'C'],
        termNumbers: { P: 12, V: 12, C: 12 },
        electionDayPlan: 'village',
        electionDay: '2026-05-25',
        ordering: 'parallel',
        ruleSetId: ruleSet!.id,
        status: 'running',
        createdBy: county.userIds.get('county.admin')!,
      })
      .returning({ id: campaigns.id });
    // Township 1 voted on 2026-05-15; township 2 votes on the campaign day, still ahead.
    for (const r of plan.regions.filter((x) => x.level === 'village' || x.level === 'community')) {
      for (const track of ['P', r.level === 'village' ? 'V' : 'C'] as const) {
        await database.db.insert(unitElections).values({
          campaignId: campaign!.id,
          regionId: county.regionIds.get(r.key)!,
          regionPath: county.regionPaths.get(r.key)!,
          track,
          electionDay: r.parentKey === 't01' ? '2026-05-15' : null,
        });
      }
    }
    await seedResults({ db: database.db, county, seed: 2026, today });

    const t01 = county.regionPaths.get('t01')!;
    const t01Units = await count(
      sql`select count(*)::int as n from unit_elections where region_path like ${`${t01}%`}`,
    );
    expect(
      await count(
        sql`select count(*)::int as n from election_results where region_path like ${`${t01}%`}`,
      ),
    ).toBe(t01Units);
    expect(
      await count(
        sql`select count(*)::int as n from election_results where region_path not like ${`${t01}%`}`,
      ),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from election_results where status = 'approved'`),
    ).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*)::int as n from election_results where status = 'submitted'`),
    ).toBeGreaterThan(0);
    // last term's members, some of them back this term (连任), some 一肩挑
    expect(
      await count(sql`select count(*)::int as n from office_holders where term_number = 11`),
    ).toBeGreaterThan(100);
    expect(
      await count(sql`select count(distinct mv.candidate_id)::int as n from meeting_votes mv join candidates c on c.id = mv.candidate_id
        join office_holders oh on oh.person_id = c.person_id where mv.elected`),
    ).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*)::int as n from election_meetings where round = 'runoff'`),
    ).toBeGreaterThan(0);
    // villages still ahead have nominations in progress, no formal list yet
    expect(
      await count(
        sql`select count(*)::int as n from candidates where region_path not like ${`${t01}%`} and stage = 'formal'`,
      ),
    ).toBe(0);

    // Re-check every stored result against the rules, from the records alone.
    const rules = resolveElectionRules();
    const results = await queryRows<{
      id: number;
      unitId: number;
      track: 'P' | 'V' | 'C';
      seats: Partial<Record<Post, number>>;
      sheet: ResultSheet;
    }>(
      database.db,
      sql`select r.id, r.unit_election_id as "unitId", ue.track, s.seats, rv.sheet from election_results r
        join unit_elections ue on ue.id = r.unit_election_id join election_setups s on s.unit_election_id = ue.id
        join result_revisions rv on rv.result_id = r.id and rv.revision = r.revision`,
    );
    for (const r of results) {
      const list = await queryRows<ElectionCandidate & { gender: string }>(
        database.db,
        sql`select c.id, p.name, c.post, p.gender = 'female' as female, c.stage = 'formal' as formal, p.gender from candidates c join persons p on p.id = c.person_id where c.unit_election_id = ${r.unitId}`,
      );
      const evaluation = evaluateResult(r.sheet, {
        track: r.track,
        rules,
        seats: r.seats,
        candidates: list,
        today: '2026-05-20',
        formalListPostedOn: '2026-05-07',
      });
      expect(
        evaluation.findings.filter((f) => f.severity === 'error'),
        `result ${r.id}`,
      ).toEqual([]);
      const stored = await queryRows<{ candidateId: number }>(
        database.db,
        sql`select mv.candidate_id as "candidateId" from meeting_votes mv join election_meetings m on m.id = mv.meeting_id where m.result_id = ${r.id} and mv.elected order by 1`,
      );
      expect(stored.map((s) => s.candidateId)).toEqual(
        evaluation.elected.map((e) => e.candidateId).sort((a, b) => a - b),
      );
    }
  });
});
