import type { Finding } from '../findings.js';
import { finding } from '../findings.js';
import { severityOf } from '../rule-severity.js';
import type { ElectedTrack, PersonGender, PoliticalStatus, Post } from './posts.js';
import { POST_LABEL, postsOf } from './posts.js';
import { daysBetween, isIsoDate } from '../dates.js';
import { TEXT_LIMITS, candidateBirthProblem, hasRefusedChars } from '../input-policy.js';
import type { ElectionRules } from './rule-values.js';
import { formatFraction, minExceeding, minReaching } from './rule-values.js';

export const ROUNDS = ['regular', 'runoff'] as const;
/** 正式选举 / 另行选举. */
export type Round = (typeof ROUNDS)[number];

export const ROUND_LABEL: Record<Round, string> = { regular: '正式选举', runoff: '另行选举' };

export const MEETING_COUNT_FIELDS = [
  'entitled',
  'inPerson',
  'proxy',
  'other',
  'ballotsIssued',
  'ballotsReturned',
  'ballotsValid',
  'ballotsInvalid',
] as const;
export type MeetingCountField = (typeof MEETING_COUNT_FIELDS)[number];

export const MEETING_COUNT_LABEL: Record<MeetingCountField, string> = {
  entitled: '应到人数(登记选民/应到会党员)',
  inPerson: '本人投票人数',
  proxy: '委托投票人数',
  other: '其他方式投票人数(流动票箱等)',
  ballotsIssued: '发出选票',
  ballotsReturned: '收回选票',
  ballotsValid: '有效票',
  ballotsInvalid: '无效票',
};

export type MeetingCounts = Record<MeetingCountField, number>;

export interface VoteInput {
  candidateId: number;
  /** 赞成票 (P) or votes received (V, C). */
  votesFor: number;
  /** 反对票, P only. */
  against?: number | null;
  /** 弃权票, P only. */
  abstain?: number | null;
}

/** 另选他人: a person voters wrote on the ballot instead of a formal candidate (V, C). */
export interface WriteInPerson {
  name: string;
  gender: PersonGender;
  birthDate?: string | null;
  /** Unknown on a ballot; a new person record takes 群众 when absent. */
  politicalStatus?: PoliticalStatus | null;
}

export interface WriteInVote extends WriteInPerson {
  post: Post;
  votesFor: number;
}

export interface MeetingInput extends MeetingCounts {
  round: Round;
  heldOn: string;
  votes: VoteInput[];
  /** Votes for persons written in (另选他人); villagers' and residents' committees only. */
  writeIns?: WriteInVote[];
}

/** Everything a village enters for one unit election: the meeting and any 另行选举 rounds. */
export interface ResultSheet {
  meetings: MeetingInput[];
}

export interface ElectionCandidate {
  id: number;
  name: string;
  post: Post;
  female: boolean;
  /** On the formal list (正式候选人). */
  formal: boolean;
}

export interface ResultContext {
  track: ElectedTrack;
  rules: ElectionRules;
  /** 职数: seats per post. */
  seats: Partial<Record<Post, number>>;
  candidates: readonly ElectionCandidate[];
  today: string;
  /** The day the formal candidate list was posted, when recorded. */
  formalListPostedOn?: string | null;
}

export interface RaceOutcome {
  post: Post;
  seats: number;
  /** The fewest votes that win in this round. */
  threshold: number;
  /** Candidates elected; a written-in winner is in ResultEvaluation.elected only. */
  elected: number[];
  vacancies: number;
}

export interface MeetingOutcome {
  round: Round;
  voted: number;
  quorumMet: boolean;
  races: RaceOutcome[];
}

export interface ElectedSeat {
  candidateId: number;
  post: Post;
  round: Round;
  meetingIndex: number;
  votes: number;
}

/** A seat won by a written-in person (另选他人). */
export interface ElectedWriteIn extends Omit<ElectedSeat, 'candidateId'> {
  writeIn: WriteInPerson;
}

