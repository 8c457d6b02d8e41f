/**
 * Which recorded person of a village a new record names: a person is one record across bodies and
 * terms (so 连任 can be recognised), identified within the village by name and birth date.
 * Rosters often give only 出生年月; such a date is stored on the 1st of the month. So:
 * - the same birth date names that person (the first recorded, if ever two);
 * - a month-only date names the one person of that name born in that month;
 * - a full date names the one person of that name recorded month-only in that month.
 * Two or more candidates in the month are ambiguous: the caller asks for the full date.
 */
export function matchPerson<P extends { birthDate: string | null }>(
  sameName: readonly P[],
  birthDate: string | null,
  precision: 'day' | 'month',
): { person: P | null; ambiguous: number } {
  const exact = sameName.find((p) => p.birthDate === birthDate);
  if (exact) return { person: exact, ambiguous: 0 };
  if (birthDate === null) return { person: null, ambiguous: 0 };
  const month = birthDate.slice(0, 7);
  const inMonth = sameName.filter((p) =>
    precision === 'month' ? p.birthDate?.slice(0, 7) === month : p.birthDate === `${month}-01`,
  );
  if (inMonth.length === 1) return { person: inMonth[0] ?? null, ambiguous: 0 };
  return { person: null, ambiguous: inMonth.length };
}
