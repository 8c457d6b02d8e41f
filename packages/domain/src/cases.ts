import { addDays } from './dates.js';
import type { Rules } from './rules.js';

/**
 * Complaints and reports (信访 / 举报) during the campaign, as cases (PRODUCT.md §8): received by
 * any level, handed to a handling group (交办), accepted (受理), investigated, and closed with an
 * outcome and a reply to the reporter (办结答复).
 */
export const CASE_CHANNELS = [
  'letter',
  'visit',
  'phone',
  'online',
  'referred',
  'guidance',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_CHANNEL_LABEL: Record<CaseChannel, string> = {
  letter: '来信',
  visit: '来访',
  phone: '电话',
  online: '网络',
  referred: '上级转办',
  guidance: '指导组发现',
};

export const CASE_CATEGORIES = [
  'bribery',
  'canvassing',
  'clan_religion',
  'procedure',
  'registration',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CATEGORY_LABEL: Record<CaseCategory, string> = {
  bribery: '贿选',
  canvassing: '拉票',
  clan_religion: '宗族/宗教干预',
  procedure: '程序违规',
  registration: '选民登记争议',
  other: '其他',
};

/** The grading the seed towns use for their risk registers (一般 / 较重 / 严重). */
export const CASE_SEVERITIES = ['general', 'serious', 'grave'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];
export const CASE_SEVERITY_LABEL: Record<CaseSeverity, string> = {
  general: '一般',
  serious: '较重',
  grave: '严重',
};

export const CASE_STATUSES = [
  'received',
  'assigned',
  'acknowledged',
  'investigating',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  received: '已登记',
  assigned: '已交办',
  acknowledged: '已受理',
  investigating: '调查中',
  closed: '已办结',
};

export const CASE_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABEL: Record<CaseOutcome, string> = {
  upheld: '属实',
  partly_upheld: '部分属实',
  not_upheld: '不属实',
};

export const CASE_MEASURES = [
  'disqualify_candidate',
  're_election',
  'discipline',
  'correction',
  'education',
  'police',
] as const;
export type CaseMeasure = (typeof CASE_MEASURES)[number];
export const CASE_MEASURE_LABEL: Record<CaseMeasure, string> = {
  disqualify_candidate: '取消候选人资格',
  re_election: '重新选举',
  discipline: '党纪政务处分',
  correction: '责令纠正',
  education: '批评教育',
  police: '移送公安机关',
};

/**
 * Who handles a case: a guidance team (指导组) or a county supervision team (督导组), the township's
 * election office (乡镇选举办) or the county's (县换届办).
 */
export const CASE_HANDLER_KINDS = ['team', 'township_office', 'county_office'] as const;
export type CaseHandlerKind = (typeof CASE_HANDLER_KINDS)[number];
export const CASE_HANDLER_KIND_LABEL: Record<CaseHandlerKind, string> = {
  team: '指导组/督导组',
  township_office: '乡镇选举办',
  county_office: '县换届办',
};

/** What is shown instead of a reporter's name, phone and ID to those who may not see them. */
export const ANONYMOUS = '匿名';

export type CaseEvent =
  { type: 'assign' } | { type: 'acknowledge' } | { type: 'investigate' } | { type: 'close' };

export type CaseTransition = { ok: true; status: CaseStatus } | { ok: false; reason: string };

const refuse = (reason: string): CaseTransition => ({ ok: false, reason });

/**
 * The life of a case: registered → handed to a group (may be handed again until accepted) →
 * accepted → investigated (each action recorded; more may follow) → closed with an outcome. A
 * closed case takes no further step.
 */
export function caseTransition(status: CaseStatus, event: CaseEvent): CaseTransition {
  if (status === 'closed') return refuse('案件已办结，不能再变更');
  switch (event.type) {
    case 'assign':
      return status === 'received' || status === 'assigned'
        ? { ok: true, status: 'assigned' }
        : refuse('案件已受理，不能再改派办理单位');
    case 'acknowledge':
      if (status === 'received') return refuse('案件尚未交办，请先指定办理单位');
      return status === 'assigned' ? { ok: true, status: 'acknowledged' } : refuse('案件已受理');
    case 'investigate':
      return status === 'acknowledged' || status === 'investigating'
        ? { ok: true, status: 'investigating' }
        : refuse('案件受理后才能登记调查处理情况');
    case 'close':
      return status === 'investigating'
        ? { ok: true, status: 'closed' }
        : refuse('案件须先登记调查处理情况才能办结');
  }
}

export interface CaseDeadlines {
  /** 受理告知: the day by which the handling group must accept the case. */
  acceptBy: string;
  /** 办结答复: the day by which the reporter must have an answer. */
  answerBy: string;
  acceptCitation: string;
  answerCitation: string;
}

/**
 * Acceptance counts from the day the case was received, the answer from the day it was accepted
 * (信访工作条例); before acceptance the answer is due counting from the last day it may be
 * accepted, so a late acceptance never shortens the handling group's time.
 */
export function caseDeadlines(
  receivedOn: string,
  acknowledgedOn: string | null,
  rules: Rules,
): CaseDeadlines {
  const acceptBy = addDays(receivedOn, rules.days('cases.accept_days'));
  return {
    acceptBy,
    answerBy: addDays(acknowledgedOn ?? acceptBy, rules.days('cases.answer_days')),
    acceptCitation: rules.citation('cases.accept_days'),
    answerCitation: rules.citation('cases.answer_days'),
  };
}

export type CaseLateness = 'on_time' | 'accept_overdue' | 'answer_overdue';
export const CASE_LATENESS_LABEL: Record<CaseLateness, string> = {
  on_time: '未逾期',
  accept_overdue: '逾期未受理',
  answer_overdue: '逾期未办结',
};

/** A case is overdue the day after a deadline it has not met; a closed case never is. */
export function caseLateness(
  c: { status: CaseStatus; acknowledgedOn: string | null },
  deadlines: Pick<CaseDeadlines, 'acceptBy' | 'answerBy'>,
  today: string,
): CaseLateness {
  if (c.status === 'closed') return 'on_time';
  if (c.acknowledgedOn === null && today > deadlines.acceptBy) return 'accept_overdue';
  if (today > deadlines.answerBy) return 'answer_overdue';
  return 'on_time';
}

/** An upheld (or partly upheld) 贿选 case about a candidate is a finding on that candidate's election. */
export function isBriberyFinding(c: {
  category: CaseCategory;
  status: CaseStatus;
  outcome: CaseOutcome | null;
}): boolean {
  return (
    c.category === 'bribery' &&
    c.status === 'closed' &&
    (c.outcome === 'upheld' || c.outcome === 'partly_upheld')
  );
}
