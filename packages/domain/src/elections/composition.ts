import type { BirthPrecision } from '../dates.js';
import { ageRangeOn } from '../dates.js';
import type { ElectedTrack, Education, PersonGender, PoliticalStatus, Post } from './posts.js';
import { EDUCATION_LEVELS, ELECTED_TRACKS, POSTS, isMinority, isPartyMember } from './posts.js';

export interface PersonFacts {
  id: number;
  gender: PersonGender;
  birthDate: string | null;
  /** 'month' when only the birth month is known (birthDate is then its first day); 'day' if absent. */
  birthPrecision?: BirthPrecision;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
}

/** One person holding one post in one body of one village. */
export interface HeldSeat {
  personId: number;
  regionId: number;
  track: ElectedTrack;
  post: Post;
}

export interface BodyComposition {
  members: number;
  women: number;
  partyMembers: number;
  minorities: number;
  /** Held a seat in the same body of the same village last term (连任). */
  reelected: number;
  newcomers: number;
  /** Members whose age band is known; the denominator of the bands. */
  ageKnown: number;
  /** Members whose age is known to the year (the average age is ageTotal / ageExact). */
  ageExact: number;
  ageTotal: number;
  /**
   * Members born in a known month whose band depends on the unknown day (the birthday may or may
   * not have passed, and a band bound lies between): counted apart, not guessed.
   */
  ageUncertain: number;
  /** Counts per band, aligned with ageBandLabels(bounds). */
  ageBands: number[];
  education: Record<Education | 'unknown', number>;
  posts: Record<Post, number>;
  /** Committees (one per village) with at least one woman, of `committees`. */
  committeesWithWoman: number;
  committees: number;
}

export interface Composition {
  bodies: Record<ElectedTrack, BodyComposition>;
  /** Villages where both the party organisation and a committee have members. */
  villagesWithBoth: number;
  /** 一肩挑: the party secretary is also the committee chair of the same village. */
  dualRoleVillages: number;
  /** Persons holding seats in both bodies of one village (交叉任职). */
  crossPersons: number;
  /** Distinct persons in the 两委 of all villages. */
  persons: number;
  /**
   * Distinct persons in the 两委 of the villages where both bodies have members: the units 交叉任职
   * can happen in, so its denominator.
   */
  personsInBoth: number;
}

/** Band labels for upper bounds, e.g. [35, 45, 55] → 35岁及以下, 36—45岁, 46—55岁, 56岁及以上. */
export function ageBandLabels(bounds: readonly number[]): string[] {
  if (bounds.length === 0) return ['全部'];
  const labels = bounds.map((b, i) =>
    i === 0 ? `${b}岁及以下` : `${(bounds[i - 1] ?? 0) + 1}—${b}岁`,
  );
  labels.push(`${(bounds[bounds.length - 1] ?? 0) + 1}岁及以上`);
  return labels;
}

export function ageBandIndex(age: number, bounds: readonly number[]): number {
  const i = bounds.findIndex((b) => age <= b);
  return i === -1 ? bounds.length : i;
}

function emptyBody(bands: number): BodyComposition {
  return {
    members: 0,
    women: 0,
    partyMembers: 0,
    minorities: 0,
    reelected: 0,
    newcomers: 0,
    ageKnown: 0,
    ageExact: 0,
    ageTotal: 0,
    ageUncertain: 0,
    ageBands: Array.from({ length: bands }, () => 0),
    education: Object.fromEntries([...EDUCATION_LEVELS, 'unknown'].map((e) => [e, 0])) as Record<
      Education | 'unknown',
      number
    >,
    posts: Object.fromEntries(POSTS.map((p) => [p, 0])) as Record<Post, number>,
    committeesWithWoman: 0,
    committees: 0,
  };
}

