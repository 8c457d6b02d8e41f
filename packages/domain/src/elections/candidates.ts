import type { Finding } from '../findings.js';
import { finding } from '../findings.js';
import { severityOf } from '../rule-severity.js';
import { daysBetween, isIsoDate } from '../dates.js';
import type { ElectedTrack } from './posts.js';
import type { ElectionRules } from './rule-values.js';

export const CANDIDATE_STAGES = ['initial', 'preliminary', 'formal', 'withdrawn'] as const;
/** 初步人选 → 预备(考察)人选 → 正式候选人; withdrawn: 退出/取消资格. */
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

export const CANDIDATE_STAGE_LABEL: Record<CandidateStage, string> = {
  initial: '初步人选',
  preliminary: '预备人选',
  formal: '正式候选人',
  withdrawn: '已退出',
};

export const NOMINATION_SOURCES = [
  'party_recommendation',
  'joint_nomination',
  'self_nomination',
  'organization',
] as const;
/** 两推(党员推荐+群众推荐) / 选民联名提名 / 自荐 / 组织推荐. */
export type NominationSource = (typeof NOMINATION_SOURCES)[number];

export const NOMINATION_SOURCE_LABEL: Record<NominationSource, string> = {
  party_recommendation: '“两推”推荐',
  joint_nomination: '选民联名提名',
  self_nomination: '自荐',
  organization: '组织推荐',
};

export function sourcesFor(track: ElectedTrack): readonly NominationSource[] {
  return track === 'P'
    ? ['party_recommendation', 'organization']
    : ['joint_nomination', 'self_nomination'];
}

export const VETTING_RESULTS = ['pass', 'fail'] as const;
export type VettingResult = (typeof VETTING_RESULTS)[number];

export interface VettingAnswer {
  department: string;
  result: VettingResult;
}

export type VettingStatus = 'passed' | 'failed' | 'pending';

export const VETTING_STATUS_LABEL: Record<VettingStatus, string> = {
  passed: '联审通过',
  failed: '联审未通过',
  pending: '联审未完成',
};

/** 资格联审: passed only when every configured department answered pass. */
export function vettingStatus(
  departments: readonly string[],
  answers: readonly VettingAnswer[],
): { status: VettingStatus; missing: string[]; failed: string[] } {
  const byDept = new Map(answers.map((a) => [a.department, a.result]));
  const failed = departments.filter((d) => byDept.get(d) === 'fail');
  const missing = departments.filter((d) => !byDept.has(d));
  return {
    status: failed.length > 0 ? 'failed' : missing.length > 0 ? 'pending' : 'passed',
    missing,
    failed,
  };
}

export const OBJECTION_DECISIONS = ['pending', 'upheld', 'rejected'] as const;
/** 待处理 / 成立 / 不成立. */
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

export const PUBLICITY_KINDS = ['candidates', 'formal_list'] as const;
/** 候选人(预备人选)公示 / 正式候选人名单公布. */
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];

export interface PublicityFacts {
  startsOn: string;
  endsOn: string;
}

export interface StageChangeFacts {
  name: string;
  from: CandidateStage;
  to: CandidateStage;
  vetting: ReturnType<typeof vettingStatus>;
  /** The 公示 of candidates, when posted. */
  publicity: PublicityFacts | null;
  objections: { pending: number; upheld: number };
  today: string;
}

const ALLOWED: Record<CandidateStage, readonly CandidateStage[]> = {
  initial: ['preliminary', 'withdrawn'],
  preliminary: ['formal', 'initial', 'withdrawn'],
  formal: ['preliminary', 'withdrawn'],
  withdrawn: ['initial'],
};

const STAGE_CITATION = '村(社区)“两委”换届选举工作规程：候选人产生程序';

/**
 * May a candidate move to a stage? A failed or unvetted candidate, or one under an open or upheld
 * objection, cannot become formal; one who failed 资格联审 cannot enter the 预选 either.
 */
