import type {
  CandidateStage,
  ElectedTrack,
  ElectionCandidate,
  Education,
  MeetingInput,
  PersonGender,
  PoliticalStatus,
  Post,
  ResultSheet,
  Track,
} from '@huanjie/domain';
import {
  addDays,
  evaluateResult,
  findStage,
  gatesOf,
  hasErrors,
  resolveElectionRules,
  todayInChina,
} from '@huanjie/domain';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { queryRows } from '../raw.js';
import {
  candidates,
  electionSetups,
  publicityNotices,
  vettingAnswers,
} from '../schema/election-candidates.js';
import {
  electionMeetings,
  electionResults,
  meetingVotes,
  resultRevisions,
} from '../schema/election-results.js';
import { campaigns } from '../schema/campaigns.js';
import { officeHolders } from '../schema/office-holders.js';
import { ruleSets } from '../schema/rule-sets.js';
import { unitElections } from '../schema/unit-elections.js';
import { stageRecords } from '../schema/stage-records.js';
import { persons } from '../schema/persons.js';
import type { DemoCounty } from './generate.js';
import type { InsertedDemoCounty } from './insert.js';
import { villageActors } from './actors.js';
import { SURNAMES, givenNameChars } from './names.js';
import type { Random } from './random.js';
import { createRandom } from './random.js';
import type { DemoContext } from './context.js';
import { meetingRowsOf } from '../meeting-rows.js';
import { SequenceIds, insertChunked } from './sequence-ids.js';

interface Unit {
  id: number;
  regionId: number;
  regionPath: string;
  track: ElectedTrack;
  day: string;
  population: number | null;
}

interface DemoPerson {
  id: number;
  name: string;
  gender: PersonGender;
}

const MINORITIES = ['彝族', '白族', '傣族', '哈尼族', '回族'];
const EDUCATION_MIX: [Education, number][] = [
  ['university', 0.12],
  ['college', 0.28],
  ['secondary_vocational', 0.1],
  ['high_school', 0.28],
  ['junior_high', 0.2],
  ['primary', 0.02],
];

function pickWeighted<T>(random: Random, items: [T, number][]): T {
  let x = random.next();
  for (const [item, w] of items) {
    x -= w;
    if (x <= 0) return item;
  }
  return must(items[items.length - 1], 'weights')[0];
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`demo results: missing ${what}`);
  return value;
}

/**
 * Candidates and results of the county's current campaign: the previous term's members of every
 * village (so 连任 and the change against last term mean something), and in every village whose
 * election day has passed, the whole chain — seats, candidates (some of last term's members among
 * them), 资格联审, 公示, the formal list, the election meeting and, in some villages, a 另行选举 —
 * with the winners decided by the same rules the API applies. Most results are approved by the
 * township, the rest wait in its queue. Villages still ahead get their nominations in progress.
 * Does nothing when the county has no campaign yet.
 */