export interface CompositionInput {
  seats: readonly HeldSeat[];
  /** Seats of the previous term, for 连任. */
  previousSeats: readonly HeldSeat[];
  persons: ReadonlyMap<number, PersonFacts>;
  /** Ages are taken on this day (the election day). */
  asOf: string;
  ageBounds: readonly number[];
  /** Whether 一肩挑 persons count as 交叉任职 (a statistical convention of the rule set). */
  crossIncludesDual: boolean;
}

/** Everything derived from who holds which seat: never typed, so the parts always add up. */
export function compose(input: CompositionInput): Composition {
  const bands = input.ageBounds.length + 1;
  const bodies = Object.fromEntries(ELECTED_TRACKS.map((t) => [t, emptyBody(bands)])) as Record<
    ElectedTrack,
    BodyComposition
  >;
  const previous = new Set(
    input.previousSeats.map(
      (s) => `${s.regionId}/${s.track === 'C' ? 'V' : s.track}/${s.personId}`,
    ),
  );
  const committees = new Map<string, boolean>();
  for (const seat of input.seats) {
    const person = input.persons.get(seat.personId);
    if (!person) throw new Error(`seat of unknown person ${seat.personId}`);
    const body = bodies[seat.track];
    body.members += 1;
    body.posts[seat.post] += 1;
    const female = person.gender === 'female';
    if (female) body.women += 1;
    if (isPartyMember(person.politicalStatus)) body.partyMembers += 1;
    if (isMinority(person.ethnicity)) body.minorities += 1;
    // a village becomes a community (村改居): its committee keeps its history
    if (previous.has(`${seat.regionId}/${seat.track === 'C' ? 'V' : seat.track}/${seat.personId}`))
      body.reelected += 1;
    else body.newcomers += 1;
    if (person.birthDate) {
      const { youngest, oldest } = ageRangeOn(
        person.birthDate,
        person.birthPrecision ?? 'day',
        input.asOf,
      );
      const band = ageBandIndex(youngest, input.ageBounds);
      if (band !== ageBandIndex(oldest, input.ageBounds)) {
        body.ageUncertain += 1;
      } else {
        body.ageKnown += 1;
        body.ageBands[band] = (body.ageBands[band] ?? 0) + 1;
        if (youngest === oldest) {
          body.ageExact += 1;
          body.ageTotal += youngest;
        }
      }
    }
    body.education[person.education ?? 'unknown'] += 1;
    const key = `${seat.track}/${seat.regionId}`;
    committees.set(key, (committees.get(key) ?? false) || female);
  }
  for (const [key, hasWoman] of committees) {
    const body = bodies[key.split('/')[0] as ElectedTrack];
    body.committees += 1;
    if (hasWoman) body.committeesWithWoman += 1;
  }

  const byVillage = new Map<number, HeldSeat[]>();
  for (const s of input.seats) byVillage.set(s.regionId, [...(byVillage.get(s.regionId) ?? []), s]);
  let villagesWithBoth = 0;
  let dualRoleVillages = 0;
  let crossPersons = 0;
  let persons = 0;
  let personsInBoth = 0;
  for (const seats of byVillage.values()) {
    const party = new Set(seats.filter((s) => s.track === 'P').map((s) => s.personId));
    const committee = new Set(seats.filter((s) => s.track !== 'P').map((s) => s.personId));
    persons += new Set([...party, ...committee]).size;
    if (party.size === 0 || committee.size === 0) continue;
    villagesWithBoth += 1;
    personsInBoth += new Set([...party, ...committee]).size;
    const secretary = seats.find((s) => s.track === 'P' && s.post === 'secretary')?.personId;
    const chair = seats.find((s) => s.track !== 'P' && s.post === 'chair')?.personId;
    const dual = secretary !== undefined && secretary === chair;
    if (dual) dualRoleVillages += 1;
    const cross = [...party].filter((p) => committee.has(p)).length;
    crossPersons += cross - (dual && !input.crossIncludesDual ? 1 : 0);
  }
  return { bodies, villagesWithBoth, dualRoleVillages, crossPersons, persons, personsInBoth };
}