export function checkStageChange(f: StageChangeFacts, rules: ElectionRules): Finding[] {
  const findings: Finding[] = [];
  const err = (rule: string, citation: string, message: string) =>
    findings.push(finding(rule, citation, message, ['stage']));
  if (f.from === f.to) return findings;
  if (!ALLOWED[f.from].includes(f.to)) {
    err(
      'candidates.stage_order',
      STAGE_CITATION,
      `${f.name}不能从${f.from === 'initial' ? '初步人选' : f.from === 'preliminary' ? '预备人选' : f.from === 'formal' ? '正式候选人' : '已退出'}直接变为${CANDIDATE_STAGE_LABEL[f.to]}`,
    );
    return findings;
  }
  const vet = rules.vettingDepartments;
  if (f.to === 'preliminary' && f.vetting.status === 'failed') {
    // a nominee who failed 资格联审 does not stand in the 预选 (an unfinished vetting may still pass)
    err(
      vet.code,
      vet.citation,
      `${f.name}资格联审未通过(${f.vetting.failed.join('、')})，不能列为预备人选参加预选`,
    );
  }
  if (f.to !== 'formal') return findings;
  if (f.vetting.status === 'failed') {
    err(
      vet.code,
      vet.citation,
      `${f.name}资格联审未通过(${f.vetting.failed.join('、')})，不能列为正式候选人`,
    );
  } else if (f.vetting.status === 'pending') {
    err(vet.code, vet.citation, `${f.name}尚有${f.vetting.missing.join('、')}未反馈联审意见`);
  }
  const pub = rules.publicityMinDays;
  // a 公示 not posted or not over yet: the candidate cannot be formal yet (a short one is a
  // warning of its own, publicity_min_days, on the list)
  if (!f.publicity) {
    err('candidates.publicity_pending', pub.citation, `${f.name}尚未经过候选人公示`);
  } else if (f.publicity.endsOn >= f.today) {
    err(
      'candidates.publicity_pending',
      pub.citation,
      `候选人公示至${f.publicity.endsOn}结束，公示期满后才能确定正式候选人`,
    );
  }
  if (f.objections.upheld > 0) {
    err(
      'candidates.objection_upheld',
      pub.citation,
      `${f.name}的公示异议经核查成立，不能列为正式候选人`,
    );
  } else if (f.objections.pending > 0) {
    err(
      'candidates.objection_pending',
      pub.citation,
      `${f.name}尚有${f.objections.pending}件公示异议未处理`,
    );
  }
  return findings;
}

/** A 公示 lasts at least the configured number of days, both ends included. */
export function checkPublicityPeriod(p: PublicityFacts, rules: ElectionRules): Finding[] {
  const rule = rules.publicityMinDays;
  if (!isIsoDate(p.startsOn) || !isIsoDate(p.endsOn)) {
    return [
      {
        severity: severityOf('publicity.dates'),
        rule: 'publicity.dates',
        citation: rule.citation,
        message: '请填写公示起止日期',
        path: ['startsOn'],
      },
    ];
  }
  if (p.endsOn < p.startsOn) {
    return [
      {
        severity: severityOf('publicity.dates'),
        rule: 'publicity.dates',
        citation: rule.citation,
        message: `公示结束日期(${p.endsOn})早于开始日期(${p.startsOn})`,
        path: ['endsOn'],
      },
    ];
  }
  const days = daysBetween(p.startsOn, p.endsOn) + 1;
  return days < rule.value
    ? [
        {
          severity: severityOf(rule.code),
          rule: rule.code,
          citation: rule.citation,
          message: `公示期${days}天，不少于${rule.value}天`,
          path: ['endsOn'],
        },
      ]
    : [];
}

export interface RecommendationTallies {
  partyVotes: number | null;
  massVotes: number | null;
}

export interface RecommendationRounds {
  partyParticipants: number | null;
  massParticipants: number | null;
}

/** 两推 tallies cannot exceed the participants of their round. */
export function checkRecommendationTallies(
  name: string,
  t: RecommendationTallies,
  r: RecommendationRounds,
): Finding[] {
  const findings: Finding[] = [];
  const citation = '“两推一选”办法：推荐票数不超过参加推荐人数';
  for (const [field, votes, participants, label] of [
    ['partyVotes', t.partyVotes, r.partyParticipants, '党员推荐'],
    ['massVotes', t.massVotes, r.massParticipants, '群众推荐'],
  ] as const) {
    if (votes === null) continue;
    if (!Number.isSafeInteger(votes) || votes < 0) {
      findings.push({
        severity: severityOf('recommendation.integer'),
        rule: 'recommendation.integer',
        citation,
        message: `${name}的${label}票数应为不小于0的整数`,
        path: [field],
      });
    } else if (participants === null) {
      findings.push({
        severity: severityOf('recommendation.round_missing'),
        rule: 'recommendation.round_missing',
        citation,
        message: `请先填写${label}参加人数`,
        path: [field],
      });
    } else if (votes > participants) {
      findings.push({
        severity: severityOf('recommendation.le_participants'),
        rule: 'recommendation.le_participants',
        citation,
        message: `${name}的${label}得票${votes}超过参加推荐人数${participants}`,
        path: [field],
      });
    }
  }
  return findings;
}