export interface ResultEvaluation {
  findings: Finding[];
  meetings: MeetingOutcome[];
  /** Candidates elected. */
  elected: ElectedSeat[];
  /** Written-in persons elected (另选他人, V and C): they hold their seats like candidates. */
  electedWriteIns: ElectedWriteIn[];
  vacancies: Partial<Record<Post, number>>;
  /** Every seat filled in the first meeting: 一次选举成功. */
  oneTimeSuccess: boolean;
}

export const MAX_MEETINGS = 4;

const COUNT_CITATION = '选举计票规则：各项票数应当相互吻合';
const RUNOFF_CITATION: Record<ElectedTrack, string> = {
  P: '中国共产党基层组织选举工作条例：当选人数少于应选名额时，不足的名额另行选举',
  V: '村民委员会组织法 第十五条：当选人数不足应选名额时，不足的名额另行选举',
  C: '各省（自治区、直辖市）居民委员会选举办法：当选人数不足应选名额时，不足的名额另行选举',
};
const TIE_CITATION = '选举办法：得票相等不能确定当选人时，应当就票数相等的候选人另行选举';
const WRITE_IN_CITATION = '村民委员会组织法 第十五条：选民可以投赞成票，可以投反对票，可以另选他人';
const PARTY_WRITE_IN_CITATION =
  '中国共产党基层组织选举工作条例：选举人可以投赞成票或者不赞成票，也可以弃权；党内选举按正式候选人名单投票，不设另选他人';

/** One person standing in a race: a candidate or a written-in person (另选他人). */
interface Entry {
  key: string;
  name: string;
  candidateId: number | null;
  writeIn: WriteInPerson | null;
  votesFor: number;
}

const candidateKey = (id: number) => `c:${id}`;
/** A written-in person is the same across the meetings of one sheet by post, name and birth date. */
export function writeInKey(w: { post: Post; name: string; birthDate?: string | null }): string {
  return `w:${w.post}:${w.name.trim()}:${w.birthDate ?? ''}`;
}

export function votedOf(m: MeetingCounts): number {
  return m.inPerson + m.proxy + m.other;
}

function meetingName(i: number, m: { round: Round }): string {
  return i === 0 ? '选举大会' : `第${i}次${ROUND_LABEL[m.round]}`;
}

/**
 * Checks a result sheet against the law and the rule set and decides who is elected. Pure: the
 * server runs it before storing anything, the village app runs it as the clerk types.
 */
