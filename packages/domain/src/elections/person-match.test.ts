import { describe, expect, it } from 'vitest';
import { matchPerson } from './person-match.js';

const zhao = (id: number, birthDate: string | null) => ({ id, birthDate });

describe('matchPerson: one person record per villager', () => {
  it('the same birth date names the person', () => {
    const people = [zhao(1, '1960-02-17'), zhao(2, '1971-03-01')];
    expect(matchPerson(people, '1960-02-17', 'day')).toEqual({ person: people[0], ambiguous: 0 });
  });

  it('a full date finds the one person recorded with the month only (stored on the 1st)', () => {
    const people = [zhao(1, '1960-02-01')];
    expect(matchPerson(people, '1960-02-17', 'day').person).toBe(people[0]);
    // a different full date in the same month is another person
    expect(matchPerson([zhao(2, '1960-02-09')], '1960-02-17', 'day').person).toBeNull();
  });

  it('a month-only date finds the one person born that month, and is ambiguous with two', () => {
    expect(matchPerson([zhao(1, '1960-02-17')], '1960-02-01', 'month').person?.id).toBe(1);
    expect(
      matchPerson([zhao(1, '1960-02-17'), zhao(2, '1960-02-20')], '1960-02-01', 'month'),
    ).toEqual({ person: null, ambiguous: 2 });
  });

  it('no birth date matches only a person without one', () => {
    expect(matchPerson([zhao(1, null)], null, 'day').person?.id).toBe(1);
    expect(matchPerson([zhao(1, '1960-02-01')], null, 'day').person).toBeNull();
  });
});
