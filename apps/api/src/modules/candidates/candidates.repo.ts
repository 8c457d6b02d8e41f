import type { Db, ResultStatus } from '@huanjie/db';
import {
  campaigns,
  candidates,
  electionResults,
  electionSetups,
  persons,
  publicityNotices,
  publicityObjections,
  regions,
  ruleSets,
  stageRecords,
  unitElections,
  users,
  vettingAnswers,
} from '@huanjie/db';
import type {
  BirthPrecision,
  CandidateStage,
  Education,
  ElectedTrack,
  NominationSource,
  ObjectionDecision,
  PersonGender,
  PoliticalStatus,
  Post,
  PublicityKind,
  RuleEntry,
  VettingResult,
} from '@huanjie/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PersonRowView } from '../../shared/person.js';
import { personColumns } from '../../shared/person.js';
import { underPath } from '../../shared/sql.js';

/** Rows by a key, each group in the rows' order (Map.groupBy, which Node 20 lacks). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface UnitRow {
  id: number;
  campaignId: number;
  campaignName: string;
  campaignStatus: string;
  regionId: number;
  regionPath: string;
  regionName: string;
  track: ElectedTrack;
  electionDay: string;
  termNumber: number | null;
  ruleValues: Record<string, RuleEntry>;
}

const unitColumns = {
  id: unitElections.id,
  campaignId: unitElections.campaignId,
  campaignName: campaigns.name,
  campaignStatus: campaigns.status,
  regionId: unitElections.regionId,
  regionPath: unitElections.regionPath,
  regionName: regions.name,
  track: unitElections.track,
  // the effective day (own, township's or county's), as every module reads it
  electionDay: sql<string>`coalesce((select d.day::text from unit_election_days d where d.unit_election_id = ${unitElections.id}), ${campaigns.electionDay}::text)`,
  termNumbers: campaigns.termNumbers,
  ruleValues: ruleSets.values,
};

type RawUnit = {
  [K in keyof typeof unitColumns]: unknown;
} & {
  track: string;
  termNumbers: Partial<Record<string, number>>;
  ruleValues: Record<string, RuleEntry>;
};

function toUnit(r: RawUnit): UnitRow {
  return {
    id: r.id as number,
    campaignId: r.campaignId as number,
    campaignName: r.campaignName as string,
    campaignStatus: r.campaignStatus as string,
    regionId: r.regionId as number,
    regionPath: r.regionPath as string,
    regionName: r.regionName as string,
    track: r.track as ElectedTrack,
    electionDay: r.electionDay as string,
    termNumber: r.termNumbers[r.track] ?? null,
    ruleValues: r.ruleValues,
  };
}

function unitQuery(db: Db) {
  return db
    .select(unitColumns)
    .from(unitElections)
    .innerJoin(campaigns, eq(campaigns.id, unitElections.campaignId))
    .innerJoin(ruleSets, eq(ruleSets.id, campaigns.ruleSetId))
    .innerJoin(regions, eq(regions.id, unitElections.regionId));
}

/**
 * Units of a list: a rule set's values (5 KB of JSON) come once per rule set, on its first row,
 * not once per unit (a county's results page lists hundreds of units of one campaign).
 */
function unitListQuery(db: Db) {
  return db
    .select({
      ...unitColumns,
      ruleSetId: campaigns.ruleSetId,
      ruleValues: sql<Record<
        string,
        RuleEntry
      > | null>`case when row_number() over (partition by ${campaigns.ruleSetId}) = 1 then ${ruleSets.values} end`,
    })
    .from(unitElections)
    .innerJoin(campaigns, eq(campaigns.id, unitElections.campaignId))
    .innerJoin(ruleSets, eq(ruleSets.id, campaigns.ruleSetId))
    .innerJoin(regions, eq(regions.id, unitElections.regionId));
}

type ListedUnit = Omit<RawUnit, 'ruleValues'> & {
  ruleSetId: number;
  ruleValues: Record<string, RuleEntry> | null;
};

/** The rows of unitListQuery as units, each with its rule set's values (shared, not copied). */
function toListedUnits(rows: ListedUnit[]): UnitRow[] {
  const values = new Map<number, Record<string, RuleEntry>>();
  for (const r of rows) if (r.ruleValues) values.set(r.ruleSetId, r.ruleValues);
  return rows.map((r) => {
    const ruleValues = values.get(r.ruleSetId);
    if (!ruleValues) throw new Error(`rule set ${String(r.ruleSetId)} missing from the list`);
    return toUnit({ ...r, ruleValues });
  });
}