export async function seedResults(ctx: DemoContext): Promise<void> {
  const { db, county } = ctx;
  const [campaign] = await queryRows<{
    id: number;
    termNumbers: Partial<Record<string, number>>;
    ruleValues: Record<string, { value: number | boolean | string; citation: string }>;
  }>(
    db,
    sql`select c.id, c.term_numbers as "termNumbers", rs.values as "ruleValues"
        from campaigns c join rule_sets rs on rs.id = c.rule_set_id
        where c.county_id = ${county.countyId} and c.status <> 'closed'
        order by c.status = 'running' desc, c.id desc limit 1`,
  );
  if (!campaign) return;
  const rules = resolveElectionRules(campaign.ruleValues);
  const random = createRandom(ctx.seed + 5);
  const now = ctx.today;
  const today = todayInChina(now);
  const keyOf = new Map([...county.regionIds].map(([key, id]) => [id, key]));
  const units = await queryRows<Unit>(
    db,
    sql`select ue.id, ue.region_id as "regionId", ue.region_path as "regionPath", ue.track,
          to_char(d.day, 'YYYY-MM-DD') as day, r.population
        from unit_elections ue
        join unit_election_days d on d.unit_election_id = ue.id
        join regions r on r.id = ue.region_id
        where ue.campaign_id = ${campaign.id} and ue.track in ('P', 'V', 'C')
        order by ue.region_path, ue.track`,
  );
  const byVillage = new Map<number, Unit[]>();
  for (const u of units) byVillage.set(u.regionId, [...(byVillage.get(u.regionId) ?? []), u]);

  await db.transaction(async (tx) => {
    // Rows are collected and written at the end in multi-row inserts (a province of counties is
    // seeded in minutes, not hours); ids that other rows refer to are drawn from the sequences.
    const ids = {
      person: new SequenceIds(tx, 'persons'),
      candidate: new SequenceIds(tx, 'candidates'),
      result: new SequenceIds(tx, 'election_results'),
      meeting: new SequenceIds(tx, 'election_meetings'),
    };
    const rows = {
      persons: [] as (typeof persons.$inferInsert)[],
      officeHolders: [] as (typeof officeHolders.$inferInsert)[],
      setups: [] as (typeof electionSetups.$inferInsert)[],
      candidates: [] as (typeof candidates.$inferInsert)[],
      vetting: [] as (typeof vettingAnswers.$inferInsert)[],
      publicity: [] as (typeof publicityNotices.$inferInsert)[],
      results: [] as (typeof electionResults.$inferInsert)[],
      meetings: [] as (typeof electionMeetings.$inferInsert)[],
      votes: [] as (typeof meetingVotes.$inferInsert)[],
      revisions: [] as (typeof resultRevisions.$inferInsert)[],
    };
    const used = new Set<string>();
    for (const [regionId, villageUnits] of byVillage) {
      const path = must(villageUnits[0], 'unit').regionPath;
      const { clerk, coordinator } = villageActors(county, must(keyOf.get(regionId), 'village'));
      const newPerson = async (
        over: Partial<{ gender: PersonGender; party: boolean; age: [number, number] }> = {},
      ): Promise<DemoPerson> => {
        const gender: PersonGender = over.gender ?? (random.chance(0.3) ? 'female' : 'male');
        let name = '';
        for (let i = 0; i < 20 && (name === '' || used.has(`${regionId}/${name}`)); i++) {
          name =
            random.pick(SURNAMES) +
            random.pick(givenNameChars(gender)) +
            (random.chance(0.6) ? random.pick(givenNameChars(gender)) : '');
        }
        used.add(`${regionId}/${name}`);
        const [lo, hi] = over.age ?? [28, 60];
        const birthYear = Number(today.slice(0, 4)) - random.int(lo, hi);
        const political: PoliticalStatus =
          (over.party ?? random.chance(0.55))
            ? random.chance(0.95)
              ? 'party_member'
              : 'probationary_member'
            : random.chance(0.1)
              ? 'league_member'
              : 'masses';
        const row = {
          id: await ids.person.next(),
          regionId,
          regionPath: path,
          name,
          gender,
          birthDate: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          ethnicity: random.chance(0.18) ? random.pick(MINORITIES) : '汉族',
          education: pickWeighted(random, EDUCATION_MIX),
          politicalStatus: political,
          tags: random.chance(0.15)
            ? [random.pick(['致富带头人', '退役军人', '返乡创业', '大学生村官'])]
            : [],
        };
        rows.persons.push(row);
        return { id: row.id, name: row.name, gender: row.gender };
      };

      // The previous term: a party committee and a villagers' / residents' committee, often sharing people.
      const previous = new Map<ElectedTrack, { person: DemoPerson; post: Post }[]>();
      const pTerm = (campaign.termNumbers.P ?? 1) - 1;
      const partyPrev = [
        { person: await newPerson({ party: true, age: [40, 58] }), post: 'secretary' as Post },
      ];
      for (let i = 0; i < random.int(2, 4); i++)
        partyPrev.push({ person: await newPerson({ party: true }), post: 'member' });
      previous.set('P', partyPrev);
      for (const u of villageUnits.filter((x) => x.track !== 'P')) {
        const chair = random.chance(0.35)
          ? must(partyPrev[0], 'secretary').person
          : await newPerson({ age: [35, 58] });
        const list = [{ person: chair, post: 'chair' as Post }];
        if (random.chance(0.5) && partyPrev[1])
          list.push({ person: partyPrev[1].person, post: 'member' });
        while (list.length < random.int(3, 5))
          list.push({ person: await newPerson(), post: 'member' });
        previous.set(u.track, list);
      }
      for (const [track, list] of previous) {
        const term = track === 'P' ? pTerm : (campaign.termNumbers[track] ?? 1) - 1;
        rows.officeHolders.push(
          ...list.map((s) => ({
            personId: s.person.id,
            regionId,
            regionPath: path,
            track,
            post: s.post,
            termNumber: term,
            source: 'demo' as const,
          })),
        );
      }

      const held = villageUnits.every((u) => u.day < today);
      let secretaryPerson: DemoPerson | null = null;
      for (const unit of [...villageUnits].sort((a, b) =>
        a.track === 'P' ? -1 : b.track === 'P' ? 1 : 0,
      )) {
        const prev = previous.get(unit.track) ?? [];
        const seats: Partial<Record<Post, number>> =
          unit.track === 'P'
            ? { secretary: 1, member: random.int(2, 4) }
            : {
                chair: 1,
                ...(random.chance(0.3) ? { vice_chair: 1 } : {}),
                // 村民委员会 3–7 members (组织法 §6), 居民委员会 5–9 (城市居民委员会组织法 §7)
                member: unit.track === 'C' ? random.int(4, 6) : random.int(2, 4),
              };
        rows.setups.push({
          unitElectionId: unit.id,
          regionPath: path,
          seats,
          partyRoundParticipants: unit.track === 'P' ? random.int(30, 110) : null,
          massRoundParticipants: unit.track === 'P' ? random.int(20, 60) : null,
        });
        // Candidates per post: returning members first, then new people; a woman on every list.
        const pool = prev.map((p) => p.person).filter(() => random.chance(0.6));
        const list: { person: DemoPerson; post: Post }[] = [];
        const chosen = new Set<number>();
        const add = (person: DemoPerson, post: Post) => {
          chosen.add(person.id);
          list.push({ person, post });
        };
        // a returning member when one is left, otherwise someone new
        const next = async (over: Parameters<typeof newPerson>[0] = {}) => {
          while (pool.length > 0) {
            const p = pool.shift();
            if (p && !chosen.has(p.id)) return p;
          }
          return newPerson(over);
        };
        const take = async (post: Post, n: number, over: Parameters<typeof newPerson>[0] = {}) => {
          for (let i = 0; i < n; i++) add(await next(over), post);
        };
        if (unit.track === 'P') {
          const returning = prev.find((p) => p.post === 'secretary' && random.chance(0.7))?.person;
          const sec = returning ?? (await newPerson({ party: true, age: [35, 55] }));
          add(sec, 'secretary');
          secretaryPerson = sec;
          const m = seats.member ?? 3;
          await take('member', m + Math.max(1, Math.ceil(m / 5)), { party: true });
        } else {
          const dual = secretaryPerson !== null && random.chance(0.45);
          add(dual ? must(secretaryPerson, 'secretary') : await next({ age: [32, 56] }), 'chair');
          add(await newPerson({ age: [30, 58] }), 'chair');
          if (seats.vice_chair) await take('vice_chair', 2);
          await take('member', (seats.member ?? 2) + random.int(1, 2));
        }
        if (!list.some((c) => c.person.gender === 'female')) {
          const last = must(list[list.length - 1], 'candidate');
          list[list.length - 1] = {
            person: await newPerson({ gender: 'female' }),
            post: last.post,
          };
        }
        const dedup = list;
        const stage: CandidateStage = held
          ? 'formal'
          : random.pick(['initial', 'preliminary'] as const);
        if (!held && random.chance(0.5)) continue;
        const inserted: { id: number; personId: number; post: Post }[] = [];
        for (const c of dedup) {
          const row = {
            id: await ids.candidate.next(),
            unitElectionId: unit.id,
            regionPath: path,
            personId: c.person.id,
            post: c.post,
            stage,
            nominationSource:
              unit.track === 'P'
                ? ('party_recommendation' as const)
                : ('joint_nomination' as const),
            partyVotes: unit.track === 'P' ? random.int(15, 30) : null,
            massVotes: unit.track === 'P' ? random.int(10, 20) : null,
            jointNominators: unit.track === 'P' ? null : random.int(10, 40),
          };
          rows.candidates.push(row);
          inserted.push({ id: row.id, personId: row.personId, post: row.post });
        }
        if (!held) continue;
        rows.vetting.push(
          ...inserted.flatMap((c) =>
            rules.vettingDepartments.value.map((department) => ({
              candidateId: c.id,
              department,
              result: 'pass' as const,
              enteredBy: clerk,
            })),
          ),
        );
        rows.publicity.push(
          {
            unitElectionId: unit.id,
            regionPath: path,
            kind: 'candidates',
            startsOn: addDays(unit.day, -20),
            endsOn: addDays(unit.day, -15),
            createdBy: clerk,
          },
          {
            unitElectionId: unit.id,
            regionPath: path,
            kind: 'formal_list',
            startsOn: addDays(unit.day, -8),
            endsOn: null,
            createdBy: clerk,
          },
        );
        const electionCandidates: ElectionCandidate[] = inserted.map((c) => {
          const p = must(
            dedup.find((d) => d.person.id === c.personId),
            'candidate',
          ).person;
          return {
            id: c.id,
            name: p.name,
            post: c.post,
            female: p.gender === 'female',
            formal: true,
          };
        });
        const sheet = demoSheet(random, unit, seats, electionCandidates);
        const evaluation = evaluateResult(sheet, {
          track: unit.track,
          rules,
          seats,
          candidates: electionCandidates,
          today,
          formalListPostedOn: addDays(unit.day, -8),
        });
        if (hasErrors(evaluation.findings)) {
          throw new Error(
            `demo result of unit ${unit.id} breaks a rule: ${evaluation.findings
              .filter((f) => f.severity === 'error')
              .map((f) => f.message)
              .join('; ')}`,
          );
        }
        // The clerk reports the evening of the meeting; the township reviews the next morning,
        // if that morning has come.
        const submittedAt = new Date(`${unit.day}T12:00:00Z`);
        const reviewedAt = new Date(`${addDays(unit.day, 1)}T02:00:00Z`);
        const approved = random.chance(0.75) && reviewedAt <= now;
        const resultId = await ids.result.next();
        rows.results.push({
          id: resultId,
          unitElectionId: unit.id,
          regionPath: path,
          status: approved ? 'approved' : 'submitted',
          revision: 1,
          submittedAt,
          submittedBy: clerk,
          reviewedAt: approved ? reviewedAt : null,
          reviewedBy: approved ? coordinator : null,
          createdAt: submittedAt,
        });
        const postOf = (id: number) =>
          must(
            electionCandidates.find((c) => c.id === id),
            'candidate',
          ).post;
        for (const { meeting, votes } of meetingRowsOf(
          sheet,
          evaluation,
          postOf,
          unit.track === 'P',
        )) {
          const meetingId = await ids.meeting.next();
          rows.meetings.push({ ...meeting, id: meetingId, resultId });
          rows.votes.push(...votes.map((v) => ({ ...v, meetingId })));
        }
        rows.revisions.push({
          resultId,
          revision: 1,
          kind: 'submit',
          sheet,
          outcome: {
            elected: evaluation.elected,
            vacancies: evaluation.vacancies,
            oneTimeSuccess: evaluation.oneTimeSuccess,
            warnings: evaluation.findings.filter((f) => f.severity === 'warning'),
          },
          idempotencyKey: `demo-result-${unit.id}`,
          createdBy: clerk,
          createdAt: submittedAt,
        });
      }
    }
    // Parents before children: the foreign keys are checked statement by statement.
    await insertChunked(rows.persons, (c) => tx.insert(persons).values(c));
    await insertChunked(rows.officeHolders, (c) => tx.insert(officeHolders).values(c));
    await insertChunked(rows.setups, (c) => tx.insert(electionSetups).values(c));
    await insertChunked(rows.candidates, (c) => tx.insert(candidates).values(c));
    await insertChunked(rows.vetting, (c) => tx.insert(vettingAnswers).values(c));
    await insertChunked(rows.publicity, (c) => tx.insert(publicityNotices).values(c));
    await insertChunked(rows.results, (c) => tx.insert(electionResults).values(c));
    await insertChunked(rows.meetings, (c) => tx.insert(electionMeetings).values(c));
    await insertChunked(rows.votes, (c) => tx.insert(meetingVotes).values(c));
    await insertChunked(rows.revisions, (c) => tx.insert(resultRevisions).values(c), 200);
    for (const sequence of Object.values(ids)) await sequence.release();
  });
}

