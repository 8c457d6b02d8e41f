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
export const CASE_CHANNEL_LABEL: Record<CaseChannel, { zh: string; en: string }> = {
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  phone: { zh: '电话', en: 'Phone' },
  online: { zh: '网络', en: 'Online' },
  referred: { zh: '上级转办', en: 'Referred from above' },
  guidance: { zh: '指导组发现', en: 'Found by a guidance team' },
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
export const CASE_CATEGORY_LABEL: Record<CaseCategory, { zh: string; en: string }> = {
  bribery: { zh: '贿选', en: 'Vote buying' },
  canvassing: { zh: '拉票', en: 'Canvassing' },
  clan_religion: { zh: '宗族/宗教干预', en: 'Clan or religious interference' },
  procedure: { zh: '程序违规', en: 'Procedural breach' },
  registration: { zh: '选民登记争议', en: 'Voter registration dispute' },
  other: { zh: '其他', en: 'Other' },
};

/** The grading the seed towns use for their risk registers (一般 / 较重 / 严重). */
export const CASE_SEVERITIES = ['general', 'serious', 'grave'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];
export const CASE_SEVERITY_LABEL: Record<CaseSeverity, { zh: string; en: string }> = {
  general: { zh: '一般', en: 'Minor' },
  serious: { zh: '较重', en: 'Serious' },
  grave: { zh: '严重', en: 'Grave' },
};

export const CASE_STATUSES = [
  'received',
  'assigned',
  'acknowledged',
  'investigating',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABEL: Record<CaseStatus, { zh: string; en: string }> = {
  received: { zh: '已登记', en: 'Received' },
  assigned: { zh: '已交办', en: 'Assigned' },
  acknowledged: { zh: '已受理', en: 'Accepted' },
  investigating: { zh: '调查中', en: 'Investigating' },
  closed: { zh: '已办结', en: 'Closed' },
};

export const CASE_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABEL: Record<CaseOutcome, { zh: string; en: string }> = {
  upheld: { zh: '属实', en: 'Upheld' },
  partly_upheld: { zh: '部分属实', en: 'Partly upheld' },
  not_upheld: { zh: '不属实', en: 'Not upheld' },
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
export const CASE_MEASURE_LABEL: Record<CaseMeasure, { zh: string; en: string }> = {
  disqualify_candidate: { zh: '取消候选人资格', en: 'Candidacy revoked' },
  re_election: { zh: '重新选举', en: 'Election rerun' },
  discipline: { zh: '党纪政务处分', en: 'Party or administrative discipline' },
  correction: { zh: '责令纠正', en: 'Ordered to correct' },
  education: { zh: '批评教育', en: 'Criticism and education' },
  police: { zh: '移送公安机关', en: 'Referred to the police' },
};

/**
 * Who handles a case: a guidance team (指导组) or a county supervision team (督导组), the township's
 * election office (乡镇选举办) or the county's (县换届办).
 */
export const CASE_HANDLER_KINDS = ['team', 'township_office', 'county_office'] as const;
export type CaseHandlerKind = (typeof CASE_HANDLER_KINDS)[number];
export const CASE_HANDLER_KIND_LABEL: Record<CaseHandlerKind, { zh: string; en: string }> = {
  team: { zh: '指导组/督导组', en: 'Guidance or supervision team' },
  township_office: { zh: '乡镇选举办', en: 'Township election office' },
  county_office: { zh: '县换届办', en: 'County election office' },
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
export const CASE_LATENESS_LABEL: Record<CaseLateness, { zh: string; en: string }> = {
  on_time: { zh: '未逾期', en: 'On time' },
  accept_overdue: { zh: '逾期未受理', en: 'Not accepted in time' },
  answer_overdue: { zh: '逾期未办结', en: 'Not closed in time' },
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
