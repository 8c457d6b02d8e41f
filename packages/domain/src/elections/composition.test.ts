import { describe, expect, it } from 'vitest';
import type { HeldSeat, PersonFacts } from './composition.js';
import { ageBandIndex, ageBandLabels, compose } from './composition.js';
import { ethnicityOf, isMinority } from './posts.js';

const person = (id: number, over: Partial<PersonFacts> = {}): PersonFacts => ({
  id,
  gender: 'male',
  birthDate: '1980-06-15',
  ethnicity: '汉族',
  education: 'high_school',
  politicalStatus: 'masses',
  ...over,
});

describe('age', () => {
  it('bands from the rule set', () => {
    expect(ageBandLabels([35, 45, 55])).toEqual(['35岁及以下', '36—45岁', '46—55岁', '56岁及以上']);
    expect([35, 36, 45, 46, 55, 56, 80].map((a) => ageBandIndex(a, [35, 45, 55]))).toEqual([
      0, 1, 1, 2, 2, 3, 3,
    ]);
  });
});

describe('ethnicity', () => {
  it('is counted as typed, trimmed; blank is unknown', () => {
    expect(['汉族', ' 汉族\u3000', '彝族\t', '', '\u3000'].map(ethnicityOf)).toEqual([
      '汉族',
      '汉族',
      '彝族',
      null,
      null,
    ]);
    expect(['汉族\u3000', '彝族', ''].map(isMinority)).toEqual([false, true, false]);
  });
});

describe('compose', () => {
  // Village 1: 甲 is secretary and chair (一肩挑); 乙 sits in both bodies (交叉任职); 丙 only V; 丁 only P.
  const persons = new Map<number, PersonFacts>([
    [1, person(1, { politicalStatus: 'party_member', birthDate: '1975-01-01' })],
    [
      2,
      person(2, {
        gender: 'female',
        politicalStatus: 'probationary_member',
        ethnicity: '彝族',
        birthDate: '1995-01-01',
        education: 'college',
      }),
    ],
    [3, person(3, { gender: 'female', birthDate: null, education: null })],
    [4, person(4, { politicalStatus: 'party_member', birthDate: '1960-01-01' })],
    [5, person(5, { birthDate: '1990-01-01' })],
  ]);
  const seats: HeldSeat[] = [
    { personId: 1, regionId: 1, track: 'P', post: 'secretary' },
    { personId: 2, regionId: 1, track: 'P', post: 'member' },
    { personId: 4, regionId: 1, track: 'P', post: 'member' },
    { personId: 1, regionId: 1, track: 'V', post: 'chair' },
    { personId: 2, regionId: 1, track: 'V', post: 'member' },
    { personId: 3, regionId: 1, track: 'V', post: 'member' },
    { personId: 5, regionId: 2, track: 'V', post: 'chair' },
  ];
  const previousSeats: HeldSeat[] = [
    { personId: 1, regionId: 1, track: 'P', post: 'secretary' },
    { personId: 3, regionId: 1, track: 'P', post: 'member' }, // was in P, now in V: not 连任 in V
    { personId: 5, regionId: 2, track: 'V', post: 'member' },
  ];
  const c = compose({
    seats,
    previousSeats,
    persons,
    asOf: '2026-06-01',
    ageBounds: [35, 45, 55],
    crossIncludesDual: true,
  });

  it('derives 一肩挑, 交叉任职 and distinct persons', () => {
    expect(c.villagesWithBoth).toBe(1);
    expect(c.dualRoleVillages).toBe(1);
    expect(c.crossPersons).toBe(2);
    expect(c.persons).toBe(5);
    // village 2 has no party organisation elected: its chair cannot be cross-appointed
    expect(c.personsInBoth).toBe(4);
    const excl = compose({
      seats,
      previousSeats,
      persons,
      asOf: '2026-06-01',
      ageBounds: [35, 45, 55],
      crossIncludesDual: false,
    });
    expect(excl.crossPersons).toBe(1);
  });

  it('counts each body', () => {
    expect(c.bodies.P).toMatchObject({
      members: 3,
      women: 1,
      // 乙 is a 预备党员: not counted as a party member
      partyMembers: 2,
      minorities: 1,
      reelected: 1,
      newcomers: 2,
      ageKnown: 3,
      committees: 1,
      committeesWithWoman: 1,
    });
    expect(c.bodies.V).toMatchObject({
      members: 4,
      women: 2,
      partyMembers: 1,
      minorities: 1,
      reelected: 1,
      newcomers: 3,
      ageKnown: 3,
      committees: 2,
      committeesWithWoman: 1,
    });
    // V ages: 51, 31, 36 → bands 0:1 (31), 1:1 (36), 2:1 (51)
    expect(c.bodies.V.ageBands).toEqual([1, 1, 1, 0]);
    expect(c.bodies.V.education.unknown).toBe(1);
  });
});

describe('a birth date known to the month', () => {
  const asOf = '2026-05-15';
  const body = (birthDate: string, birthPrecision: 'day' | 'month') =>
    compose({
      seats: [{ personId: 1, regionId: 1, track: 'V', post: 'chair' }],
      previousSeats: [],
      persons: new Map([[1, person(1, { birthDate, birthPrecision })]]),
      asOf,
      ageBounds: [35, 45, 55],
      crossIncludesDual: true,
    }).bodies.V;

  it('born in 1980-05: 45 or 46 on 15 May 2026, across the 45 | 46 bound: uncertain, not guessed', () => {
    expect(body('1980-05-01', 'month')).toMatchObject({
      ageUncertain: 1,
      ageKnown: 0,
      ageExact: 0,
      ageTotal: 0,
      ageBands: [0, 0, 0, 0],
    });
    // the same first day, known to the day, is 46
    expect(body('1980-05-01', 'day')).toMatchObject({
      ageUncertain: 0,
      ageKnown: 1,
      ageExact: 1,
      ageTotal: 46,
      ageBands: [0, 0, 1, 0],
    });
  });

  it('born in 1985-05: 40 or 41, inside one band: counted in the band, not in the average', () => {
    expect(body('1985-05-01', 'month')).toMatchObject({
      ageUncertain: 0,
      ageKnown: 1,
      ageExact: 0,
      ageBands: [0, 1, 0, 0],
    });
  });

  it('born in 1980-03: 46 on any day of the month, an age known to the year', () => {
    expect(body('1980-03-01', 'month')).toMatchObject({
      ageUncertain: 0,
      ageKnown: 1,
      ageExact: 1,
      ageTotal: 46,
      ageBands: [0, 0, 1, 0],
    });
  });
});
