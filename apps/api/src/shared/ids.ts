import type {
  CadreId,
  CaseId,
  RiskMeasureId,
  RiskPlanId,
  CampaignId,
  CandidateId,
  CorrectionOrderId,
  GuidanceTeamId,
  InspectionId,
  ObjectionId,
  PersonId,
  PublicityId,
  RecordCommentId,
  RegionId,
  RuleSetId,
  StageRecordId,
  StoredFileId,
  UnitElectionId,
  ZoneId,
} from '@huanjie/domain';
import { ValidationError } from './errors.js';

/**
 * Global ids travel as "Type:n" ("Region:12"). This is the API's one decoder: it checks the type
 * a field expects and the range of a database id, and brands the number with its entity.
 */
interface IdOfType {
  Region: RegionId;
  Zone: ZoneId;
  Campaign: CampaignId;
  RuleSet: RuleSetId;
  /** One unit election, named ElectionUnit by the election pages and UnitElection by stages. */
  ElectionUnit: UnitElectionId;
  UnitElection: UnitElectionId;
  StageRecord: StageRecordId;
  StagePhoto: StoredFileId;
  Candidate: CandidateId;
  Objection: ObjectionId;
  Publicity: PublicityId;
  Person: PersonId;
  Cadre: CadreId;
  GuidanceTeam: GuidanceTeamId;
  Inspection: InspectionId;
  CorrectionOrder: CorrectionOrderId;
  RecordComment: RecordCommentId;
  /** A user account as its manager sees it (accounts module). */
  Account: number;
  Case: CaseId;
  RiskPlan: RiskPlanId;
  RiskMeasure: RiskMeasureId;
  /** A village's 村民代表 and its 村民小组长 / 副组长 (representatives module). */
  VillageRepresentative: number;
  GroupLeader: number;
}

export type GlobalIdType = keyof IdOfType;

/** What the relay plugin's globalID arguments hold, or the id (GraphQL ID) as the client sent it. */
export type GlobalIdInput = { typename: string; id: string | number } | string | number;

const GLOBAL_ID = /^([A-Za-z]+):(\d{1,10})$/;
const MAX_ID = 2_147_483_647;

/** Splits "Type:n" (the relay plugin's decodeGlobalID); null when it is not of that shape. */
export function parseGlobalId(value: string): { typename: string; id: string } | null {
  const match = GLOBAL_ID.exec(value);
  return match?.[1] && match[2] ? { typename: match[1], id: match[2] } : null;
}

export function globalId(typename: string, id: number): string {
  return `${typename}:${String(id)}`;
}

/**
 * The id of a global id that must name `typename`. Anything else (another type, a malformed id, a
 * number out of range) is a ValidationError on `path`, the input field that carried it.
 */
export function idOf<T extends GlobalIdType>(
  value: GlobalIdInput,
  typename: T,
  path: string | string[],
): IdOfType[T] {
  const parsed = typeof value === 'object' ? value : parseGlobalId(String(value));
  const id = Number(parsed?.id);
  const fieldPath = typeof path === 'string' ? [path] : path;
  if (parsed?.typename !== typename || !Number.isSafeInteger(id) || id < 1 || id > MAX_ID) {
    throw new ValidationError(`${fieldPath.join('.')}的编号无效`, [
      { path: fieldPath, message: `应为${typename}的编号` },
    ]);
  }
  return id as IdOfType[T];
}

export function optionalIdOf<T extends GlobalIdType>(
  value: GlobalIdInput | null | undefined,
  typename: T,
  path: string | string[],
): IdOfType[T] | null {
  return value == null || value === '' ? null : idOf(value, typename, path);
}
