import type { CadreRank, DailyStatus, Gender, RiskLevel, TeamRole } from '@huanjie/domain';
import { dailyReportWindow, daysFrom, todayInChina } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw.js';
import { cadres } from '../schema/cadres.js';
import { dailyReports } from '../schema/daily-reports.js';
import { guidanceTeamAssignments } from '../schema/guidance-team-assignments.js';
import { guidanceTeamMembers } from '../schema/guidance-team-members.js';
import { guidanceTeams } from '../schema/guidance-teams.js';
import { villageResponsibilities } from '../schema/village-responsibilities.js';
import { visitLogs } from '../schema/visit-logs.js';
import { CHINESE_NUMERALS, genderOfName, personName } from './names.js';
import type { Random } from './random.js';
import { createRandom } from './random.js';
import type { DemoContext } from './context.js';
import { SequenceIds, insertChunked } from './sequence-ids.js';

/** 班子成员 of a township who lead guidance work (副科级 and above), in the order they are used. */
const LEADER_POSTS: [string, CadreRank][] = [
  ['镇党委书记', 'section'],
  ['镇长', 'section'],
  ['人大主席', 'deputy_section'],
  ['党委副书记', 'deputy_section'],
  ['纪委书记', 'deputy_section'],
  ['组织委员', 'deputy_section'],
  ['宣传委员', 'deputy_section'],
  ['副镇长', 'deputy_section'],
  ['副镇长', 'deputy_section'],
  ['武装部长', 'deputy_section'],
];

const STAFF_POSTS = [
  '党政办干事',
  '组织办干事',
  '民政办干事',
  '农业农村服务中心干部',
  '社会事务办干事',
  '财政所干部',
  '司法所干部',
  '综治中心干部',
  '自然资源所干部',
  '文化广播服务中心干部',
];

const COUNTY_POSTS: [string, CadreRank][] = [
  ['县委常委、组织部长', 'division'],
  ['县人大常委会副主任', 'division'],
  ['县政协副主席', 'division'],
  ['县委组织部副部长', 'section'],
  ['县民政局局长', 'section'],
  ['县纪委监委副主任', 'section'],
  ['县委组织部组织股股长', 'staff'],
  ['县民政局基层政权股股长', 'staff'],
];

interface Village {
  id: number;
  key: string;
  path: string;
}

interface PlannedCadre {
  key: string;
  name: string;
  gender: Gender;
  rank: CadreRank;
  post: string;
  phone: string;
  username: string | null;
}

/** A cadre's name and gender, a woman with the given odds. */
function someone(random: Random, femaleShare: number): { name: string; gender: Gender } {
  const gender: Gender = random.chance(femaleShare) ? 'female' : 'male';
  return { name: personName(random, gender), gender };
}

