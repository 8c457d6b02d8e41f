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

/** A stage as far as its fact goes (StageDefinition in stages.ts). */
interface FactHolder {
  fact: StageFact | null;
}

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
export function statusFromFacts(stage: FactHolder, facts: UnitFacts): StageStatus | null {
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
  stage: FactHolder,
  recordStatus: StageStatus,
  facts: UnitFacts,
): StageStatus {
  const derived = statusFromFacts(stage, facts);
  if (derived === null) return recordStatus;
  return rank(derived) > rank(recordStatus) ? derived : recordStatus;
}

/** The figures one unit election's candidates, 公示 and result hold (what the stage form shows). */
export interface UnitFigures {
  /** Nominees not withdrawn. */
  nominees: number;
  /** Seats of all posts (职数). */
  seats: number;
  /** Formal candidates. */
  formal: number;
  /** Candidates with at least one 资格联审 answer, and those with a failing one. */
  vetted: number;
  vettingFailed: number;
  /** 两推 participants (P). */
  partyRound: number | null;
  massRound: number | null;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  formalListOn: string | null;
  /** The day of the first election meeting on record. */
  meetingOn: string | null;
}

export interface HeldFigure {
  key: keyof UnitFigures;
  value: number | string;
}

const FIGURES_OF: Record<StageFact, readonly (keyof UnitFigures)[]> = {
  nominations: ['nominees', 'partyRound', 'massRound'],
  vetting: ['vetted', 'vettingFailed'],
  publicity: ['publicityStartsOn', 'publicityEndsOn'],
  formal_list: ['seats', 'formal', 'formalListOn'],
  formal_candidates: ['seats', 'formal'],
  result: ['meetingOn'],
};

/** The figures of a stage's fact as its records hold them (those not on record are left out). */
export function heldFigures(stage: FactHolder, figures: UnitFigures): HeldFigure[] {
  if (stage.fact === null) return [];
  return FIGURES_OF[stage.fact].flatMap((key) => {
    const value = figures[key];
    return value === null ? [] : [{ key, value }];
  });
}

/**
 * The date a stage's fact fixes, when its records hold one: the formal list's posting (one
 * posting date), the 公示's end, the election meeting. The stage's done date is that date.
 */
export function factDate(
  stage: FactHolder & { code: string },
  figures: UnitFigures,
): string | null {
  switch (stage.fact) {
    case 'formal_list':
      return figures.formalListOn;
    case 'publicity':
      return figures.publicityEndsOn;
    case 'result':
      // the meeting's day is the election stage's; its report is dated when it was sent
      return stage.code === 'election' ? figures.meetingOn : null;
    case 'nominations':
    case 'vetting':
    case 'formal_candidates':
    case null:
      return null;
  }
}

/** The stages whose date only the candidates page records (one posting date, one 公示 period). */
const DATE_ONLY_FROM_FACT: readonly StageFact[] = ['formal_list', 'publicity'];

/**
 * The done date a stage record stores: `fixed`, the date its fact fixes (factDate), when there is
 * one (a typed date must agree with it), else the typed date — except where only the candidates
 * page may record the date. `problem` says, in Chinese, why a typed date is refused.
 */
export function stageDoneDate(
  stage: FactHolder,
  fixed: string | null,
  typed: string | null,
): { date: string | null; problem: string | null } {
  if (fixed !== null) {
    return typed === null || typed === fixed
      ? { date: fixed, problem: null }
      : { date: fixed, problem: `日期以已登记的${fixed}为准，不能另填${typed}` };
  }
  if (stage.fact !== null && DATE_ONLY_FROM_FACT.includes(stage.fact) && typed !== null) {
    return {
      date: null,
      problem:
        stage.fact === 'formal_list'
          ? '正式候选人名单公布日期请在“候选人”页登记，此处不另填'
          : '公示起止日期请在“候选人”页登记，此处不另填',
    };
  }
  return { date: typed, problem: null };
}
