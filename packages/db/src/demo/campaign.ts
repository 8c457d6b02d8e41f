import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type {
  Finding,
  RiskLevel,
  Role,
  StageDefinition,
  StageStatus,
  Track,
} from '@huanjie/domain';
import {
  addDays,
  checkStage,
  daysBetween,
  dueDate,
  gatesOf,
  hasErrors,
  rulesFrom,
  stagesOfUnit,
  todayInChina,
} from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { ensureNationalRuleSet } from '../national-rule-set.js';
import { queryRows } from '../raw.js';
import { campaignExclusions } from '../schema/campaign-exclusions.js';
import { campaignRuleChanges } from '../schema/campaign-rule-changes.js';
import { campaigns } from '../schema/campaigns.js';
import { electionDays } from '../schema/election-days.js';
import { ruleSets } from '../schema/rule-sets.js';
import { stageRecords } from '../schema/stage-records.js';
import { storedFiles } from '../schema/stored-files.js';
import { villageRisks } from '../schema/village-risks.js';
import type { Random } from './random.js';
import { createRandom } from './random.js';
import type { DemoContext } from './context.js';
import { villageActors } from './actors.js';
import { SequenceIds, insertChunked } from './sequence-ids.js';

export const DEMO_CAMPAIGN_NAME = '2026年村（社区）“两委”换届';

/** How far ahead of (or behind) its due dates a village works. */
type Pace = 'ahead' | 'on_time' | 'late' | 'stalled';

const RISK_REASONS: Record<Exclude<RiskLevel, 'normal'>, string[]> = {
  key: [
    '上届班子不团结，群众意见较大',
    '外出务工人员多，参选率难以保证',
    '村集体经济账目群众有疑问',
    '村民小组合并后选民界定争议',
  ],
  difficult: [
    '宗族势力影响明显，存在拉票苗头',
    '信访反映上届选举存在贿选问题',
    '土地征收补偿矛盾突出',
  ],
};

const RETURN_COMMENTS = [
  '照片看不清，请重新拍照上传',
  '人数与花名册不符，请核对后重新填报',
  '缺少公示期限说明，请补充',
  '日期填写有误，请按实际张榜日期填写',
];

/**
 * A running campaign seeded mid-way relative to ctx.today, so `npm start` shows a living county:
 * the first township (the pilot) voted a few days ago and is busy with follow-up work, the second
 * votes in about ten days, the rest about two and a half weeks out; the last township has not
 * started. Villages work at different paces, so some stages are approved, some wait for review,
 * some were returned, and some are overdue. A few villages carry a risk level with a reason (their
 * 一村一策 plans: risk-plans.ts); one is left out of the campaign. The county switched to its own rule set (the province
 * asks for the candidate list 7 days before the election), recorded with the reason.
 */
