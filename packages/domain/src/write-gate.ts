import type { ResolvedGate, StageDefinition } from './stages.js';

/**
 * What a writer is about to change in a unit election. Each belongs to one stage of the track,
 * whose gates (the audit approved first; the campaign's ordering, 先支后村 / 先村后支) decide
 * whether it may be written now.
 */
export type WriteStep = 'stage' | 'candidates' | 'result' | 'amend';

/** The stage a write other than a stage record belongs to. */
export const STAGE_OF_STEP: Record<Exclude<WriteStep, 'stage'>, string> = {
  // nominations, vetting, 公示, 预选 and the formal list all belong to the nomination stage
  candidates: 'nomination',
  result: 'election',
  amend: 'election',
};

export interface WriteGateInput {
  step: WriteStep;
  stage: Pick<StageDefinition, 'name'>;
  gates: readonly (ResolvedGate & { approved: boolean })[];
  /** The unit's result status, when it has one. */
  resultStatus?: string | null;
}

export interface WriteRefusal {
  /** 'gate' while a gate stage is not approved; 'locked' once the result is approved. */
  kind: 'gate' | 'locked';
  message: string;
  citation: string;
}

/**
 * May this step of this unit be written now? null when it may; otherwise why not, in Chinese.
 * The one gate every writer calls: stage records, candidates (nomination, vetting, 公示, the
 * formal list), results and their amendments.
 */
export function writeRefusal(input: WriteGateInput): WriteRefusal | null {
  const closed = input.gates.find((g) => !g.approved);
  if (closed) {
    return {
      kind: 'gate',
      citation: closed.citation,
      message: `「${input.stage.name}」须在「${closed.name}」经乡镇审核通过后才能填报`,
    };
  }
  const status = input.resultStatus ?? null;
  // the candidates are what the result was counted on: fixed once it is reported
  if (input.step === 'candidates' && status !== null && status !== 'draft') {
    return {
      kind: 'locked',
      citation: '换届选举数据填报规范：结果上报后候选人信息锁定',
      message: '选举结果已上报，候选人信息已锁定；如需更正请联系乡镇选举办',
    };
  }
  if (input.step === 'result' && status === 'approved') {
    return {
      kind: 'locked',
      citation: '换届选举数据填报规范：审核通过的结果已锁定',
      message: '结果已经乡镇审核锁定，更正须由乡镇选举办以“更正”方式提交',
    };
  }
  return null;
}