/** A plausible tally: clear winners, a few near misses that go to 另行选举 on V/C. */
function demoSheet(
  random: Random,
  unit: Unit,
  seats: Partial<Record<Post, number>>,
  list: ElectionCandidate[],
): ResultSheet {
  const party = unit.track === 'P';
  const entitled = party
    ? random.int(35, 140)
    : Math.max(120, Math.round((unit.population ?? 1500) * (0.62 + random.next() * 0.1)));
  const counts = (share: number) => {
    const voted = Math.min(entitled, Math.floor(entitled * share) + 1);
    const proxy = party ? 0 : Math.floor(voted * random.next() * 0.08);
    const other = party ? 0 : Math.floor(voted * random.next() * 0.03);
    const invalid = party ? random.int(0, 1) : Math.floor(voted * random.next() * 0.02);
    return {
      entitled,
      inPerson: voted - proxy - other,
      proxy,
      other,
      ballotsIssued: voted,
      ballotsReturned: voted,
      ballotsValid: voted - invalid,
      ballotsInvalid: invalid,
    };
  };
  const first = counts(party ? 0.86 + random.next() * 0.12 : 0.78 + random.next() * 0.18);
  const voted = first.inPerson + first.proxy + first.other;
  const runoffPost: Post | null = !party && random.chance(0.15) ? 'member' : null;
  const votes: MeetingInput['votes'] = [];
  for (const post of Object.keys(seats) as Post[]) {
    const n = seats[post] ?? 0;
    const race = list.filter((c) => c.post === post);
    const valid = first.ballotsValid;
    let budget = n * valid;
    race.forEach((c, i) => {
      const winner = i < n;
      let share = winner ? 0.56 + random.next() * 0.34 : 0.08 + random.next() * 0.3;
      // a near miss: the last seat falls below a majority and goes to 另行选举
      if (winner && post === runoffPost && i === n - 1) share = 0.3 + random.next() * 0.15;
      const majority = Math.floor(voted / 2) + 1;
      let v = Math.min(valid, Math.round(valid * share), budget);
      if (winner && !(post === runoffPost && i === n - 1))
        v = Math.max(v, Math.min(valid, majority + random.int(0, 5)));
      if (!winner) v = Math.min(v, majority - 1);
      v = Math.max(0, Math.min(v, budget));
      budget -= v;
      votes.push(
        party
          ? {
              candidateId: c.id,
              votesFor: v,
              against: Math.floor((valid - v) * 0.5),
              abstain: valid - v - Math.floor((valid - v) * 0.5),
            }
          : { candidateId: c.id, votesFor: v },
      );
    });
  }
  const meetings: MeetingInput[] = [{ round: 'regular', heldOn: unit.day, ...first, votes }];
  if (runoffPost) {
    const n = seats[runoffPost] ?? 0;
    const losers = list
      .filter((c) => c.post === runoffPost)
      .slice(n - 1)
      .slice(0, 2);
    const second = counts(0.6 + random.next() * 0.2);
    meetings.push({
      round: 'runoff',
      heldOn: unit.day,
      ...second,
      entitled: first.entitled,
      votes: losers.map((c, i) => ({
        candidateId: c.id,
        votesFor: Math.floor(second.ballotsValid * (i === 0 ? 0.55 : 0.3)),
      })),
    });
  }
  return { meetings };
}