export async function seedCampaign(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const random = createRandom(ctx.seed + 3);
  const now = ctx.today;
  const today = todayInChina(now);
  const admin = mustGet(county.userIds, 'county.admin');
  const countyPath = mustGet(county.regionPaths, 'c');
  const townshipKeys = keysMatching(county.regionIds, /^t\d+$/);
  const countyDay = addDays(today, 18);

  await db.transaction(async (tx) => {
    const nationalId = await ensureNationalRuleSet(tx);
    const [national] = await tx
      .select({ values: ruleSets.values })
      .from(ruleSets)
      .where(sql`${ruleSets.id} = ${nationalId}`);
    const countyValues = {
      ...national?.values,
      'v.formal_list_days_before': {
        value: 7,
        citation: '省村民委员会选举办法第二十条：正式候选人名单应当在选举日的七日以前公布',
      },
    };
    const [countyRules] = await tx
      .insert(ruleSets)
      .values({
        countyId: county.countyId,
        name: '云岭县换届规则（按省办法调整）',
        version: 1,
        basedOnId: nationalId,
        values: countyValues,
        createdBy: admin,
        createdAt: at(addDays(today, -30)),
      })
      .returning({ id: ruleSets.id });
    const countyRuleSetId = must(countyRules, 'rule set').id;

    const [campaign] = await tx
      .insert(campaigns)
      .values({
        countyId: county.countyId,
        name: DEMO_CAMPAIGN_NAME,
        tracks: ['P', 'V', 'C', 'S', 'F'],
        termNumbers: { P: 11, V: 12, C: 7, S: 3 },
        electionDayPlan: 'township',
        electionDay: countyDay,
        ordering: 'party_first',
        ruleSetId: countyRuleSetId,
        status: 'running',
        startedAt: at(addDays(today, -45)),
        createdBy: admin,
        createdAt: at(addDays(today, -50)),
        version: 3,
      })
      .returning({ id: campaigns.id });
    const campaignId = must(campaign, 'campaign').id;
    await tx.insert(campaignRuleChanges).values({
      campaignId,
      fromRuleSetId: nationalId,
      toRuleSetId: countyRuleSetId,
      reason: '省民政厅通知：正式候选人名单须于选举日七日前公布',
      changedBy: admin,
      changedAt: at(addDays(today, -30)),
    });

    // Township days: the pilot voted 4 days ago, the next township votes in 10 days. With
    // ctx.townshipsVoted (a share), that many townships voted in the last days instead of the pilot alone.
    const voted = Math.max(1, Math.round((ctx.townshipsVoted ?? 0) * townshipKeys.length));
    const days = new Map<string, string>();
    for (const [i, key] of townshipKeys.entries()) {
      const day =
        i < voted ? addDays(today, -4 - (i % 7)) : i === voted ? addDays(today, 10) : countyDay;
      days.set(key, day);
      if (day !== countyDay) {
        await tx.insert(electionDays).values({
          campaignId,
          regionId: mustGet(county.regionIds, key),
          regionPath: mustGet(county.regionPaths, key),
          track: null,
          day,
          setBy: admin,
          setAt: at(addDays(today, -40)),
        });
      }
    }

    // One village left out: it is being merged into its neighbour.
    const excludedKey = `${townshipKeys[2] ?? 't03'}v${pad((county.regionIds.size % 5) + 3)}`;
    if (county.regionIds.has(excludedKey)) {
      await tx.insert(campaignExclusions).values({
        campaignId,
        regionId: mustGet(county.regionIds, excludedKey),
        regionPath: mustGet(county.regionPaths, excludedKey),
        reason: '行政村撤并调整中，待合并后另行组织选举',
        createdBy: admin,
        createdAt: at(addDays(today, -46)),
      });
    }

    await tx.execute(sql`
      insert into unit_elections (campaign_id, region_id, region_path, track)
      select ${campaignId}, r.id, r.path, t.track
      from regions r cross join unnest(array['P', 'V', 'C', 'S', 'F']) as t(track)
      where r.path like ${`${countyPath}%`} and r.level in ('village', 'community')
        and (t.track not in ('V', 'C') or (t.track = 'V' and r.level = 'village')
             or (t.track = 'C' and r.level = 'community'))
        and not exists (select 1 from campaign_exclusions x
                        where x.campaign_id = ${campaignId} and x.region_id = r.id)`);

    const units = await queryRows<{
      id: number;
      regionId: number;
      regionPath: string;
      track: Track;
      population: number | null;
      groups: number;
    }>(
      tx,
      sql`select ue.id, ue.region_id as "regionId", ue.region_path as "regionPath", ue.track,
            r.population,
            (select count(*)::int from regions g where g.parent_id = r.id) as groups
          from unit_elections ue join regions r on r.id = ue.region_id
          where ue.campaign_id = ${campaignId} order by ue.region_path, ue.track`,
    );
    const keyOf = new Map([...county.regionIds].map(([key, id]) => [id, key]));
    const byVillage = new Map<number, typeof units>();
    for (const u of units) byVillage.set(u.regionId, [...(byVillage.get(u.regionId) ?? []), u]);

    const rules = rulesFrom(countyValues);
    // Photos and records are written at the end in multi-row inserts; photo ids come ahead from
    // the sequence, so the records can refer to them.
    const fileIds = new SequenceIds(tx, 'stored_files');
    const files: (typeof storedFiles.$inferInsert)[] = [];
    const records: (typeof stageRecords.$inferInsert)[] = [];
    const risks: (typeof villageRisks.$inferInsert)[] = [];
    const lastTownship = townshipKeys[townshipKeys.length - 1];

    for (const [regionId, villageUnits] of byVillage) {
      const key = mustGet(keyOf, regionId);
      const townshipKey = key.slice(0, 3);
      const { clerk, coordinator } = villageActors(county, key);
      const electionDay = mustGet(days, townshipKey);
      // A township whose day has passed held its elections: none of its villages stalled.
      const held = electionDay < today;
      const path = must(villageUnits[0], 'unit').regionPath;
      const pace: Pace =
        townshipKey === lastTownship && !held
          ? 'stalled'
          : pickPace(random, townshipKey === townshipKeys[0], held);

      // Risk levels, set by the township (most) or the county.
      if (random.chance(0.11)) {
        const level: Exclude<RiskLevel, 'normal'> = random.chance(0.3) ? 'difficult' : 'key';
        const reason = random.pick(RISK_REASONS[level]);
        const byCounty = level === 'difficult' && random.chance(0.5);
        risks.push({
          campaignId,
          regionId,
          regionPath: path,
          level,
          reason,
          setBy: byCounty ? admin : coordinator,
          setByRole: byCounty ? 'county_admin' : 'township_coordinator',
          updatedAt: at(addDays(today, -random.int(5, 30))),
        });
      }
      if (pace === 'stalled') continue;

      const villageTracks = villageUnits.map((u) => u.track);
      const population = must(villageUnits[0], 'unit').population ?? 1500;
      const groups = must(villageUnits[0], 'unit').groups;
      const stored = new Map<string, Record<string, number>>();
      const storedDates = new Map<string, string>();
      // Every stage of the village, in the order of its due dates.
      const plan = villageUnits
        .flatMap((unit) =>
          stagesOfUnit(unit.track, villageTracks).map((stage) => ({
            unit,
            stage,
            due: dueDate(stage, electionDay, rules),
          })),
        )
        .sort((a, b) => a.due.localeCompare(b.due) || a.stage.position - b.stage.position);

      let photoId: number | null = null;
      const photo = async () => {
        if (photoId === null) {
          const content = demoPhoto(regionId);
          photoId = await fileIds.next();
          files.push({
            id: photoId,
            regionPath: path,
            mimeType: 'image/png',
            size: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
            uploadedBy: clerk,
          });
        }
        return photoId;
      };

      // Stages are taken in order: each waits until the stage before it in its unit and its gates
      // (the audit, the election it follows) are approved, and is submitted only after the latest
      // of those approvals. Gates can sit later in the plan than what they open (the S election
      // waits for the V election of the same day), so walk the plan until nothing more can be done.
      const approvedAt = new Map<string, Date>();
      const handled = new Set<string>();
      for (let progress = true; progress;) {
        progress = false;
        for (const { unit, stage, due } of plan) {
          const keyed = `${unit.track}.${stage.code}`;
          if (handled.has(keyed)) continue;
          const gates = gatesOf(stage, 'party_first', villageTracks);
          const previous = stagesOfUnit(unit.track, villageTracks)
            .filter((s) => s.position < stage.position)
            .at(-1);
          const waitsFor = [
            ...(previous ? [`${unit.track}.${previous.code}`] : []),
            ...gates.map((g) => `${g.track}.${g.code}`),
          ].map((k) => approvedAt.get(k));
          if (waitsFor.some((a) => a === undefined)) continue;
          handled.add(keyed);
          progress = true;
          const ready = waitsFor.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
          // An election day that has passed was held: everything up to it was approved by then.
          const mustApprove = held && stage.due.relation !== 'after';
          let doneDate = withinElection(
            stage,
            stage.due.relation === 'on' ? electionDay : addDays(due, lateness(random, pace)),
            electionDay,
          );
          // The clerk submits in the evening, once what it waits for was approved.
          const submitDay =
            ready && todayInChina(ready) > doneDate ? todayInChina(ready) : doneDate;
          if (submitDay >= today) {
            // Work under way on what comes next: a draft, sometimes.
            if (daysBetween(today, due) <= 5 && random.chance(pace === 'ahead' ? 0.5 : 0.25)) {
              records.push(
                record(
                  unit.id,
                  stage,
                  'draft',
                  null,
                  countsFor(stage, random, population, groups, stored, unit.track),
                  clerk,
                  new Date(now.getTime() - 3_600_000),
                ),
              );
            }
            continue;
          }
          const counts = countsFor(stage, random, population, groups, stored, unit.track);
          stored.set(keyed, counts);
          const findingsOn = (date: string): Finding[] => {
            storedDates.set(keyed, date);
            const siblings = Object.fromEntries(
              plan
                .filter(
                  (p) => p.unit.id === unit.id && stored.has(`${p.unit.track}.${p.stage.code}`),
                )
                .map((p) => [
                  p.stage.code,
                  {
                    status: 'approved' as const,
                    doneDate: storedDates.get(`${p.unit.track}.${p.stage.code}`) ?? null,
                    counts: stored.get(`${p.unit.track}.${p.stage.code}`) ?? {},
                  },
                ]),
            );
            return checkStage({
              stage,
              mode: 'submit',
              doneDate: date,
              counts,
              hasPhoto: stage.photo,
              electionDay,
              today,
              rules,
              gates: gates.map((g) => ({ ...g, approved: true })),
              siblings,
            });
          };
          let findings = findingsOn(doneDate);
          if (hasErrors(findings) && mustApprove) {
            // A village that held its election did this in time.
            doneDate = due;
            findings = findingsOn(doneDate);
          }
          if (hasErrors(findings)) {
            if (mustApprove) throw new Error(`demo: ${key} ${keyed} cannot be entered`);
            continue;
          }
          const warnings = findings.filter((f) => f.severity === 'warning');
          // Townships review the next morning (if it has come); now and then they return an
          // entry. Gates (the audit, the election meetings) are rarely left hanging: everything
          // waits on them.
          const reviewedAt = at(addDays(submitDay, 1), 10);
          const age = daysBetween(submitDay, today);
          const gate = stage.code === 'audit' || stage.code === 'election';
          const status: StageStatus =
            reviewedAt > now
              ? 'submitted'
              : mustApprove
                ? 'approved'
                : age <= 1
                  ? random.chance(0.7)
                    ? 'submitted'
                    : 'approved'
                  : gate
                    ? 'approved'
                    : random.chance(0.04)
                      ? 'returned'
                      : random.chance(0.03)
                        ? 'submitted'
                        : 'approved';
          const row = record(unit.id, stage, status, doneDate, counts, clerk, at(doneDate, 17));
          row.photoFileId = stage.photo ? await photo() : null;
          row.warnings = warnings;
          row.explanation = warnings.length > 0 ? explanationFor(stage) : null;
          row.submittedBy = clerk;
          row.submittedAt = at(submitDay, 18);
          row.firstSubmittedAt = row.submittedAt;
          if (status === 'approved' || status === 'returned') {
            row.reviewedBy = coordinator;
            row.reviewedAt = reviewedAt;
            row.reviewComment = status === 'returned' ? random.pick(RETURN_COMMENTS) : null;
            row.version = 3;
          }
          if (status === 'approved') approvedAt.set(keyed, reviewedAt);
          records.push(row);
        }
      }
    }

    await insertChunked(files, (c) => tx.insert(storedFiles).values(c), 500);
    await fileIds.release();
    for (let i = 0; i < records.length; i += 1000) {
      await tx.insert(stageRecords).values(records.slice(i, i + 1000));
    }
    if (risks.length > 0) await tx.insert(villageRisks).values(risks);
  });
  // Fresh tables without statistics make the planner guess; give it real numbers.
  await db.execute(sql`analyze unit_elections, stage_records, election_days, village_risks`);
}

