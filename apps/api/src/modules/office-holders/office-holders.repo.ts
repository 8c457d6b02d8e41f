import type { Db } from '@huanjie/db';
import { campaigns, officeHolders, persons, regions, unitElections } from '@huanjie/db';
import type {
  BirthPrecision,
  ElectedTrack,
  Education,
  PersonGender,
  PoliticalStatus,
  Post,
  Track,
} from '@huanjie/domain';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { PersonRowView } from '../../shared/person.js';
import { underPath } from '../../shared/sql.js';

export async function campaignTermNumbers(
  db: Db,
  campaignId: number,
): Promise<Partial<Record<Track, number>> | null> {
  const [row] = await db
    .select({ termNumbers: campaigns.termNumbers })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return row?.termNumbers ?? null;
}

/** The committee (V or C) each village of a township elects in the campaign. */
export async function committeeTracks(
  db: Db,
  campaignId: number,
  townshipPath: string,
): Promise<Map<number, 'V' | 'C'>> {
  const rows = await db
    .select({ regionId: unitElections.regionId, track: unitElections.track })
    .from(unitElections)
    .where(
      and(
        eq(unitElections.campaignId, campaignId),
        underPath(unitElections.regionPath, townshipPath),
        inArray(unitElections.track, ['V', 'C']),
      ),
    );
  return new Map(rows.map((r) => [r.regionId, r.track === 'C' ? 'C' : 'V']));
}

export interface PersonMatch {
  id: number;
  regionId: number;
  name: string;
  birthDate: string | null;
}

/** Persons of the villages with one of the names: candidates for the same person. */
export async function personsNamed(
  db: Db,
  villageIds: number[],
  names: string[],
): Promise<PersonMatch[]> {
  if (villageIds.length === 0 || names.length === 0) return [];
  return db
    .select({
      id: persons.id,
      regionId: persons.regionId,
      name: persons.name,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .where(and(inArray(persons.regionId, villageIds), inArray(persons.name, names)))
    .orderBy(asc(persons.id));
}

export interface NewPerson {
  regionId: number;
  regionPath: string;
  name: string;
  gender: PersonGender;
  birthDate: string;
  birthPrecision: BirthPrecision;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
}

export async function insertPerson(db: Db, values: NewPerson): Promise<number> {
  const [row] = await db.insert(persons).values(values).returning({ id: persons.id });
  if (!row) throw new Error('person insert returned nothing');
  return row.id;
}

/** Seats of the villages in the given (track, term) pairs: the previous term as stored. */
function termFilter(terms: Partial<Record<ElectedTrack, number>>) {
  const pairs = (Object.entries(terms) as [ElectedTrack, number][]).map(([track, term]) =>
    and(eq(officeHolders.track, track), eq(officeHolders.termNumber, term)),
  );
  return pairs.length === 0 ? sql`false` : or(...pairs);
}

export interface HolderValues {
  personId: number;
  regionId: number;
  regionPath: string;
  track: ElectedTrack;
  post: Post;
  termNumber: number;
}

/**
 * Replaces the previous-term seats of the bodies (a village's 党组织 or 村委会) the file names, and
 * only those: a file of one village's 村委会 leaves its 党组织 as it was.
 */
export async function replaceHolders(
  db: Db,
  bodies: { regionId: number; track: ElectedTrack }[],
  terms: Partial<Record<ElectedTrack, number>>,
  values: HolderValues[],
) {
  const ofBodies = bodies.flatMap(({ regionId, track }) => {
    const term = terms[track];
    return term === undefined
      ? []
      : [
          and(
            eq(officeHolders.regionId, regionId),
            eq(officeHolders.track, track),
            eq(officeHolders.termNumber, term),
          ),
        ];
  });
  const removed =
    ofBodies.length === 0
      ? []
      : await db
          .delete(officeHolders)
          .where(or(...ofBodies))
          .returning({
            regionId: officeHolders.regionId,
            track: officeHolders.track,
            post: officeHolders.post,
            personId: officeHolders.personId,
            termNumber: officeHolders.termNumber,
            source: officeHolders.source,
          });
  if (values.length > 0) {
    await db.insert(officeHolders).values(values.map((v) => ({ ...v, source: 'import' as const })));
  }
  return removed;
}

/** Names of persons by id. */
export async function personNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A seat of the previous term with its holder's recorded facts (those of a village's person). */
export interface HolderView extends Omit<PersonRowView, 'id' | 'regionId'> {
  id: number;
  villageId: number;
  villageName: string;
  track: ElectedTrack;
  post: Post;
  termNumber: number;
  source: 'import' | 'demo';
  personId: number;
}

export async function holdersUnder(
  db: Db,
  path: string,
  terms: Partial<Record<ElectedTrack, number>>,
): Promise<HolderView[]> {
  return db
    .select({
      id: officeHolders.id,
      villageId: regions.id,
      villageName: regions.name,
      track: officeHolders.track,
      post: officeHolders.post,
      termNumber: officeHolders.termNumber,
      source: officeHolders.source,
      personId: persons.id,
      name: persons.name,
      gender: persons.gender,
      birthDate: persons.birthDate,
      birthPrecision: persons.birthPrecision,
      ethnicity: persons.ethnicity,
      education: persons.education,
      politicalStatus: persons.politicalStatus,
      tags: persons.tags,
    })
    .from(officeHolders)
    .innerJoin(persons, eq(persons.id, officeHolders.personId))
    .innerJoin(regions, eq(regions.id, officeHolders.regionId))
    .where(and(underPath(officeHolders.regionPath, path), termFilter(terms)))
    .orderBy(
      asc(regions.sortOrder),
      asc(regions.id),
      asc(officeHolders.track),
      sql`array_position(array['secretary','deputy_secretary','chair','vice_chair','member'], ${officeHolders.post}::text)`,
      asc(officeHolders.id),
    );
}

/** One previous-term import of a township at a time: a second waits, then replaces the first's rows. */
export async function lockTownshipImport(db: Db, townshipId: number): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`previous-term:${String(townshipId)}`}))`,
  );
}