export async function findUnit(db: Db, id: number): Promise<UnitRow | null> {
  const [row] = await unitQuery(db).where(eq(unitElections.id, id));
  return row && ['P', 'V', 'C'].includes(row.track) ? toUnit(row) : null;
}

/** One unit election with the rows of its bundle (UnitBundle), as unitWithBundle reads them. */
export interface UnitWithBundle {
  unit: UnitRow;
  /** The campaign's stage ordering, which the write gate reads. */
  ordering: (typeof campaigns.$inferSelect)['ordering'];
  setup: {
    seats: Partial<Record<Post, number>>;
    partyRoundParticipants: number | null;
    massRoundParticipants: number | null;
  } | null;
  candidates: CandidateView[];
  publicity: PublicityRow[];
}

/**
 * A unit election (P, V, C) and its bundle's rows in one statement (a result submission reads
 * them all): the rows of each kind as one json array, in the orders the list loaders use.
 */
export async function unitWithBundle(db: Db, id: number): Promise<UnitWithBundle | null> {
  const [row] = await db
    .select({
      ...unitColumns,
      ordering: campaigns.ordering,
      setup: sql<UnitWithBundle['setup']>`(select json_build_object(
        'seats', es.seats, 'partyRoundParticipants', es.party_round_participants,
        'massRoundParticipants', es.mass_round_participants)
        from election_setups es where es.unit_election_id = ${unitElections.id})`,
      candidates: sql<CandidateView[]>`coalesce((select json_agg(json_build_object(
        'id', c.id, 'unitElectionId', c.unit_election_id, 'regionPath', c.region_path,
        'post', c.post, 'stage', c.stage, 'nominationSource', c.nomination_source,
        'partyVotes', c.party_votes, 'massVotes', c.mass_votes,
        'jointNominators', c.joint_nominators, 'preliminaryVotes', c.preliminary_votes,
        'note', c.note,
        'person', json_build_object('id', p.id, 'regionId', p.region_id, 'name', p.name,
          'gender', p.gender, 'birthDate', p.birth_date, 'birthPrecision', p.birth_precision,
          'ethnicity', p.ethnicity, 'education', p.education,
          'politicalStatus', p.political_status, 'tags', p.tags)) order by c.id)
        from candidates c join persons p on p.id = c.person_id
        where c.unit_election_id = ${unitElections.id}), '[]')`,
      publicity: sql<PublicityRow[]>`coalesce((select json_agg(json_build_object(
        'id', n.id, 'unitElectionId', n.unit_election_id, 'kind', n.kind,
        'startsOn', n.starts_on, 'endsOn', n.ends_on,
        'objections', coalesce((select json_agg(json_build_object(
          'id', o.id, 'publicityId', o.publicity_id, 'candidateId', o.candidate_id,
          'receivedOn', o.received_on, 'content', o.content, 'decision', o.decision,
          'decidedOn', o.decided_on, 'decisionNote', o.decision_note) order by o.id)
          from publicity_objections o where o.publicity_id = n.id), '[]')) order by n.id)
        from publicity_notices n where n.unit_election_id = ${unitElections.id}), '[]')`,
    })
    .from(unitElections)
    .innerJoin(campaigns, eq(campaigns.id, unitElections.campaignId))
    .innerJoin(ruleSets, eq(ruleSets.id, campaigns.ruleSetId))
    .innerJoin(regions, eq(regions.id, unitElections.regionId))
    .where(eq(unitElections.id, id));
  if (!row || !['P', 'V', 'C'].includes(row.track)) return null;
  const { ordering, setup, candidates: rows, publicity, ...unit } = row;
  return { unit: toUnit(unit), ordering, setup, candidates: rows, publicity };
}

