import type { PercentPolicy, RiskLevel } from '@huanjie/domain';
import {
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  RISK_LABEL,
  STAGE_TEMPLATE,
  ageBandLabels,
  pointChange,
  ratio,
} from '@huanjie/domain';
import type { ProgressCounts } from '../monitoring/monitoring.service.js';
import type { BodyCounts, StatsView, TrackCounts } from '../statistics/statistics.service.js';
import type { ProfileCounts, WorkCounts } from './summary.repo.js';

/**
 * The figure paragraphs of a 工作总结, written from counts only: every percentage with its count and
 * denominator ("女性成员 123 名，占 30.1%（123/409）"), none where the denominator is 0 (the text
 * says what is missing instead of printing 0 %).
 */

/** "30.1%（123/409）", or null without a denominator. */
export function share(count: number, denominator: number, policy: PercentPolicy): string | null {
  const r = ratio(count, denominator, policy);
  return r.percent === null ? null : `${r.text}（${String(count)}/${String(denominator)}）`;
}

function sentence(parts: (string | null | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('，') + '。';
}

/** "占30.1%（123/409）", or nothing when the count or the denominator is 0 (the count says it). */
function of(count: number, denominator: number, policy: PercentPolicy): string | null {
  const s = count === 0 ? null : share(count, denominator, policy);
  return s === null ? null : `占${s}`;
}

/** "，占30.1%（123/409）" to follow a count, or nothing. */
function also(count: number, denominator: number, policy: PercentPolicy): string {
  const s = of(count, denominator, policy);
  return s === null ? '' : `，${s}`;
}

/** The change against the previous term, "比上届（28.0%（98/350））提高 2.1 个百分点", where both terms have a denominator. */
function change(
  now: [number, number],
  before: [number, number],
  policy: PercentPolicy,
): string | null {
  const previous = share(before[0], before[1], policy);
  if (previous === null || now[1] <= 0) return null;
  const c = pointChange(ratio(now[0], now[1], policy), ratio(before[0], before[1], policy), policy);
  if (c.points === null) return null;
  if (c.points === 0) return `与上届（${previous}）持平`;
  const points = c.text.replace(/^[+-]/, '').replace('个百分点', '');
  return `比上届（${previous}）${c.points > 0 ? '提高' : '下降'} ${points} 个百分点`;
}

export interface ProfileInput {
  level: string;
  name: string;
  profile: ProfileCounts;
  stats: StatsView;
  campaignName: string;
  electionDay: string;
}

export function profileParagraphs(p: ProfileInput): string[] {
  const { profile, stats } = p;
  const units = profile.villages + profile.communities;
  const out: string[] = [];
  out.push(
    sentence([
      `${p.name}${p.level === 'county' ? `辖 ${String(profile.townships)} 个乡镇（街道）、` : '辖 '}${String(profile.villages)} 个行政村、${String(profile.communities)} 个社区`,
      profile.householdsKnown > 0
        ? `${profile.householdsKnown === units ? '' : `已登记户数的 ${String(profile.householdsKnown)} 个村（社区）`}共 ${String(profile.households)} 户`
        : '各村（社区）户数尚未登记',
      profile.populationKnown > 0
        ? `${profile.populationKnown === units ? '' : `已登记人口的 ${String(profile.populationKnown)} 个村（社区）`}户籍人口 ${String(profile.population)} 人`
        : '人口尚未登记',
    ]),
  );
  const excluded = stats.counts.excluded.length;
  out.push(
    sentence([
      `${p.campaignName}（选举日 ${p.electionDay}）纳入换届的村（社区）${String(stats.counts.villages)} 个`,
      of(stats.counts.villages, stats.counts.villagesInRegion, stats.policy),
      excluded > 0 ? `暂缓换届 ${String(excluded)} 个` : null,
    ]),
  );
  const committee = committeeOf(stats);
  out.push(
    committee.reported > 0
      ? sentence([
          `已上报选举结果的 ${String(committee.reported)} 个村（居）民委员会登记选民 ${String(committee.entitled)} 人`,
          `参加投票 ${String(committee.voted)} 人`,
        ])
      : '各村（居）民委员会尚未上报选举结果，登记选民数待上报后统计。',
  );
  return out;
}

export interface PracticesInput {
  work: WorkCounts;
  villagesInCampaign: number;
  progress: ProgressCounts;
  policy: PercentPolicy;
}

export function practiceParagraphs({
  work,
  villagesInCampaign,
  progress,
  policy,
}: PracticesInput): string[] {
  return [
    sentence([
      work.guidanceTeams + work.supervisionTeams > 0
        ? `组建指导组 ${String(work.guidanceTeams)} 个${work.supervisionTeams > 0 ? `、督导组 ${String(work.supervisionTeams)} 个` : ''}，共有成员 ${String(work.teamMembers)} 名`
        : '尚未组建指导组、督导组',
      work.guidanceTeams > 0
        ? `指导组联系村（社区）${String(work.villagesCovered)} 个${also(work.villagesCovered, villagesInCampaign, policy)}`
        : null,
    ]),
    sentence([
      work.visits > 0
        ? `指导组成员走访谈话 ${String(work.visits)} 次（其中谈话 ${String(work.talks)} 次），走访村（社区）${String(work.visitedVillages)} 个`
        : '尚无走访谈话记录',
      work.dailyReports > 0
        ? `报送“一日一汇报” ${String(work.dailyReports)} 份`
        : '尚无“一日一汇报”记录',
    ]),
    sentence([
      work.stagesSubmitted > 0
        ? `各村（社区）提交环节填报 ${String(work.stagesSubmitted)} 项，乡镇审核通过 ${String(work.stagesApproved)} 项`
        : '各村（社区）尚未提交环节填报',
      work.stagesSubmitted > 0 ? of(work.stagesApproved, work.stagesSubmitted, policy) : null,
      work.stagesReturned > 0 ? `退回修改 ${String(work.stagesReturned)} 项` : null,
    ]),
    sentence([
      `纳入换届的 ${String(progress.villages)} 个村（社区）中，全部环节完成 ${String(progress.done)} 个`,
      of(progress.done, progress.villages, policy),
      `正在进行 ${String(progress.in_progress)} 个，有逾期环节 ${String(progress.overdue)} 个，受阻 ${String(progress.blocked)} 个，尚未开始 ${String(progress.not_started)} 个`,
    ]),
  ];
}

/** The 村（居）民委员会 form's figures: 村委会 and 居委会 added up, as the county's form adds them. */
function committeeOf(stats: StatsView): TrackCounts {
  const v = stats.counts.tracks.V;
  const c = stats.counts.tracks.C;
  const sumBody = (a: BodyCounts, b: BodyCounts): BodyCounts => ({
    ...a,
    members: a.members + b.members,
    women: a.women + b.women,
    partyMembers: a.partyMembers + b.partyMembers,
    minorities: a.minorities + b.minorities,
    reelected: a.reelected + b.reelected,
    ageKnown: a.ageKnown + b.ageKnown,
    ageBands: a.ageBands.map((n, i) => n + (b.ageBands[i] ?? 0)),
    education: Object.fromEntries(
      Object.entries(a.education).map(([k, n]) => [
        k,
        n + b.education[k as keyof typeof a.education],
      ]),
    ) as BodyCounts['education'],
    committees: a.committees + b.committees,
    withWoman: a.withWoman + b.withWoman,
  });
  return {
    ...v,
    units: v.units + c.units,
    reported: v.reported + c.reported,
    voted: v.voted + c.voted,
    entitled: v.entitled + c.entitled,
    oneTime: v.oneTime + c.oneTime,
    current: sumBody(v.current, c.current),
    previous: sumBody(v.previous, c.previous),
  };
}

const BODY_NAME: Record<'P' | 'VC', { body: string; unit: string; voters: string }> = {
  P: { body: '村（社区）党组织', unit: '个党组织', voters: '党员' },
  VC: { body: '村（居）民委员会', unit: '个村（居）委会', voters: '选民' },
};

function bodyParagraphs(
  kind: 'P' | 'VC',
  t: TrackCounts,
  stats: StatsView,
  policy: PercentPolicy,
): string[] {
  const name = BODY_NAME[kind];
  if (t.units === 0) return [`本次换届没有${name.body}换届任务。`];
  if (t.reported === 0)
    return [
      `${name.body}应换届 ${String(t.units)} 个，尚无上报的选举结果，选举结果统计待各村（社区）上报后生成。`,
    ];
  const b = t.current;
  const p = t.previous;
  const out: string[] = [];
  out.push(
    sentence([
      `${name.body}应换届 ${String(t.units)} 个，已完成选举并上报结果 ${String(t.reported)} 个`,
      of(t.reported, t.units, policy),
      t.reported > 0
        ? `一次选举成功 ${String(t.oneTime)} 个，一次选举成功率 ${share(t.oneTime, t.reported, policy) ?? ''}`
        : null,
    ]),
  );
  const turnout = share(t.voted, t.entitled, policy);
  if (turnout !== null)
    out.push(
      sentence([
        `已上报的${name.body}应参加选举${name.voters} ${String(t.entitled)} 人，实际参加 ${String(t.voted)} 人，参选率 ${turnout}`,
      ]),
    );
  if (b.members === 0) {
    out.push(`已上报的${name.body}尚无当选成员记录。`);
    return out;
  }
  const women = change([b.women, b.members], [p.women, p.members], policy);
  const party = change([b.partyMembers, b.members], [p.partyMembers, p.members], policy);
  const minorities = change([b.minorities, b.members], [p.minorities, p.members], policy);
  out.push(
    sentence([
      `共选出${name.body}成员 ${String(b.members)} 名`,
      `其中女性成员 ${String(b.women)} 名${also(b.women, b.members, policy)}${women ? `，${women}` : ''}`,
      kind === 'VC'
        ? `中共党员 ${String(b.partyMembers)} 名${also(b.partyMembers, b.members, policy)}${party ? `，${party}` : ''}`
        : null,
      `少数民族 ${String(b.minorities)} 名${also(b.minorities, b.members, policy)}${minorities ? `，${minorities}` : ''}`,
      `连任 ${String(b.reelected)} 名${also(b.reelected, b.members, policy)}`,
    ]),
  );
  const labels = ageBandLabels(stats.rules.ageBands.value);
  if (b.ageKnown > 0) {
    out.push(
      sentence([
        `年龄结构（按年龄可确定的 ${String(b.ageKnown)} 名计）：${labels
          .map((label, i) => {
            const n = b.ageBands[i] ?? 0;
            const c = change([n, b.ageKnown], [p.ageBands[i] ?? 0, p.ageKnown], policy);
            return `${label} ${String(n)} 名，占${share(n, b.ageKnown, policy) ?? ''}${c ? `（${c}）` : ''}`;
          })
          .join('；')}`,
        b.members > b.ageKnown
          ? `另有 ${String(b.members - b.ageKnown)} 名出生日期不全，未计入年龄结构`
          : null,
      ]),
    );
  }
  const levels = [...EDUCATION_LEVELS, 'unknown' as const].filter((e) => b.education[e] > 0);
  out.push(
    sentence([
      `文化程度：${levels
        .map((e) => {
          const label = e === 'unknown' ? '学历未填写' : EDUCATION_LABEL[e];
          return `${label} ${String(b.education[e])} 名，占${share(b.education[e], b.members, policy) ?? ''}`;
        })
        .join('；')}`,
    ]),
  );
  if (b.committees > 0)
    out.push(
      sentence([
        `选出的 ${String(b.committees)} ${name.unit}中，有女性成员的 ${String(b.withWoman)} 个${also(b.withWoman, b.committees, policy)}`,
      ]),
    );
  return out;
}

export function resultParagraphs(stats: StatsView): string[] {
  const policy = stats.policy;
  const party = stats.counts.tracks.P;
  const committee = committeeOf(stats);
  if (party.reported + committee.reported === 0)
    return [
      `截至目前，${stats.name}尚无村（社区）上报选举结果，选举结果的各项统计待上报后自动生成。`,
    ];
  const out = [
    ...bodyParagraphs('P', party, stats, policy),
    ...bodyParagraphs('VC', committee, stats, policy),
  ];
  const links = stats.counts.links;
  const previous = stats.counts.previousLinks;
  const cross = stats.rules.crossIncludesDual.value
    ? [links.crossPersons, previous.crossPersons]
    : [links.crossPersonsExclDual, previous.crossPersonsExclDual];
  if (links.villagesWithBoth > 0) {
    const dual = change(
      [links.dualRoleVillages, links.villagesWithBoth],
      [previous.dualRoleVillages, previous.villagesWithBoth],
      policy,
    );
    const crossChange = change(
      [cross[0] ?? 0, links.personsInBoth],
      [cross[1] ?? 0, previous.personsInBoth],
      policy,
    );
    out.push(
      sentence([
        `两委均已选出的 ${String(links.villagesWithBoth)} 个村（社区）中，书记、主任“一肩挑”的 ${String(links.dualRoleVillages)} 个${also(links.dualRoleVillages, links.villagesWithBoth, policy)}${dual ? `，${dual}` : ''}`,
        `两委成员 ${String(links.personsInBoth)} 名中交叉任职 ${String(cross[0] ?? 0)} 名${also(cross[0] ?? 0, links.personsInBoth, policy)}${crossChange ? `，${crossChange}` : ''}`,
      ]),
    );
  }
  return out;
}

export interface ProblemsInput {
  stats: StatsView;
  progress: ProgressCounts;
  overdueTotal: number;
  risks: { village_name: string; township_name: string; level: RiskLevel; reason: string }[];
  work: WorkCounts;
  policy: PercentPolicy;
}

const RISKS_LISTED = 10;

export function problemParagraphs(p: ProblemsInput): string[] {
  const out: string[] = [];
  const tracks: [string, TrackCounts][] = [
    ['村（社区）党组织', p.stats.counts.tracks.P],
    ['村（居）民委员会', committeeOf(p.stats)],
  ];
  const pending = tracks
    .filter(([, t]) => t.units > t.reported)
    .map(
      ([name, t]) =>
        `${name}尚有 ${String(t.units - t.reported)} 个未上报选举结果（已上报 ${share(t.reported, t.units, p.policy) ?? ''}）`,
    );
  if (pending.length > 0) out.push(sentence(pending));
  out.push(
    p.overdueTotal > 0 || p.progress.blocked > 0
      ? sentence([
          p.overdueTotal > 0
            ? `逾期未完成的环节 ${String(p.overdueTotal)} 项，涉及村（社区）${String(p.progress.overdue)} 个`
            : null,
          p.progress.blocked > 0
            ? `因前置环节未完成而受阻的村（社区）${String(p.progress.blocked)} 个`
            : null,
        ])
      : '目前没有逾期或受阻的环节。',
  );
  const atRisk = p.risks.filter((r) => r.level !== 'normal');
  if (atRisk.length > 0) {
    const byLevel = (level: RiskLevel) => atRisk.filter((r) => r.level === level).length;
    out.push(
      sentence([
        `列为重点村 ${String(byLevel('key'))} 个、难点村 ${String(byLevel('difficult'))} 个`,
        `主要是：${atRisk
          .slice(0, RISKS_LISTED)
          .map((r) => `${r.township_name}${r.village_name}（${RISK_LABEL[r.level]}：${r.reason}）`)
          .join('；')}${atRisk.length > RISKS_LISTED ? `等 ${String(atRisk.length)} 个` : ''}`,
      ]),
    );
  }
  if (p.work.warningsExplained > 0 || p.work.dailyReportsWithProblems > 0)
    out.push(
      sentence([
        p.work.warningsExplained > 0
          ? `环节填报中有 ${String(p.work.warningsExplained)} 项出现预警（如时限、比例不符合规定）并由村（社区）作了情况说明`
          : null,
        p.work.dailyReportsWithProblems > 0
          ? `“一日一汇报”中反映问题 ${String(p.work.dailyReportsWithProblems)} 份${also(p.work.dailyReportsWithProblems, p.work.dailyReports, p.policy)}`
          : null,
      ]),
    );
  if (p.stats.counts.excluded.length > 0)
    out.push(
      sentence([
        `暂缓换届的村（社区）${String(p.stats.counts.excluded.length)} 个：${p.stats.counts.excluded
          .slice(0, RISKS_LISTED)
          .map((e) => `${e.name}（${e.reason}）`)
          .join('；')}`,
      ]),
    );
  return out;
}

export interface NextStepsInput {
  funnel: { track: string; code: string; name: string; total: number; approved: number }[];
  followUps: number;
  policy: PercentPolicy;
}

export function nextStepParagraphs(p: NextStepsInput): string[] {
  const order = new Map(STAGE_TEMPLATE.F.map((s) => [s.code, s.position]));
  const stages = p.funnel
    .filter((f) => f.track === 'F')
    .sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  const out: string[] = [];
  if (stages.length === 0 || stages.every((s) => s.total === 0)) {
    out.push('换届后续工作尚未开始，待选举结束后逐项推进。');
  } else {
    const open = stages.filter((s) => s.approved < s.total);
    out.push(
      open.length === 0
        ? `换届后续工作 ${String(stages.length)} 项均已完成。`
        : `换届后续工作尚未完成的事项：${open
            .map(
              (s) =>
                `${s.name}，尚有 ${String(s.total - s.approved)} 个村（社区）未完成（已完成 ${share(s.approved, s.total, p.policy) ?? ''}）`,
            )
            .join('；')}。`,
    );
  }
  if (p.followUps > 0)
    out.push(`走访谈话中记录需跟进的事项 ${String(p.followUps)} 件，将逐件跟踪办结。`);
  return out;
}