export function evaluateResult(sheet: ResultSheet, ctx: ResultContext): ResultEvaluation {
  const findings: Finding[] = [];
  const check = (rule: string, citation: string, message: string, path?: string[]) =>
    findings.push(finding(rule, citation, message, path));
  const { rules, track } = ctx;
  const runoffCitation = RUNOFF_CITATION[track];
  const byId = new Map(ctx.candidates.map((c) => [c.id, c]));
  const posts = postsOf(track).filter((p) => (ctx.seats[p] ?? 0) > 0);

  const firstDay = sheet.meetings[0]?.heldOn;
  findings.push(
    ...checkCandidateList({
      ...ctx,
      electionDay: firstDay && isIsoDate(firstDay) ? firstDay : null,
    }),
  );

  if (sheet.meetings.length === 0) {
    check('result.no_meeting', COUNT_CITATION, '尚未填写选举大会数据', ['meetings']);
  }
  if (sheet.meetings.length > MAX_MEETINGS) {
    check('result.too_many_rounds', runoffCitation, `最多填写${MAX_MEETINGS}次选举`, ['meetings']);
  }

  const vacancies = new Map<Post, number>(posts.map((p) => [p, ctx.seats[p] ?? 0]));
  const electedKeys = new Set<string>();
  const stood = new Map<string, number>(); // candidate or written-in person → best earlier votes
  const elected: ElectedSeat[] = [];
  const electedWriteIns: ElectedWriteIn[] = [];
  const outcomes: MeetingOutcome[] = [];

  sheet.meetings.slice(0, MAX_MEETINGS).forEach((m, i) => {
    const at = (...rest: string[]) => ['meetings', String(i), ...rest];
    const name = meetingName(i, m);
    const before = findings.length;
    const expectedRound: Round = i === 0 ? 'regular' : 'runoff';
    if (m.round !== expectedRound) {
      check(
        'runoff.order',
        runoffCitation,
        i === 0 ? '第一次选举应为正式选举' : '正式选举之后的各轮应为另行选举',
        at('round'),
      );
    }
    if (!isIsoDate(m.heldOn)) {
      check('meeting.date', COUNT_CITATION, `${name}：请填写选举日期`, at('heldOn'));
    } else {
      if (m.heldOn > ctx.today) {
        check(
          'meeting.date_future',
          COUNT_CITATION,
          `${name}：选举日期(${m.heldOn})晚于今天`,
          at('heldOn'),
        );
      }
      const first = sheet.meetings[0];
      if (i > 0 && first && isIsoDate(first.heldOn) && m.heldOn < first.heldOn) {
        check('runoff.date', runoffCitation, `${name}日期早于选举大会日期`, at('heldOn'));
      }
    }

    const countsOk = MEETING_COUNT_FIELDS.every((f) => Number.isSafeInteger(m[f]) && m[f] >= 0);
    for (const field of MEETING_COUNT_FIELDS) {
      const v = m[field];
      if (!Number.isSafeInteger(v) || v < 0) {
        check(
          'meeting.counts_integer',
          COUNT_CITATION,
          `${name}：${MEETING_COUNT_LABEL[field]}应为不小于0的整数`,
          at(field),
        );
      }
    }
    const voted = votedOf(m);
    if (countsOk) {
      if (m.entitled === 0) {
        check(
          'voters.entitled_positive',
          COUNT_CITATION,
          `${name}：应到人数不能为0`,
          at('entitled'),
        );
      }
      if (voted > m.entitled) {
        check(
          'voters.voted_le_registered',
          COUNT_CITATION,
          `${name}：投票人数(本人${m.inPerson}+委托${m.proxy}+其他${m.other}=${voted})超过应到人数(${m.entitled})`,
          at('inPerson'),
        );
      }
      if (m.ballotsReturned > m.ballotsIssued) {
        check(
          'ballots.returned_le_issued',
          COUNT_CITATION,
          `${name}：收回选票(${m.ballotsReturned})多于发出选票(${m.ballotsIssued})`,
          at('ballotsReturned'),
        );
      }
      if (m.ballotsValid + m.ballotsInvalid !== m.ballotsReturned) {
        check(
          'ballots.valid_plus_invalid',
          COUNT_CITATION,
          `${name}：有效票(${m.ballotsValid})+无效票(${m.ballotsInvalid})=${m.ballotsValid + m.ballotsInvalid}，不等于收回选票(${m.ballotsReturned})`,
          at('ballotsValid'),
        );
      }
      if (rules.returnedLeVoted.value && m.ballotsReturned > voted) {
        check(
          rules.returnedLeVoted.code,
          rules.returnedLeVoted.citation,
          `${name}：收回选票(${m.ballotsReturned})多于投票人数(${voted})，选举无效`,
          at('ballotsReturned'),
        );
      }
      if (track === 'P' && !rules.proxyAllowed.value && m.proxy > 0) {
        check(
          rules.proxyAllowed.code,
          rules.proxyAllowed.citation,
          `${name}：党内选举不得委托投票(委托${m.proxy}人)`,
          at('proxy'),
        );
      }
      if (i > 0 && sheet.meetings[0] && m.entitled !== sheet.meetings[0].entitled) {
        check(
          'runoff.entitled_changed',
          runoffCitation,
          `${name}：应到人数(${m.entitled})与选举大会(${sheet.meetings[0].entitled})不同，请核实`,
          at('entitled'),
        );
      }
    }

    const quorum = rules.quorum[track];
    const quorumMet =
      countsOk && m.entitled > 0 && voted * quorum.value.d > m.entitled * quorum.value.n;
    if (countsOk && m.entitled > 0 && !quorumMet) {
      check(
        quorum.code,
        quorum.citation,
        `${name}：投票人数${voted}未超过应到人数${m.entitled}的${formatFraction(quorum.value)}(至少需${minExceeding(m.entitled, quorum.value)}人)，选举无效`,
        at('inPerson'),
      );
    }

    // Which races this meeting holds, and who may stand in each.
    const racePosts = i === 0 ? posts : posts.filter((p) => (vacancies.get(p) ?? 0) > 0);
    if (i > 0 && racePosts.length === 0) {
      check(
        'runoff.not_needed',
        runoffCitation,
        `${name}：上一轮已选足全部名额，无需另行选举`,
        at('round'),
      );
    }
    const seen = new Set<number>();
    const votesByPost = new Map<Post, Entry[]>();
    const enter = (post: Post, e: Entry) =>
      votesByPost.set(post, [...(votesByPost.get(post) ?? []), e]);
    m.votes.forEach((vote, vi) => {
      const vp = (field: string) => at('votes', String(vi), field);
      const c = byId.get(vote.candidateId);
      if (!c) {
        check(
          'votes.unknown_candidate',
          COUNT_CITATION,
          `${name}：第${vi + 1}行的候选人不属于本次选举`,
          vp('candidateId'),
        );
        return;
      }
      if (seen.has(c.id)) {
        check(
          'votes.duplicate',
          COUNT_CITATION,
          `${name}：候选人${c.name}的得票填写了两次`,
          vp('candidateId'),
        );
        return;
      }
      seen.add(c.id);
      if (i === 0 && !c.formal) {
        check(
          'votes.not_formal',
          COUNT_CITATION,
          `${name}：${c.name}不是正式候选人`,
          vp('candidateId'),
        );
        return;
      }
      if (!racePosts.includes(c.post)) {
        check(
          i === 0 ? 'votes.post_without_seats' : 'runoff.candidate_not_eligible',
          i === 0 ? COUNT_CITATION : runoffCitation,
          i === 0
            ? `${name}：${POST_LABEL[c.post].zh}未设职数`
            : `${name}：${POST_LABEL[c.post].zh}已选足，${c.name}不应参加另行选举`,
          vp('candidateId'),
        );
        return;
      }
      if (i > 0 && (electedKeys.has(candidateKey(c.id)) || !stood.has(candidateKey(c.id)))) {
        check(
          'runoff.candidate_not_eligible',
          runoffCitation,
          electedKeys.has(candidateKey(c.id))
            ? `${name}：${c.name}已经当选，不能参加另行选举`
            : `${name}：${c.name}未参加上一轮选举，不能作为另行选举候选人`,
          vp('candidateId'),
        );
        return;
      }
      for (const [field, value] of [
        ['votesFor', vote.votesFor],
        ['against', vote.against ?? 0],
        ['abstain', vote.abstain ?? 0],
      ] as const) {
        if (!Number.isSafeInteger(value) || value < 0) {
          check(
            'votes.integer',
            COUNT_CITATION,
            `${name}：${c.name}的票数应为不小于0的整数`,
            vp(field),
          );
          return;
        }
      }
      if (countsOk && vote.votesFor > m.ballotsValid) {
        check(
          'votes.candidate_le_valid',
          COUNT_CITATION,
          `${name}：${c.name}得票${vote.votesFor}超过有效票${m.ballotsValid}`,
          vp('votesFor'),
        );
      }
      if (track === 'P') {
        const sum = vote.votesFor + (vote.against ?? 0) + (vote.abstain ?? 0);
        if (countsOk && sum > m.ballotsValid) {
          check(
            'votes.p_sum_le_valid',
            COUNT_CITATION,
            `${name}：${c.name}赞成${vote.votesFor}+反对${vote.against ?? 0}+弃权${vote.abstain ?? 0}=${sum}，超过有效票${m.ballotsValid}`,
            vp('votesFor'),
          );
        }
      }
      enter(c.post, {
        key: candidateKey(c.id),
        name: c.name,
        candidateId: c.id,
        writeIn: null,
        votesFor: vote.votesFor,
      });
    });

    const seenWriteIns = new Set<string>();
    (m.writeIns ?? []).forEach((w, wi) => {
      const wp = (field: string) => at('writeIns', String(wi), field);
      const typedName = w.name.trim();
      const nameRefused =
        typedName.length > TEXT_LIMITS.personName || hasRefusedChars(typedName, 'line');
      // a refused name is not repeated in messages: it may hold characters that reorder the line
      const label = (nameRefused ? '' : typedName) || `第${wi + 1}名另选他人`;
      if (track === 'P') {
        check(
          'p.write_in',
          PARTY_WRITE_IN_CITATION,
          `${name}：党组织委员会选举不设另选他人(${label})，只能对正式候选人投票`,
          wp('name'),
        );
        return;
      }
      if (typedName === '') {
        check('write_in.name', WRITE_IN_CITATION, `${name}：请填写另选他人的姓名`, wp('name'));
        return;
      }
      if (nameRefused) {
        check(
          'write_in.name',
          WRITE_IN_CITATION,
          `${name}：${label}的姓名应不超过${String(TEXT_LIMITS.personName)}个字，且不含不可见或控制字符`,
          wp('name'),
        );
        return;
      }
      if (w.birthDate && !isIsoDate(w.birthDate)) {
        check(
          'write_in.birth_date',
          WRITE_IN_CITATION,
          `${name}：${label}的出生日期格式不正确`,
          wp('birthDate'),
        );
        return;
      }
      const birthProblem = w.birthDate
        ? candidateBirthProblem({ date: w.birthDate, precision: 'day' }, ctx.today)
        : null;
      if (birthProblem !== null) {
        check(
          'write_in.birth_date',
          WRITE_IN_CITATION,
          `${name}：${label}的${birthProblem}`,
          wp('birthDate'),
        );
        return;
      }
      const key = writeInKey(w);
      if (seenWriteIns.has(key)) {
        check('votes.duplicate', COUNT_CITATION, `${name}：${label}的得票填写了两次`, wp('name'));
        return;
      }
      seenWriteIns.add(key);
      if (ctx.candidates.some((c) => c.post === w.post && c.name === w.name.trim())) {
        check(
          'write_in.is_candidate',
          WRITE_IN_CITATION,
          `${name}：${label}是${POST_LABEL[w.post].zh}候选人，其得票应填在候选人一行`,
          wp('name'),
        );
        return;
      }
      if (!racePosts.includes(w.post)) {
        check(
          i === 0 ? 'votes.post_without_seats' : 'runoff.candidate_not_eligible',
          i === 0 ? COUNT_CITATION : runoffCitation,
          i === 0
            ? `${name}：${POST_LABEL[w.post].zh}未设职数`
            : `${name}：${POST_LABEL[w.post].zh}已选足，不应再填另选他人${label}`,
          wp('post'),
        );
        return;
      }
      if (electedKeys.has(key)) {
        check(
          'runoff.candidate_not_eligible',
          runoffCitation,
          `${name}：${label}已经当选，不能参加另行选举`,
          wp('name'),
        );
        return;
      }
      if (!Number.isSafeInteger(w.votesFor) || w.votesFor < 0) {
        check(
          'votes.integer',
          COUNT_CITATION,
          `${name}：${label}的票数应为不小于0的整数`,
          wp('votesFor'),
        );
        return;
      }
      if (countsOk && w.votesFor > m.ballotsValid) {
        check(
          'votes.candidate_le_valid',
          COUNT_CITATION,
          `${name}：${label}得票${w.votesFor}超过有效票${m.ballotsValid}`,
          wp('votesFor'),
        );
      }
      const person: WriteInPerson = {
        name: w.name.trim(),
        gender: w.gender,
        birthDate: w.birthDate ?? null,
        politicalStatus: w.politicalStatus ?? null,
      };
      enter(w.post, {
        key,
        name: person.name,
        candidateId: null,
        writeIn: person,
        votesFor: w.votesFor,
      });
    });

    if (i === 0) {
      for (const c of ctx.candidates) {
        if (c.formal && racePosts.includes(c.post) && !seen.has(c.id)) {
          check(
            'votes.missing_candidate',
            COUNT_CITATION,
            `${name}：缺少正式候选人${c.name}(${POST_LABEL[c.post].zh})的得票`,
            at('votes'),
          );
        }
      }
    }

    const races: RaceOutcome[] = [];
    for (const post of racePosts) {
      const seats = i === 0 ? (ctx.seats[post] ?? 0) : (vacancies.get(post) ?? 0);
      const entries = votesByPost.get(post) ?? [];
      // written-in persons' votes are on the same ballots, so they count in the post's total
      const total = entries.reduce((s, e) => s + e.votesFor, 0);
      if (countsOk && total > seats * m.ballotsValid) {
        check(
          'votes.post_total_le_seats',
          COUNT_CITATION,
          `${name}：${POST_LABEL[post].zh}得票合计(含另选他人)${total}超过应选${seats}名×有效票${m.ballotsValid}=${seats * m.ballotsValid}`,
          at('votes'),
        );
      }
      if (i > 0) {
        const runoffCandidates = entries.filter((e) => e.candidateId !== null);
        if (runoffCandidates.length < seats) {
          check(
            'runoff.too_few_candidates',
            runoffCitation,
            `${name}：${POST_LABEL[post].zh}另行选举候选人(${runoffCandidates.length}名)少于空缺名额(${seats}名)`,
            at('votes'),
          );
        }
        if (track !== 'P') {
          const runoffRule = rules.committee[track].runoffMinShare;
          // 组织法 §15: the runoff candidates are those of the first vote with the most votes.
          const chosen = new Set(runoffCandidates.map((e) => e.candidateId));
          const lowestChosen = Math.min(...runoffCandidates.map((e) => stood.get(e.key) ?? 0));
          const skipped = ctx.candidates.filter(
            (c) =>
              c.post === post &&
              !electedKeys.has(candidateKey(c.id)) &&
              !chosen.has(c.id) &&
              (stood.get(candidateKey(c.id)) ?? -1) > lowestChosen,
          );
          if (runoffCandidates.length > 0 && skipped.length > 0) {
            check(
              'runoff.candidates_by_votes',
              runoffRule.citation,
              `${name}：${skipped.map((c) => c.name).join('、')}上一轮得票更多，却未列为另行选举候选人`,
              at('votes'),
            );
          }
        }
      }
      const threshold =
        i > 0 && track !== 'P'
          ? Math.max(1, minReaching(m.ballotsReturned, rules.committee[track].runoffMinShare.value))
          : minExceeding(voted, rules.majority[track].value);
      const race: RaceOutcome = { post, seats, threshold, elected: [], vacancies: seats };
      races.push(race);
      for (const e of entries) stood.set(e.key, Math.max(stood.get(e.key) ?? 0, e.votesFor));
      if (findings.slice(before).some((f) => f.severity === 'error') || !quorumMet) continue;

      const qualifiers = entries
        .filter((v) => v.votesFor >= threshold)
        .sort((a, b) => b.votesFor - a.votesFor);
      let winners = qualifiers.slice(0, seats);
      const boundary = qualifiers[seats];
      const last = winners[winners.length - 1];
      if (boundary && last && boundary.votesFor === last.votesFor) {
        const tied = qualifiers.filter((v) => v.votesFor === last.votesFor);
        winners = winners.filter((v) => v.votesFor > last.votesFor);
        check(
          'election.tie',
          TIE_CITATION,
          `${name}：${tied.map((v) => v.name).join('、')}得票相等(${last.votesFor}票)，${POST_LABEL[post].zh}剩余${seats - winners.length}个名额需就票数相等的候选人另行选举`,
          at('votes'),
        );
      }
      for (const w of winners) {
        electedKeys.add(w.key);
        const seat = { post, round: m.round, meetingIndex: i, votes: w.votesFor };
        if (w.candidateId !== null) elected.push({ candidateId: w.candidateId, ...seat });
        if (w.writeIn) electedWriteIns.push({ writeIn: w.writeIn, ...seat });
      }
      race.elected = winners.map((w) => w.candidateId).filter((id) => id !== null);
      race.vacancies = seats - winners.length;
      vacancies.set(post, race.vacancies);
    }
    outcomes.push({ round: m.round, voted, quorumMet, races });
  });

  const anyError = findings.some((f) => f.severity === 'error');
  const left = [...vacancies.entries()].filter(([, n]) => n > 0);
  if (!anyError && sheet.meetings.length > 0 && left.length > 0) {
    const multi = sheet.meetings.length > 1;
    check(
      'election.vacancy',
      rules.majority[track].citation,
      `${left.map(([p, n]) => `${POST_LABEL[p].zh}${n}名`).join('、')}未选出${multi ? '(另行选举后仍有空缺)' : '，需另行选举'}`,
      ['meetings'],
    );
  }
  if (!anyError && left.length === 0 && elected.length + electedWriteIns.length > 0) {
    const women =
      elected.some((e) => byId.get(e.candidateId)?.female) ||
      electedWriteIns.some((e) => e.writeIn.gender === 'female');
    const members = elected.length + electedWriteIns.length;
    const rule = track === 'P' ? rules.partyWomenCandidate : rules.committee[track].womenMember;
    if (rule.value && !women) {
      check(rule.code, rule.citation, `当选的${members}名成员中没有女性`, ['meetings']);
    }
  }
  const first = outcomes[0];
  return {
    findings,
    meetings: outcomes,
    elected,
    electedWriteIns,
    vacancies: Object.fromEntries(vacancies),
    oneTimeSuccess:
      !anyError &&
      first !== undefined &&
      first.races.every((r) => r.vacancies === 0) &&
      sheet.meetings.length === 1,
  };
}