/** Unit elections (P, V, C) by id, in the order of the ids; other ids are skipped. */
export async function unitsByIds(db: Db, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  const rows = await unitListQuery(db).where(
    and(inArray(unitElections.id, ids), inArray(unitElections.track, ['P', 'V', 'C'])),
  );
  const byId = new Map(toListedUnits(rows as ListedUnit[]).map((u) => [u.id, u]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Unit elections (P, V, C) of a campaign under a path, by village. */
export async function unitsUnder(db: Db, campaignId: number, path: string): Promise<UnitRow[]> {
  const rows = await unitListQuery(db)
    .where(
      and(
        eq(unitElections.campaignId, campaignId),
        underPath(unitElections.regionPath, path),
        inArray(unitElections.track, ['P', 'V', 'C']),
      ),
    )
    .orderBy(asc(unitElections.regionPath), asc(unitElections.track));
  return toListedUnits(rows);
}

export async function findSetup(db: Db, unitId: number) {
  const [row] = await db
    .select()
    .from(electionSetups)
    .where(eq(electionSetups.unitElectionId, unitId));
  return row ?? null;
}

export async function setupsOf(db: Db, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return db.select().from(electionSetups).where(inArray(electionSetups.unitElectionId, unitIds));
}

export async function upsertSetup(
  db: Db,
  values: {
    unitElectionId: number;
    regionPath: string;
    seats: Partial<Record<Post, number>>;
    partyRoundParticipants: number | null;
    massRoundParticipants: number | null;
  },
  now: Date,
) {
  await db
    .insert(electionSetups)
    .values({ ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: electionSetups.unitElectionId,
      set: {
        seats: values.seats,
        partyRoundParticipants: values.partyRoundParticipants,
        massRoundParticipants: values.massRoundParticipants,
        updatedAt: now,
      },
    });
}

export type { PersonRowView };

export interface CandidateView {
  id: number;
  unitElectionId: number;
  regionPath: string;
  post: Post;
  stage: CandidateStage;
  nominationSource: NominationSource;
  partyVotes: number | null;
  massVotes: number | null;
  jointNominators: number | null;
  preliminaryVotes: number | null;
  note: string | null;
  person: PersonRowView;
}

export async function candidatesOf(db: Db, unitId: number): Promise<CandidateView[]> {
  return candidatesOfUnits(db, [unitId]);
}

/** The candidates of several unit elections at once, by id. */
export async function candidatesOfUnits(db: Db, unitIds: number[]): Promise<CandidateView[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({
      id: candidates.id,
      unitElectionId: candidates.unitElectionId,
      regionPath: candidates.regionPath,
      post: candidates.post,
      stage: candidates.stage,
      nominationSource: candidates.nominationSource,
      partyVotes: candidates.partyVotes,
      massVotes: candidates.massVotes,
      jointNominators: candidates.jointNominators,
      preliminaryVotes: candidates.preliminaryVotes,
      note: candidates.note,
      person: personColumns,
    })
    .from(candidates)
    .innerJoin(persons, eq(persons.id, candidates.personId))
    .where(inArray(candidates.unitElectionId, unitIds))
    .orderBy(asc(candidates.id));
  return rows;
}

export async function findCandidate(db: Db, id: number) {
  const [row] = await db.select().from(candidates).where(eq(candidates.id, id));
  return row ?? null;
}

/**
 * Who may vote, as the village registered them: the registration stage's 本届登记选民数 (V, C) or
 * the 两推 stage's 党员总数 (P), as last entered; null when not entered.
 */
export async function registeredVoters(
  db: Db,
  unitId: number,
  track: string,
): Promise<number | null> {
  const [stage, key] =
    track === 'P' ? ['nomination', 'partyMembers'] : ['registration', 'registered'];
  const [row] = await db
    .select({ value: sql<number | null>`(${stageRecords.counts} ->> ${key})::int` })
    .from(stageRecords)
    .where(and(eq(stageRecords.unitElectionId, unitId), eq(stageRecords.stageCode, stage)));
  return row?.value ?? null;
}

/** Registered voters (as registeredVoters) of several units, by unit; absent when not entered. */
export async function registeredVotersOf(
  db: Db,
  units: readonly { id: number; track: string }[],
): Promise<Map<number, number>> {
  if (units.length === 0) return new Map();
  const rows = await db
    .select({
      unitId: stageRecords.unitElectionId,
      stageCode: stageRecords.stageCode,
      partyMembers: sql<number | null>`(${stageRecords.counts} ->> 'partyMembers')::int`,
      registered: sql<number | null>`(${stageRecords.counts} ->> 'registered')::int`,
    })
    .from(stageRecords)
    .where(
      and(
        inArray(
          stageRecords.unitElectionId,
          units.map((u) => u.id),
        ),
        inArray(stageRecords.stageCode, ['nomination', 'registration']),
      ),
    );
  const trackOf = new Map(units.map((u) => [u.id, u.track]));
  const found = new Map<number, number>();
  for (const r of rows) {
    const party = trackOf.get(r.unitId) === 'P';
    const value = party
      ? r.stageCode === 'nomination' && r.partyMembers
      : r.stageCode === 'registration' && r.registered;
    if (typeof value === 'number') found.set(r.unitId, value);
  }
  return found;
}

/** The persons of several villages, by village, each in id order. */
export async function personsOfVillages(
  db: Db,
  regionIds: number[],
): Promise<Map<number, PersonRowView[]>> {
  if (regionIds.length === 0) return new Map();
  const rows = await db
    .select(personColumns)
    .from(persons)
    .where(inArray(persons.regionId, regionIds))
    .orderBy(asc(persons.id));
  return groupBy(rows, (p) => p.regionId);
}

export async function personsOfVillage(db: Db, regionId: number): Promise<PersonRowView[]> {
  return db
    .select(personColumns)
    .from(persons)
    .where(eq(persons.regionId, regionId))
    .orderBy(asc(persons.id));
}

export async function findPerson(db: Db, id: number) {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}

export interface VettingRow {
  candidateId: number;
  department: string;
  result: VettingResult;
  note: string | null;
  updatedAt: Date;
  enteredByName: string;
}

export async function vettingOf(db: Db, candidateIds: number[]): Promise<VettingRow[]> {
  if (candidateIds.length === 0) return [];
  return db
    .select({
      candidateId: vettingAnswers.candidateId,
      department: vettingAnswers.department,
      result: vettingAnswers.result,
      note: vettingAnswers.note,
      updatedAt: vettingAnswers.updatedAt,
      // per row by primary key: a join hashed every user of the province (a county's result list
      // reads thousands of answers)
      enteredByName: sql<string>`(select u.display_name from ${users} u where u.id = ${vettingAnswers.enteredBy})`,
    })
    .from(vettingAnswers)
    .where(inArray(vettingAnswers.candidateId, candidateIds))
    .orderBy(asc(vettingAnswers.id));
}

export interface ObjectionRow {
  id: number;
  publicityId: number;
  candidateId: number | null;
  receivedOn: string;
  content: string;
  decision: ObjectionDecision;
  decidedOn: string | null;
  decisionNote: string | null;
}

export interface PublicityRow {
  id: number;
  unitElectionId: number;
  kind: PublicityKind;
  startsOn: string;
  endsOn: string | null;
  objections: ObjectionRow[];
}

export async function publicityOf(db: Db, unitId: number): Promise<PublicityRow[]> {
  return publicityOfUnits(db, [unitId]);
}

/** The 公示 of several unit elections at once, with their objections, by id. */
export async function publicityOfUnits(db: Db, unitIds: number[]): Promise<PublicityRow[]> {
  if (unitIds.length === 0) return [];
  const notices = await db
    .select({
      id: publicityNotices.id,
      unitElectionId: publicityNotices.unitElectionId,
      kind: publicityNotices.kind,
      startsOn: publicityNotices.startsOn,
      endsOn: publicityNotices.endsOn,
    })
    .from(publicityNotices)
    .where(inArray(publicityNotices.unitElectionId, unitIds))
    .orderBy(asc(publicityNotices.id));
  if (notices.length === 0) return [];
  const objections = await db
    .select({
      id: publicityObjections.id,
      publicityId: publicityObjections.publicityId,
      candidateId: publicityObjections.candidateId,
      receivedOn: publicityObjections.receivedOn,
      content: publicityObjections.content,
      decision: publicityObjections.decision,
      decidedOn: publicityObjections.decidedOn,
      decisionNote: publicityObjections.decisionNote,
    })
    .from(publicityObjections)
    .where(
      inArray(
        publicityObjections.publicityId,
        notices.map((n) => n.id),
      ),
    )
    .orderBy(asc(publicityObjections.id));
  const byNotice = groupBy(objections, (o) => o.publicityId);
  return notices.map((n) => ({ ...n, objections: byNotice.get(n.id) ?? [] }));
}

export async function findObjection(db: Db, id: number) {
  const [row] = await db
    .select({
      id: publicityObjections.id,
      decision: publicityObjections.decision,
      unitElectionId: publicityNotices.unitElectionId,
    })
    .from(publicityObjections)
    .innerJoin(publicityNotices, eq(publicityNotices.id, publicityObjections.publicityId))
    .where(eq(publicityObjections.id, id));
  return row ?? null;
}

export async function findPublicity(db: Db, id: number) {
  const [row] = await db.select().from(publicityNotices).where(eq(publicityNotices.id, id));
  return row ?? null;
}

/** The status of a unit election's result, null before anything was entered. */
export async function resultStatusOf(db: Db, unitId: number): Promise<ResultStatus | null> {
  const [row] = await db
    .select({ status: electionResults.status })
    .from(electionResults)
    .where(eq(electionResults.unitElectionId, unitId));
  return row?.status ?? null;
}

/** The result status of each unit election that has a result. */
export async function resultStatusesOf(
  db: Db,
  unitIds: number[],
): Promise<Map<number, ResultStatus>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ unitId: electionResults.unitElectionId, status: electionResults.status })
    .from(electionResults)
    .where(inArray(electionResults.unitElectionId, unitIds));
  return new Map(rows.map((r) => [r.unitId, r.status]));
}