function record(
  unitElectionId: number,
  stage: StageDefinition,
  status: StageStatus,
  doneDate: string | null,
  counts: Record<string, number>,
  enteredBy: number,
  enteredAt: Date,
): typeof stageRecords.$inferInsert {
  const role: Role = 'village_clerk';
  return {
    unitElectionId,
    stageCode: stage.code,
    status,
    doneDate,
    counts,
    note: null,
    explanation: null,
    warnings: [],
    photoFileId: null,
    enteredBy,
    enteredRole: role,
    enteredAt,
    version: status === 'draft' ? 1 : 2,
  };
}

/** A pace; a village whose election was held did not stall, it was late at worst. */
function pickPace(random: Random, pilot: boolean, held: boolean): Pace {
  const roll = random.next();
  if (pilot) return roll < 0.6 ? 'ahead' : roll < 0.95 ? 'on_time' : 'late';
  return roll < 0.3 ? 'ahead' : roll < 0.85 ? 'on_time' : roll < 0.97 || held ? 'late' : 'stalled';
}

/**
 * A stage's date kept on its side of the election: what comes before it is done by the eve of
 * the election (late, perhaps, but never after it), what follows it not before the day.
 */
function withinElection(stage: StageDefinition, date: string, electionDay: string): string {
  switch (stage.due.relation) {
    case 'on':
      return electionDay;
    case 'before':
      return date < electionDay ? date : addDays(electionDay, -1);
    case 'after':
      return date > electionDay ? date : electionDay;
  }
}