/** The village a browser test enters an election in: the first village (not community) of the last township. */
export function openElectionVillageKey(plan: DemoCounty): string {
  const townships = plan.regions.filter((r) => r.level === 'township');
  const last = townships[townships.length - 1];
  const village = plan.regions.find((r) => r.parentKey === last?.key && r.level === 'village');
  if (!village) throw new Error('the demo county has no village in its last township');
  return village.key;
}

/**
 * A party and a villagers' committee election held today in one village of the county's running
 * campaign (created when there is none), with nothing entered yet: what a browser test enters.
 */
export async function openElectionToday(
  db: Db,
  county: InsertedDemoCounty,
  villageKey: string,
  now = new Date(),
) {
  const today = todayInChina(now);
  let [campaign] = await queryRows<{ id: number }>(
    db,
    sql`select id from campaigns where county_id = ${county.countyId} and status = 'running' order by id desc limit 1`,
  );
  if (!campaign) {
    const [ruleSet] = await db
      .insert(ruleSets)
      .values({ countyId: county.countyId, name: '全国默认规则', values: {} })
      .returning({ id: ruleSets.id });
    [campaign] = await db
      .insert(campaigns)
      .values({
        countyId: county.countyId,
        name: '2026年村(社区)两委换届',
        tracks: ['P', 'V', 'C'],
        termNumbers: { P: 12, V: 12, C: 12 },
        electionDayPlan: 'county',
        electionDay: today,
        ordering: 'parallel',
        ruleSetId: must(ruleSet, 'rule set').id,
        status: 'running',
        createdBy: must(county.userIds.get('county.admin'), 'county admin'),
      })
      .returning({ id: campaigns.id });
  }
  const admin = must(county.userIds.get('county.admin'), 'county admin');
  const unitIds = new Map<Track, number>();
  for (const track of ['P', 'V'] as const) {
    const [unit] = await db
      .insert(unitElections)
      .values({
        campaignId: must(campaign, 'campaign').id,
        regionId: must(county.regionIds.get(villageKey), villageKey),
        regionPath: must(county.regionPaths.get(villageKey), villageKey),
        track,
        electionDay: today,
      })
      .onConflictDoUpdate({
        target: [unitElections.campaignId, unitElections.regionId, unitElections.track],
        set: { electionDay: today },
      })
      .returning({ id: unitElections.id });
    unitIds.set(track, must(unit, 'unit').id);
  }
  // what the committee's election waits for is done and approved: the term-end audit and, under
  // the campaign's ordering (先支后村), the party branch's election
  const [{ ordering } = { ordering: 'parallel' as const }] = await db
    .select({ ordering: campaigns.ordering })
    .from(campaigns)
    .where(eq(campaigns.id, must(campaign, 'campaign').id));
  const gates = gatesOf(must(findStage('V', 'election'), 'stage'), ordering, ['P', 'V']);
  for (const gate of gates) {
    const approved = {
      status: 'approved' as const,
      doneDate: gate.code === 'audit' ? addDays(today, -30) : today,
      enteredBy: admin,
      enteredRole: 'county_admin' as const,
      submittedBy: admin,
      submittedAt: now,
      firstSubmittedAt: now,
      reviewedBy: admin,
      reviewedAt: now,
    };
    await db
      .insert(stageRecords)
      .values({
        unitElectionId: must(unitIds.get(gate.track), gate.track),
        stageCode: gate.code,
        ...approved,
      })
      .onConflictDoUpdate({
        target: [stageRecords.unitElectionId, stageRecords.stageCode],
        set: approved,
      });
  }
}