export interface PersonValues {
  name: string;
  gender: PersonGender;
  birthDate: string | null;
  birthPrecision: BirthPrecision;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
  tags: string[];
  updatedAt: Date;
}

export async function updatePerson(db: Db, id: number, values: PersonValues): Promise<void> {
  await db.update(persons).set(values).where(eq(persons.id, id));
}

/** A village's persons of a name, oldest first. */
export async function personsNamedIn(db: Db, regionId: number, name: string) {
  return db
    .select({
      id: persons.id,
      birthDate: persons.birthDate,
      birthPrecision: persons.birthPrecision,
    })
    .from(persons)
    .where(and(eq(persons.regionId, regionId), eq(persons.name, name)))
    .orderBy(persons.id);
}

export async function insertPerson(
  db: Db,
  values: PersonValues & { regionId: number; regionPath: string },
): Promise<number> {
  const [created] = await db.insert(persons).values(values).returning({ id: persons.id });
  if (!created) throw new Error('person insert returned nothing');
  return created.id;
}

export interface CandidateValues {
  post: Post;
  nominationSource: NominationSource;
  partyVotes: number | null;
  massVotes: number | null;
  jointNominators: number | null;
  note: string | null;
  personId: number;
  updatedAt: Date;
}

/** Candidates of a unit election who are this person (at most one is allowed). */
export async function candidaciesOfPerson(db: Db, unitId: number, personId: number) {
  return db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.unitElectionId, unitId), eq(candidates.personId, personId)));
}

