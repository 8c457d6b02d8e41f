import { persons } from '@huanjie/db';
import type { BirthPrecision, Education, PersonGender, PoliticalStatus } from '@huanjie/domain';

/**
 * A village's person (persons table) as the modules that share the record read it: a candidate of
 * this term (candidates) and a member of the previous one (office-holders) are the same person.
 */
export interface PersonRowView {
  id: number;
  regionId: number;
  name: string;
  gender: PersonGender;
  birthDate: string | null;
  /** 'month': only the birth month is known (birthDate is its first day). */
  birthPrecision: BirthPrecision;
  ethnicity: string;
  education: Education | null;
  politicalStatus: PoliticalStatus;
  tags: string[];
}

/** The persons columns of a PersonRowView, for every repo that reads one (select or join). */
export const personColumns = {
  id: persons.id,
  regionId: persons.regionId,
  name: persons.name,
  gender: persons.gender,
  birthDate: persons.birthDate,
  birthPrecision: persons.birthPrecision,
  ethnicity: persons.ethnicity,
  education: persons.education,
  politicalStatus: persons.politicalStatus,
  tags: persons.tags,
};
