import type { CaseCategory, CaseMeasure, CaseOutcome, CaseStatus } from '@huanjie/domain';
import { addDays, todayInChina } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../raw.js';
import { caseActions, cases } from '../schema/cases.js';
import type { DemoContext } from './context.js';

interface DemoCase {
  status: CaseStatus;
  /** Days before today it was received. */
  ago: number;
  category: CaseCategory;
  channel: (typeof cases.$inferInsert)['channel'];
  severity: (typeof cases.$inferInsert)['severity'];
  allegation: string;
  reporter: [string, string, string] | null;
  handler: 'team' | 'township_office' | null;
  /** About the village's first candidate, when it has one. */
  onCandidate?: boolean;
  actions?: [number, string, string][];
  outcome?: CaseOutcome;
  measures?: CaseMeasure[];
  reply?: string;
}

/** A handful of cases in every state, the first township's villages and the second's. */
const CASES: DemoCase[] = [
  {
    status: 'received',
    ago: 1,
    category: 'canvassing',
    channel: 'phone',
    severity: 'general',
    allegation: '有人在村里请客吃饭，为某人拉选票',
    reporter: null,
    handler: null,
  },
  {
    status: 'assigned',
    ago: 3,
    category: 'registration',
    channel: 'visit',
    severity: 'general',
    allegation: '外出务工三年的村民未被登记为选民',
    reporter: ['张秀兰', '13900001111', '522601198003150028'],
    handler: 'team',
  },
  {
    // past the acceptance deadline: overdue on the county overview
    status: 'assigned',
    ago: 20,
    category: 'clan_religion',
    channel: 'letter',
    severity: 'serious',
    allegation: '某姓家族召集族人开会，要求统一投票',
    reporter: null,
    handler: 'team',
  },
  {
    status: 'acknowledged',
    ago: 9,
    category: 'procedure',
    channel: 'online',
    severity: 'general',
    allegation: '村民选举委员会推选未召开村民会议',
    reporter: ['李文', '13700002222', ''],
    handler: 'township_office',
  },
  {
    status: 'investigating',
    ago: 12,
    category: 'bribery',
    channel: 'referred',
    severity: 'grave',
    allegation: '候选人向部分村民每户发放现金200元，要求投其一票',
    reporter: ['王建国', '13600003333', '522601197506200017'],
    handler: 'team',
    onCandidate: true,
    actions: [
      [10, '包村干部、镇纪委', '走访反映涉及的6户村民，制作谈话笔录'],
      [7, '镇纪委', '约谈候选人本人，其否认发放现金'],
    ],
  },
  {
    status: 'closed',
    ago: 30,
    category: 'bribery',
    channel: 'guidance',
    severity: 'grave',
    allegation: '候选人以发放购物卡方式拉票',
    reporter: null,
    handler: 'team',
    onCandidate: true,
    actions: [
      [27, '指导组、镇纪委', '调取超市购物卡发放记录，询问收卡村民'],
      [22, '县纪委', '核实属实，报县换届领导小组'],
    ],
    outcome: 'upheld',
    measures: ['disqualify_candidate', 'discipline'],
    reply: '经调查，反映问题属实，已依法取消其候选人资格，并移交纪检机关处理。',
  },
  {
    status: 'closed',
    ago: 25,
    category: 'registration',
    channel: 'phone',
    severity: 'general',
    allegation: '选民名单中有已去世人员',
    reporter: ['赵红', '13500004444', ''],
    handler: 'township_office',
    actions: [[20, '乡镇选举办', '与村民选举委员会核对户籍，名单已于公布前更正']],
    outcome: 'not_upheld',
    measures: [],
    reply: '经核实，公布的选民名单中无已去世人员，已向您当面说明。',
  },
];

/**
 * Complaints and reports in the county's current campaign, in every state, on villages of the
 * townships that have guidance teams. Does nothing when there is no campaign or no team.
 */
export async function seedCases(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const today = todayInChina(ctx.today);
  const [campaign] = await queryRows<{ id: number }>(
    db,
    sql`select id from campaigns where county_id = ${county.countyId} and status <> 'closed'
        order by status = 'running' desc, id desc limit 1`,
  );
  if (!campaign) return;
  const covered = await queryRows<{
    regionId: number;
    path: string;
    teamId: number;
    townshipId: number;
  }>(
    db,
    sql`select distinct on (r.id) r.id as "regionId", r.path, t.id as "teamId", r.parent_id as "townshipId"
        from guidance_team_assignments a join guidance_teams t on t.id = a.team_id
        join regions r on r.id = a.region_id
        where t.campaign_id = ${campaign.id} and t.kind = 'guidance'
        order by r.id, t.id`,
  );
  if (covered.length === 0) return;
  const candidates = new Map(
    (
      await queryRows<{ path: string; id: number }>(
        db,
        sql`select distinct on (c.region_path) c.region_path as path, c.id from candidates c
            join unit_elections u on u.id = c.unit_election_id
            where u.campaign_id = ${campaign.id} order by c.region_path, c.id`,
      )
    ).map((c) => [c.path, c.id]),
  );
  const opener = county.userIds.get('county.admin');
  if (opener === undefined) return;
  const townships = [...new Set(covered.map((c) => c.townshipId))].slice(0, 2);

  await db.transaction(async (tx) => {
    for (const [t, townshipId] of townships.entries()) {
      const villages = covered.filter((c) => c.townshipId === townshipId);
      const withCandidate = villages.filter((v) => candidates.has(v.path));
      for (const [i, demo] of CASES.entries()) {
        // the second township carries the first half only, so the two differ
        if (t === 1 && i % 2 === 1) continue;
        const pool = demo.onCandidate && withCandidate.length > 0 ? withCandidate : villages;
        const village = pool[(i + t) % pool.length];
        if (!village) continue;
        const receivedOn = addDays(today, -demo.ago);
        const acknowledged = ['acknowledged', 'investigating', 'closed'].includes(demo.status);
        const [row] = await tx
          .insert(cases)
          .values({
            campaignId: campaign.id,
            regionId: village.regionId,
            regionPath: village.path,
            channel: demo.channel,
            category: demo.category,
            severity: demo.severity,
            allegation: demo.allegation,
            receivedOn,
            candidateId: demo.onCandidate ? (candidates.get(village.path) ?? null) : null,
            reporterName: demo.reporter?.[0] ?? null,
            reporterPhone: demo.reporter?.[1] ?? null,
            reporterIdNumber: demo.reporter?.[2] || null,
            status: demo.status,
            handlerKind: demo.handler,
            handlerTeamId: demo.handler === 'team' ? village.teamId : null,
            handlerRegionId: demo.handler === 'township_office' ? townshipId : null,
            assignedOn: demo.handler ? addDays(receivedOn, 1) : null,
            acknowledgedOn: acknowledged ? addDays(receivedOn, 2) : null,
            closedOn: demo.status === 'closed' ? addDays(today, -demo.ago + 10) : null,
            outcome: demo.outcome ?? null,
            measures: demo.measures ?? [],
            reply: demo.reply ?? null,
            openedBy: opener,
            openedByRole: 'county_admin',
          })
          .returning({ id: cases.id });
        if (!row) continue;
        for (const [ago, actor, action] of demo.actions ?? []) {
          await tx.insert(caseActions).values({
            caseId: row.id,
            regionPath: village.path,
            actionOn: addDays(today, -ago),
            actor,
            action,
            enteredBy: opener,
          });
        }
      }
    }
  });
}