/** Days after the due date a village finishes a stage (negative: early). */
function lateness(random: Random, pace: Pace): number {
  switch (pace) {
    case 'ahead':
      return -random.int(1, 4);
    case 'on_time':
      return random.chance(0.95) ? -random.int(0, 2) : random.int(1, 2);
    case 'late':
      return random.int(1, 6);
    case 'stalled':
      return 365;
  }
}

function explanationFor(stage: StageDefinition): string {
  return stage.code === 'audit'
    ? '审计组人手紧张，进村时间推迟，已于完成当日张榜公示'
    : `因群众外出务工集中返乡时间较晚，「${stage.name}」推迟完成，已报乡镇同意`;
}

function countsFor(
  stage: StageDefinition,
  random: Random,
  population: number,
  groups: number,
  stored: Map<string, Record<string, number>>,
  track: Track,
): Record<string, number> {
  switch (stage.code) {
    case 'committee':
      return { members: random.pick([5, 7, 7, 9]) };
    case 'registration': {
      const previous = Math.round(population * (0.68 + random.next() * 0.08));
      const add = {
        addAge18: random.int(8, 40),
        addMovedIn: random.int(0, 15),
        addRestored: random.int(0, 1),
        addOther: random.int(0, 3),
      };
      const rem = {
        remDied: random.int(4, 25),
        remMovedOut: random.int(0, 18),
        remDeprived: random.int(0, 1),
        remOther: random.int(0, 2),
      };
      const registered =
        previous +
        Object.values(add).reduce((a, b) => a + b, 0) -
        Object.values(rem).reduce((a, b) => a + b, 0);
      return { previous, registered, ...add, ...rem };
    }
    case 'voter_list':
      return {
        listed: stored.get(`${track}.registration`)?.registered ?? Math.round(population * 0.7),
      };
    case 'objections': {
      const received = random.chance(0.6) ? 0 : random.int(1, 3);
      const upheld = random.int(0, received);
      return { received, upheld, rejected: received - upheld };
    }
    // 两推 participants, nominees, seats, formal candidates, vetting and the 公示 are held by the
    // candidates' records (domain stage-facts.ts); the stage keeps only what nothing else holds
    case 'nomination':
      return track === 'P' ? { partyMembers: random.int(25, 90) } : {};
    case 'review':
      return { participants: random.int(40, 120) };
    // exit talks and representatives are records of their own now (follow-up and representatives
    // steps); the draws they used stay, so the rest of the demo keeps its numbers
    case 'exit_talks':
      random.int(1, 4);
      return {};
    case 'supporting_bodies':
      random.int(20, 45);
      random.int(0, 4);
      return {};
    default:
      return {};
  }
}

/** A small PNG (a notice-board photo stand-in) with a colour of its own per village. */
function demoPhoto(seed: number): Buffer {
  const width = 48;
  const height = 32;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const i = y * (width * 3 + 1) + 1 + x * 3;
      const board = x > 4 && x < 43 && y > 4 && y < 27;
      raw[i] = board ? 200 + ((seed * 7) % 50) : 120;
      raw[i + 1] = board ? 40 : 90;
      raw[i + 2] = board ? 40 + ((seed * 13) % 60) : 60;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** An instant on a China calendar day at the given hour. */
function at(day: string, hour = 9): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

function keysMatching(map: Map<string, number>, pattern: RegExp): string[] {
  return [...map.keys()].filter((k) => pattern.test(k)).sort();
}

function mustGet<K, V>(map: Map<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo: no ${String(key)}`);
  return value;
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo: no ${what}`);
  return value;
}
