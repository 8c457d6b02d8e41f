import type { StageDefinition } from './stages.js';
import type { StageStatus } from './stage-workflow.js';

/**
 * Where a stage's fact is held when another record already holds it: the candidates nominated
 * (提名 / 两推), their 资格联审 answers, the 公示 of the candidates, the formal list's posting,
 * the formal candidates themselves (乡镇党委审批), and the election result (the meeting held, its
 * report to the township and the township's approval). Such a stage takes its status from that
 * record, so that nothing is typed twice and the overview moves with the records.
 */
export const STAGE_FACTS = [
  'nominations',
  'vetting',
  'publicity',
  'formal_list',
  'formal_candidates',
  'result',
] as const;
export type StageFact = (typeof STAGE_FACTS)[number];

/** The facts one unit election's records hold. */
export interface UnitFacts {
  /** The unit's election result status, null while there is none. */
  resultStatus: 'draft' | 'submitted' | 'returned' | 'approved' | null;
  /** The facts (other than the result) that are on record: candidates nominated, 公示 posted… */
  present: readonly StageFact[];
}

export const NO_FACTS: UnitFacts = { resultStatus: null, present: [] };

/** The statuses from least to furthest along, to take the further of a stage record and the facts. */
export const STATUS_PROGRESS: readonly StageStatus[] = [
  'not_started',
  'draft',
  'returned',
  'submitted',
  'approved',
];
const rank = (status: StageStatus) => STATUS_PROGRESS.indexOf(status);

/** What the facts alone say of a stage; null when they say nothing. */
export function statusFromFacts(
  stage: Pick<StageDefinition, 'fact'>,
  facts: UnitFacts,
): StageStatus | null {
  if (stage.fact === null) return null;
  const result = facts.resultStatus;
  // a reported result stands for every stage before it that the candidates hold: they are fixed
  // with it, and the township's review of the result reviews them (approved result = approved)
  if (result === 'submitted' || result === 'approved') return result;
  if (stage.fact === 'result') return result;
  return facts.present.includes(stage.fact) ? 'draft' : null;
}

/**
 * A stage's status: its own record's, or what the records holding its fact say, whichever is
 * further along. An approved result thus shows its election meeting and report approved although
 * no stage record was typed for them.
 */
export function stageStatus(
  stage: Pick<StageDefinition, 'fact'>,
  recordStatus: StageStatus,
  facts: UnitFacts,
): StageStatus {
  const derived = statusFromFacts(stage, facts);
  if (derived === null) return recordStatus;
  return rank(derived) > rank(recordStatus) ? derived : recordStatus;
}
