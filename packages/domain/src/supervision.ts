/**
 * The county supervisors' work (督导): inspections (督导检查) of the townships assigned to them,
 * with findings by category, and correction orders (整改通知) the township answers by a deadline;
 * and the county leaders' comments on a village's record, escalated to the township (督办).
 */

/**
 * What an inspection finds, by the categories the published summaries name (research notes C.4 /
 * C4, the risk and issue taxonomies): procedure, the voter list, notices, canvassing and bribery,
 * clan or religious interference, village finances and the audit, order on the day, the staff's
 * conduct and capacity, and anything else.
 */
export const FINDING_CATEGORIES = [
  'procedure',
  'voter_registration',
  'notices',
  'canvassing',
  'interference',
  'finance',
  'order',
  'staff',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_CATEGORY_LABEL: Record<FindingCategory, string> = {
  procedure: '程序不规范',
  voter_registration: '选民登记',
  notices: '公告公示',
  canvassing: '拉票贿选',
  interference: '宗族宗教干预',
  finance: '财务与审计',
  order: '选举秩序',
  staff: '工作力量与作风',
  other: '其他',
};

/** A correction order's standing, computed from its dates and answer, never stored. */
export type CorrectionStatus = 'open' | 'overdue' | 'answered';

export const CORRECTION_STATUS_LABEL: Record<CorrectionStatus, string> = {
  open: '待整改',
  overdue: '已逾期',
  answered: '已回复',
};

/** Answered when the township answered; overdue once its deadline (a day) has passed unanswered. */
export function correctionStatus(
  order: { deadline: string; answeredOn: string | null },
  today: string,
): CorrectionStatus {
  if (order.answeredOn !== null) return 'answered';
  return today > order.deadline ? 'overdue' : 'open';
}

/** What a leader's comment is about: a stage of a village's election, or (no stage) its result. */
export type CommentSubject = 'stage_record' | 'election_result';

export const COMMENT_SUBJECT_LABEL: Record<CommentSubject, string> = {
  stage_record: '阶段填报',
  election_result: '选举结果',
};

export function commentSubject(stageCode: string | null): CommentSubject {
  return stageCode === null ? 'election_result' : 'stage_record';
}
