import type { ElectedTrack, Post } from '@huanjie/domain';
import {
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  POST_LABEL,
  ageBandLabels,
  postsOf,
} from '@huanjie/domain';
import { emptyPost } from '../statistics/statistics.service.js';
import type {
  BodyCounts,
  LinkCounts,
  PostCounts,
  StatsView,
  TrackCounts,
} from '../statistics/statistics.service.js';
import type { ExportColumn, ExportRow, ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';

/**
 * The two forms a county sends up — 村（居）民委员会换届选举情况统计表 and 村（社区）党组织换届选举情况统计表 —
 * one row per child region (the townships of a county, the villages of a township) and the
 * total, every figure taken from the statistics module (statisticsOf) as the statistics page
 * shows it: the same denominators, the same reported units.
 */

export type StatisticsForm = 'committee' | 'party';

export const FORM_TITLE: Record<StatisticsForm, string> = {
  committee: '村（居）民委员会换届选举情况统计表',
  party: '村（社区）党组织换届选举情况统计表',
};

const FORM_TRACKS: Record<StatisticsForm, readonly [ElectedTrack, ...ElectedTrack[]]> = {
  committee: ['V', 'C'],
  party: ['P'],
};

/** A form's figures of one region: its tracks added up (村委会 and 居委会 make the committee form). */
interface FormFigures {
  villages: number;
  t: TrackCounts;
  links: LinkCounts;
}

function addBody(into: BodyCounts, from: BodyCounts) {
  into.members += from.members;
  into.women += from.women;
  into.partyMembers += from.partyMembers;
  into.minorities += from.minorities;
  into.reelected += from.reelected;
  into.ageKnown += from.ageKnown;
  into.ageUncertain += from.ageUncertain;
  from.ageBands.forEach((n, i) => (into.ageBands[i] = (into.ageBands[i] ?? 0) + n));
  for (const [k, n] of Object.entries(from.education))
    into.education[k as keyof BodyCounts['education']] += n;
  into.committees += from.committees;
  into.withWoman += from.withWoman;
}

function figuresOf(view: StatsView, form: StatisticsForm): FormFigures {
  const [first, ...rest] = FORM_TRACKS[form];
  // a deep copy of the first track's counts, the others' added to it
  const t = structuredClone(view.counts.tracks[first]);
  for (const o of rest.map((k) => view.counts.tracks[k])) {
    t.units += o.units;
    t.reported += o.reported;
    t.voted += o.voted;
    t.entitled += o.entitled;
    t.oneTime += o.oneTime;
    addBody(t.current, o.current);
    for (const [post, p] of Object.entries(o.posts)) {
      const into = (t.posts[post as Post] ??= emptyPost());
      into.nominated += p.nominated;
      into.formal += p.formal;
      into.members += p.members;
    }
  }
  return { villages: view.counts.villages, t, links: view.counts.links };
}

function posts(form: StatisticsForm): readonly Post[] {
  return postsOf(form === 'party' ? 'P' : 'V');
}

/** A percentage with its count and denominator, as three columns. */
function share(key: string, header: string, count: string, denominator: string): ExportColumn {
  return { key, header: `${header}（%）`, kind: 'percent', count, denominator };
}

const n = (key: string, header: string): ExportColumn => ({
  key,
  header,
  kind: 'number',
  sum: true,
});

export function formColumns(form: StatisticsForm, view: StatsView): ExportColumn[] {
  const party = form === 'party';
  const bands = ageBandLabels(view.rules.ageBands.value);
  return [
    { key: 'name', header: view.level === 'county' ? '乡镇（街道）' : '村（社区）', kind: 'text' },
    n('villages', '参加换届的村（社区）数'),
    n('units', party ? '党组织数' : '村（居）委会数'),
    n('reported', '已上报结果数'),
    share('reportedPct', '上报率', 'reported', 'units'),
    n('entitled', party ? '应到会党员数' : '登记选民数'),
    n('voted', party ? '参加选举党员数' : '参加投票选民数'),
    share('turnout', party ? '党员参选率' : '选民参选率', 'voted', 'entitled'),
    ...posts(form).flatMap((p) => [
      n(`${p}.nominated`, `${POST_LABEL[p].zh}初步人选数`),
      n(`${p}.formal`, `${POST_LABEL[p].zh}正式候选人数`),
      n(`${p}.members`, `${POST_LABEL[p].zh}当选数`),
    ]),
    n('members', '当选成员数'),
    n('women', '其中女性'),
    share('womenPct', '女性占比', 'women', 'members'),
    ...(party
      ? []
      : [
          n('partyMembers', '其中中共党员'),
          share('partyPct', '党员占比', 'partyMembers', 'members'),
        ]),
    n('minorities', '其中少数民族'),
    share('minoritiesPct', '少数民族占比', 'minorities', 'members'),
    n('ageKnown', '年龄可分段人数'),
    ...bands.flatMap((label, i) => [
      n(`age${String(i)}`, label),
      share(`age${String(i)}Pct`, `${label}占比`, `age${String(i)}`, 'ageKnown'),
    ]),
    ...[...EDUCATION_LEVELS, 'unknown' as const].flatMap((e) => {
      const label = e === 'unknown' ? '学历未填写' : EDUCATION_LABEL[e];
      return [n(`edu.${e}`, label), share(`edu.${e}Pct`, `${label}占比`, `edu.${e}`, 'members')];
    }),
    n('reelected', '连任人数'),
    share('reelectedPct', '连任占比', 'reelected', 'members'),
    n('oneTime', '一次选举成功数'),
    share('oneTimePct', '一次选举成功率', 'oneTime', 'reported'),
    n('committees', party ? '当选班子数' : '当选村（居）委会数'),
    n('withWoman', party ? '有女性成员的班子数' : '有女性成员的村（居）委会数'),
    share('withWomanPct', '有女性成员占比', 'withWoman', 'committees'),
    n('villagesWithBoth', '两委均已选出的村（社区）数'),
    n('dualRole', '“一肩挑”村（社区）数'),
    share('dualRolePct', '“一肩挑”比例', 'dualRole', 'villagesWithBoth'),
    n('personsInBoth', '两委成员人数（两委均已选出的村）'),
    n('crossAppointed', '交叉任职人数'),
    share('crossPct', '交叉任职比例', 'crossAppointed', 'personsInBoth'),
  ];
}

export function formRow(form: StatisticsForm, view: StatsView): ExportRow {
  const { villages, t, links } = figuresOf(view, form);
  const b = t.current;
  const row: ExportRow = {
    name: view.name,
    villages,
    units: t.units,
    reported: t.reported,
    entitled: t.entitled,
    voted: t.voted,
    members: b.members,
    women: b.women,
    partyMembers: b.partyMembers,
    minorities: b.minorities,
    ageKnown: b.ageKnown,
    reelected: b.reelected,
    oneTime: t.oneTime,
    committees: b.committees,
    withWoman: b.withWoman,
    villagesWithBoth: links.villagesWithBoth,
    dualRole: links.dualRoleVillages,
    personsInBoth: links.personsInBoth,
    crossAppointed: view.rules.crossIncludesDual.value
      ? links.crossPersons
      : links.crossPersonsExclDual,
  };
  for (const p of posts(form)) {
    const counts: Partial<PostCounts> = t.posts[p] ?? {};
    row[`${p}.nominated`] = counts.nominated ?? 0;
    row[`${p}.formal`] = counts.formal ?? 0;
    row[`${p}.members`] = counts.members ?? 0;
  }
  b.ageBands.forEach((count, i) => (row[`age${String(i)}`] = count));
  for (const e of [...EDUCATION_LEVELS, 'unknown' as const]) row[`edu.${e}`] = b.education[e];
  return row;
}

/** The form of a region: its children's rows and a 合计 row that is their sum. */
export function formSheet(form: StatisticsForm, view: StatsView, now: Date): ExportSheet {
  const rows = view.children.length > 0 ? view.children : [view];
  return {
    name: FORM_TITLE[form],
    title: exportTitle([view.name, view.campaignName, FORM_TITLE[form]], now),
    columns: formColumns(form, view),
    rows: rows.map((child) => formRow(form, child)),
    total: view.children.length > 0,
    policy: view.policy,
  };
}