export async function updateCandidate(
  db: Db,
  id: number,
  values: Partial<CandidateValues> & {
    stage?: CandidateStage;
    preliminaryVotes?: number | null;
    updatedAt: Date;
  },
): Promise<void> {
  await db.update(candidates).set(values).where(eq(candidates.id, id));
}

export async function insertCandidate(
  db: Db,
  values: CandidateValues & { unitElectionId: number; regionPath: string },
): Promise<number> {
  const [created] = await db.insert(candidates).values(values).returning({ id: candidates.id });
  if (!created) throw new Error('candidate insert returned nothing');
  return created.id;
}

export async function upsertVettingAnswer(
  db: Db,
  answer: {
    candidateId: number;
    department: string;
    result: VettingResult;
    note: string | null;
    enteredBy: number;
  },
  now: Date,
): Promise<void> {
  await db
    .insert(vettingAnswers)
    .values({ ...answer, updatedAt: now })
    .onConflictDoUpdate({
      target: [vettingAnswers.candidateId, vettingAnswers.department],
      set: {
        result: answer.result,
        note: answer.note,
        enteredBy: answer.enteredBy,
        updatedAt: now,
      },
    });
}

export async function findPublicityOfKind(db: Db, unitId: number, kind: PublicityKind) {
  const [row] = await db
    .select()
    .from(publicityNotices)
    .where(and(eq(publicityNotices.unitElectionId, unitId), eq(publicityNotices.kind, kind)));
  return row ?? null;
}

export async function updatePublicity(
  db: Db,
  id: number,
  dates: { startsOn: string; endsOn: string | null },
): Promise<void> {
  await db.update(publicityNotices).set(dates).where(eq(publicityNotices.id, id));
}

export async function insertPublicity(db: Db, values: typeof publicityNotices.$inferInsert) {
  await db.insert(publicityNotices).values(values);
}

export async function insertObjection(
  db: Db,
  values: { publicityId: number; candidateId: number | null; receivedOn: string; content: string },
): Promise<number> {
  const [created] = await db
    .insert(publicityObjections)
    .values(values)
    .returning({ id: publicityObjections.id });
  if (!created) throw new Error('objection insert returned nothing');
  return created.id;
}

export async function decideObjection(
  db: Db,
  id: number,
  values: { decision: ObjectionDecision; decidedOn: string; decisionNote: string | null },
): Promise<void> {
  await db.update(publicityObjections).set(values).where(eq(publicityObjections.id, id));
}