function phone(random: Random): string {
  return `1${random.pick(['38', '39', '58', '59', '87', '88'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function teamName(n: number): string {
  const numeral = n <= 10 ? (CHINESE_NUMERALS[n - 1] ?? String(n)) : String(n);
  return `第${numeral}指导组`;
}

/**
 * Guidance teams for the county's current campaign: a roster per township (its leaders and staff,
 * town…guide1/guide2 among them with their logins), one team per village (a 包村干部 and a 驻村指导员,
 * plus a 包村领导 where the village is difficult), the party secretary as every village's first
 * responsible person, supervision teams over the townships, and a few visits and daily reports.
 * A few problems are left on purpose, for the boards to show: in the first township a village
 * without a team, a village with one cadre, a difficult village without its leader, a liaison
 * covering too many villages; the last township has not started (no roster, no teams) and no
 * supervision team covers it.
 * Does nothing when the county has no campaign yet.
 */
export async function seedGuidance(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const [campaign] = await queryRows<{
    id: number;
    electionDay: string;
    windowStart: string | null;
    windowEnd: string | null;
  }>(
    db,
    sql`select id, to_char(election_day, 'YYYY-MM-DD') as "electionDay",
          to_char(window_start, 'YYYY-MM-DD') as "windowStart", to_char(window_end, 'YYYY-MM-DD') as "windowEnd"
        from campaigns where county_id = ${county.countyId} and status <> 'closed'
        order by status = 'running' desc, id desc limit 1`,
  );
  if (!campaign) return;
  const random = createRandom(ctx.seed + 4);
  const risks = new Map(
    (
      await queryRows<{ regionId: number; level: RiskLevel }>(
        db,
        sql`select region_id as "regionId", level from village_risks where campaign_id = ${campaign.id}`,
      )
    ).map((r) => [r.regionId, r.level]),
  );

  const townshipKeys = [...county.regionIds.keys()].filter((k) => /^t\d+$/.test(k)).sort();
  const villagesOf = (t: string): Village[] =>
    [...county.regionIds.entries()]
      .filter(([k]) => new RegExp(`^${t}v\\d+$`).test(k))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, id]) => ({
        id,
        key,
        path: county.regionPaths.get(key) ?? '',
      }));

  await db.transaction(async (tx) => {
    // The last township has not started: no roster, no teams (and its logins stay unlinked).
    for (const [t, township] of townshipKeys.slice(0, -1).entries()) {
      await seedTownship(tx, {
        campaignId: campaign.id,
        townshipKey: township,
        townshipId: county.regionIds.get(township) ?? 0,
        townshipPath: county.regionPaths.get(township) ?? '',
        villages: villagesOf(township),
        risks,
        userIds: county.userIds,
        random,
        withProblems: t === 0,
      });
    }
    await seedSupervision(tx, {
      campaignId: campaign.id,
      countyId: county.countyId,
      countyPath: county.regionPaths.get('c') ?? '',
      townshipIds: townshipKeys.map((k) => county.regionIds.get(k) ?? 0),
      supervisorId: county.userIds.get('county.supervisor') ?? null,
      random,
    });
    await seedReports(tx, {
      campaign,
      today: todayInChina(ctx.today),
      townshipKeys,
      userIds: county.userIds,
      random,
    });
  });
}

async function insertCadres(
  tx: Db,
  regionId: number,
  planned: PlannedCadre[],
  userIds: Map<string, number>,
) {
  const rows = await tx
    .insert(cadres)
    .values(
      planned.map((c) => ({
        regionId,
        name: c.name,
        gender: c.gender,
        rank: c.rank,
        post: c.post,
        phone: c.phone,
        userId: c.username ? (userIds.get(c.username) ?? null) : null,
      })),
    )
    .returning({ id: cadres.id });
  return new Map(planned.map((c, i) => [c.key, rows[i]?.id ?? 0]));
}

async function seedTownship(
  tx: Db,
  input: {
    campaignId: number;
    townshipKey: string;
    townshipId: number;
    townshipPath: string;
    villages: Village[];
    risks: Map<number, RiskLevel>;
    userIds: Map<string, number>;
    random: Random;
    withProblems: boolean;
  },
) {
  const { random, villages } = input;
  const tn = input.townshipKey.slice(1);
  const planned: PlannedCadre[] = LEADER_POSTS.map(([post, rank], i) => ({
    key: `L${i}`,
    ...someone(random, 0.25),
    rank,
    post,
    phone: phone(random),
    username: null,
  }));
  for (let i = 0; i < villages.length * 2 + 2; i++) {
    planned.push({
      key: `S${i}`,
      ...someone(random, 0.4),
      rank: 'staff',
      post: random.pick(STAFF_POSTS),
      phone: phone(random),
      // The first two staff cadres are the township's demo guidance members.
      username: i < 2 ? `town${tn}.guide${String(i + 1)}` : null,
    });
  }
  // A cadre with a login is that user: same name (so the same gender) and phone.
  const loginIds = [`town${tn}.guide1`, `town${tn}.guide2`].map((u) => input.userIds.get(u) ?? 0);
  const logins = await queryRows<{ id: number; displayName: string; phone: string | null }>(
    tx,
    sql`select id, display_name as "displayName", phone from users
        where id in (${loginIds[0]}, ${loginIds[1]})`,
  );
  for (const cadre of planned) {
    const userId = cadre.username ? input.userIds.get(cadre.username) : undefined;
    const user = logins.find((u) => u.id === userId);
    if (user) {
      cadre.name = user.displayName;
      cadre.gender = genderOfName(user.displayName);
      cadre.phone = user.phone ?? cadre.phone;
    }
  }
  const ids = await insertCadres(tx, input.townshipId, planned, input.userIds);
  const id = (key: string) => ids.get(key) ?? 0;

  // Leaders L2… take the difficult villages in turn; the party secretary (L0) is first responsible.
  let nextLeader = 2;
  let leftWithoutLeader = !input.withProblems;
  const teams: { name: string; villageIds: number[]; members: [string, TeamRole][] }[] = [];
  villages.forEach((village, v) => {
    const members: [string, TeamRole][] = [[`S${String(v * 2)}`, 'cadre']];
    // one village of the first township keeps a single cadre
    if (!(input.withProblems && v === villages.length - 2)) {
      members.push([`S${String(v * 2 + 1)}`, 'instructor']);
    }
    if (input.risks.get(village.id) === 'difficult') {
      if (!leftWithoutLeader) leftWithoutLeader = true;
      else if (nextLeader < LEADER_POSTS.length) {
        members.push([`L${String(nextLeader)}`, 'leader']);
        nextLeader += 1;
      }
    }
    teams.push({ name: teamName(v + 1), villageIds: [village.id], members });
  });
  // guide1 also covers the second village, so the demo member has two villages to switch between.
  teams[1]?.members.push(['S0', 'liaison']);
  if (input.withProblems) {
    teams.pop(); // the last village is left without a team
    // a liaison spread over too many villages
    for (const team of teams.slice(3, 9))
      team.members.push([`S${String(villages.length * 2)}`, 'liaison']);
  }

  // Three multi-row inserts rather than three per team; the team ids come ahead from the sequence.
  const teamIds = new SequenceIds(tx, 'guidance_teams', Math.max(1, teams.length));
  const teamRows: (typeof guidanceTeams.$inferInsert)[] = [];
  const memberRows: (typeof guidanceTeamMembers.$inferInsert)[] = [];
  const assignmentRows: (typeof guidanceTeamAssignments.$inferInsert)[] = [];
  for (const team of teams) {
    const teamId = await teamIds.next();
    teamRows.push({
      id: teamId,
      kind: 'guidance',
      campaignId: input.campaignId,
      regionId: input.townshipId,
      regionPath: input.townshipPath,
      name: team.name,
      leaderCadreId: id(team.members[0]?.[0] ?? ''),
    });
    memberRows.push(...team.members.map(([key, role]) => ({ teamId, cadreId: id(key), role })));
    assignmentRows.push(...team.villageIds.map((regionId) => ({ teamId, regionId })));
  }
  await insertChunked(teamRows, (c) => tx.insert(guidanceTeams).values(c));
  await insertChunked(memberRows, (c) => tx.insert(guidanceTeamMembers).values(c));
  await insertChunked(assignmentRows, (c) => tx.insert(guidanceTeamAssignments).values(c));
  await teamIds.release();

  const responsibilities = villages.flatMap((village, v) => [
    {
      campaignId: input.campaignId,
      regionId: village.id,
      regionPath: village.path,
      kind: 'first' as const,
      cadreId: id('L0'),
    },
    {
      campaignId: input.campaignId,
      regionId: village.id,
      regionPath: village.path,
      kind: 'direct' as const,
      cadreId: id(`S${String(v * 2 + 1)}`),
    },
  ]);
  await tx
    .insert(villageResponsibilities)
    .values(input.withProblems ? responsibilities.slice(2) : responsibilities);
}

async function seedSupervision(
  tx: Db,
  input: {
    campaignId: number;
    countyId: number;
    countyPath: string;
    townshipIds: number[];
    supervisorId: number | null;
    random: Random;
  },
) {
  const planned: PlannedCadre[] = COUNTY_POSTS.map(([post, rank], i) => ({
    key: `C${String(i)}`,
    ...someone(input.random, 0.3),
    rank,
    post,
    phone: phone(input.random),
    username: null,
  }));
  const ids = await insertCadres(tx, input.countyId, planned, new Map());
  if (input.supervisorId !== null) {
    // the supervisor's cadre is that user: the same name (so the same gender) and phone
    const [user] = await queryRows<{ name: string; phone: string | null }>(
      tx,
      sql`select display_name as name, phone from users where id = ${input.supervisorId}`,
    );
    if (user) {
      await tx.execute(
        sql`update cadres set user_id = ${input.supervisorId}, name = ${user.name},
              gender = ${genderOfName(user.name)}, phone = coalesce(${user.phone}, phone)
            where id = ${ids.get('C6') ?? 0}`,
      );
    }
  }
  // Four teams of a county leader and a staff member; the last township is left uncovered.
  const covered = input.townshipIds.slice(0, -1);
  const teamCount = Math.min(4, covered.length);
  for (let n = 0; n < teamCount; n++) {
    const [row] = await tx
      .insert(guidanceTeams)
      .values({
        kind: 'supervision',
        campaignId: input.campaignId,
        regionId: input.countyId,
        regionPath: input.countyPath,
        name: `第${CHINESE_NUMERALS[n] ?? String(n + 1)}督导组`,
        leaderCadreId: ids.get(`C${String(n)}`) ?? null,
      })
      .returning({ id: guidanceTeams.id });
    const teamId = row?.id ?? 0;
    const memberKeys = [`C${String(n)}`, `C${String(4 + (n % 2))}`, ...(n === 0 ? ['C6'] : ['C7'])];
    await tx.insert(guidanceTeamMembers).values(
      [...new Set(memberKeys)].map((key) => ({
        teamId,
        cadreId: ids.get(key) ?? 0,
        role: 'supervisor' as const,
      })),
    );
    const townships = covered.filter((_, i) => i % teamCount === n);
    if (townships.length > 0) {
      await tx
        .insert(guidanceTeamAssignments)
        .values(townships.map((regionId) => ({ teamId, regionId })));
    }
  }
}

const PROBLEMS = [
  '个别村民对选民登记有疑问，已入户解释',
  '候选人资格联审材料未齐',
  '外出务工人员较多，委托投票需核实',
];
const NEEDS = ['请乡镇协调派出所核实外出人员信息', '请乡镇选举办派员指导', '需补印选票'];

/** Daily reports of the two demo guidance members' villages for the window so far, a few visits. */
async function seedReports(
  tx: Db,
  input: {
    campaign: {
      id: number;
      electionDay: string;
      windowStart: string | null;
      windowEnd: string | null;
    };
    today: string;
    townshipKeys: string[];
    userIds: Map<string, number>;
    random: Random;
  },
) {
  const window = dailyReportWindow(input.campaign);
  const end = input.today < window.end ? input.today : window.end;
  // The last week of the window so far; today's reports are still coming in.
  const days = daysFrom(window.start, end).slice(-7);
  const covered = await queryRows<{
    userId: number;
    regionId: number;
    regionPath: string;
    cadreId: number;
  }>(
    tx,
    sql`select distinct c.user_id as "userId", r.id as "regionId", r.path as "regionPath", c.id as "cadreId"
        from cadres c
        join guidance_team_members m on m.cadre_id = c.id
        join guidance_teams t on t.id = m.team_id and t.campaign_id = ${input.campaign.id}
        join guidance_team_assignments a on a.team_id = t.id
        join regions r on r.id = a.region_id
        where c.user_id is not null and t.kind = 'guidance'
        order by 2`,
  );
  const reports = covered.flatMap((c) =>
    days
      .filter((day) => day !== input.today || input.random.chance(0.5))
      .map((day) => {
        const status: DailyStatus = input.random.chance(0.75)
          ? 'on_track'
          : input.random.chance(0.7)
            ? 'attention'
            : 'blocked';
        return {
          campaignId: input.campaign.id,
          regionId: c.regionId,
          regionPath: c.regionPath,
          reportDate: day,
          status,
          problems: status === 'on_track' ? '' : input.random.pick(PROBLEMS),
          needs: status === 'blocked' ? input.random.pick(NEEDS) : '',
          userId: c.userId,
        };
      }),
  );
  if (reports.length > 0) {
    await tx.insert(dailyReports).values(reports).onConflictDoNothing();
  }
  const visitDay = days.at(-2) ?? days.at(-1);
  if (visitDay === undefined) return;
  const visits = covered.slice(0, 12).map((c, i) => ({
    campaignId: input.campaign.id,
    regionId: c.regionId,
    regionPath: c.regionPath,
    kind: i % 2 === 0 ? ('visit' as const) : ('talk' as const),
    visitDate: visitDay,
    withWhom: i % 2 === 0 ? '老党员、村民代表' : '村党支部书记',
    topic: i % 2 === 0 ? '了解村情民意和换届意愿' : '换届纪律和有关要求',
    outcome: i % 2 === 0 ? '群众支持换届工作，反映道路硬化诉求' : '表示严守换届纪律，支持依法选举',
    followUpNeeded: i % 4 === 0,
    followUp: i % 4 === 0 ? '道路诉求转交乡镇党政办' : null,
    userId: c.userId,
    cadreId: c.cadreId,
  }));
  if (visits.length > 0) await tx.insert(visitLogs).values(visits);
}