export interface CandidateListContext {
  track: ElectedTrack;
  rules: ElectionRules;
  seats: Partial<Record<Post, number>>;
  candidates: readonly ElectionCandidate[];
  /** The planned (or actual) election day, when known. */
  electionDay?: string | null;
  formalListPostedOn?: string | null;
}

/** Seats per post: committee size (V: 3–7, C: 5–9, from the rule set), one secretary / chair. */
export function checkSeats(
  track: ElectedTrack,
  seats: Partial<Record<Post, number>>,
  rules: ElectionRules,
): Finding[] {
  const findings: Finding[] = [];
  const posts = postsOf(track);
  for (const [post, n] of Object.entries(seats) as [Post, number][]) {
    if (!posts.includes(post)) {
      findings.push({
        severity: severityOf('seats.post'),
        rule: 'seats.post',
        citation: COUNT_CITATION,
        message: `${POST_LABEL[post].zh}不是该组织的职务`,
        path: ['seats', post],
      });
    } else if (!Number.isSafeInteger(n) || n < 0 || n > 15) {
      findings.push({
        severity: severityOf('seats.integer'),
        rule: 'seats.integer',
        citation: COUNT_CITATION,
        message: `${POST_LABEL[post].zh}职数应为0—15的整数`,
        path: ['seats', post],
      });
    }
  }
  const head: Post = track === 'P' ? 'secretary' : 'chair';
  if ((seats[head] ?? 0) !== 1) {
    findings.push({
      severity: severityOf('seats.head'),
      rule: 'seats.head',
      citation:
        track === 'P' ? rules.majority.P.citation : rules.committee[track].committeeMin.citation,
      message: `${POST_LABEL[head].zh}职数应为1名`,
      path: ['seats', head],
    });
  }
  const total = posts.reduce((s, p) => s + (seats[p] ?? 0), 0);
  if (track !== 'P') {
    const { committeeMin: min, committeeMax: max } = rules.committee[track];
    if (total < min.value || total > max.value) {
      const rule = track === 'V' ? 'v.committee_size' : 'c.committee_size';
      findings.push({
        severity: severityOf(rule),
        rule,
        citation: min.citation,
        message: `委员会职数合计${total}名，应为${min.value}—${max.value}名`,
        path: ['seats'],
      });
    }
  }
  if (track === 'P' && total < 3) {
    findings.push({
      severity: severityOf('p.committee_size'),
      rule: 'p.committee_size',
      citation: rules.majority.P.citation,
      message: `支部委员会职数合计${total}名，设委员会的不少于3名`,
      path: ['seats'],
    });
  }
  return findings;
}

/**
 * 党组织委员会 差额: the committee's formal candidates (书记, 副书记 and 委员 together) exceed the
 * committee's seats by at least the rule's fraction (20 %): 5 seats need 6 candidates, 7 seats need 9.
 * The margin may come from the 委员 alone, as 书记 and 副书记 may stand uncontested.
 */
function checkCommitteeMargin(
  rules: ElectionRules,
  seatsByPost: Partial<Record<Post, number>>,
  formal: readonly ElectionCandidate[],
): Finding[] {
  const posts = postsOf('P');
  const seats = posts.reduce((s, p) => s + (seatsByPost[p] ?? 0), 0);
  const n = formal.filter((c) => posts.includes(c.post)).length;
  const rule = rules.committeeMargin;
  const need = seats + minReaching(seats, rule.value);
  if (seats === 0 || n >= need) return [];
  return [
    {
      severity: severityOf(rule.code),
      rule: rule.code,
      citation: rule.citation,
      message: `委员会正式候选人${n}名(书记、副书记、委员合计)，应选${seats}名，差额不足${formatFraction(rule.value)}(至少需${need}名)`,
      path: ['candidates'],
    },
  ];
}

/** The formal list against the seats: 差额, women among candidates, publication deadline. */
export function checkCandidateList(ctx: CandidateListContext): Finding[] {
  const { rules, track } = ctx;
  const findings: Finding[] = checkSeats(track, ctx.seats, rules);
  const formal = ctx.candidates.filter((c) => c.formal);
  let short = false;
  for (const post of postsOf(track)) {
    const seats = ctx.seats[post] ?? 0;
    if (seats === 0) continue;
    const n = formal.filter((c) => c.post === post).length;
    const path = ['candidates', post];
    if (n < seats) {
      short = true;
      findings.push({
        severity: severityOf('candidates.too_few'),
        rule: 'candidates.too_few',
        citation:
          track === 'P'
            ? rules.committeeMargin.citation
            : rules.committee[track].competitive.citation,
        message: `${POST_LABEL[post].zh}正式候选人${n}名，少于应选${seats}名`,
        path,
      });
      continue;
    }
    if (track === 'P') {
      // 差额 is counted over the whole committee below; where the rule set allows an uncontested
      // 书记/副书记 (the usual case), an uncontested race for them has nothing to explain
      if (post !== 'member' && n === seats && !rules.secretaryUncontested.value) {
        findings.push({
          severity: severityOf(rules.secretaryUncontested.code),
          rule: rules.secretaryUncontested.code,
          citation: rules.secretaryUncontested.citation,
          message: `${POST_LABEL[post].zh}为等额选举(候选人${n}名，应选${seats}名)`,
          path,
        });
      }
    } else if (rules.committee[track].competitive.value && n <= seats) {
      const competitive = rules.committee[track].competitive;
      findings.push({
        severity: severityOf(competitive.code),
        rule: competitive.code,
        citation: competitive.citation,
        message: `${POST_LABEL[post].zh}正式候选人${n}名，应多于应选${seats}名(差额选举)`,
        path,
      });
    }
  }
  // a post short of candidates is reported above already
  if (track === 'P' && !short) findings.push(...checkCommitteeMargin(rules, ctx.seats, formal));
  const womenRule = track === 'P' ? rules.partyWomenCandidate : rules.committee[track].womenMember;
  if (womenRule.value && formal.length > 0 && !formal.some((c) => c.female)) {
    findings.push({
      severity: severityOf('candidates.women'),
      rule: 'candidates.women',
      citation: womenRule.citation,
      message: `${formal.length}名正式候选人中没有女性`,
      path: ['candidates'],
    });
  }
  if (track !== 'P' && ctx.electionDay) {
    const rule = rules.formalListDaysBefore;
    if (!ctx.formalListPostedOn) {
      if (formal.length > 0) {
        findings.push({
          severity: severityOf(rule.code),
          rule: rule.code,
          citation: rule.citation,
          message: `尚未登记正式候选人名单公布日期(应在选举日${ctx.electionDay}的${rule.value}日以前公布)`,
          path: ['publicity'],
        });
      }
    } else if (daysBetween(ctx.formalListPostedOn, ctx.electionDay) < rule.value) {
      findings.push({
        severity: severityOf(rule.code),
        rule: rule.code,
        citation: rule.citation,
        message: `正式候选人名单于${ctx.formalListPostedOn}公布，距选举日${ctx.electionDay}仅${daysBetween(ctx.formalListPostedOn, ctx.electionDay)}日，应不少于${rule.value}日`,
        path: ['publicity'],
      });
    }
  }
  return findings;
}
