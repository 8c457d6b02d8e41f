import type { ResultOf } from '@huanjie/client';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart } from '../../charts/echart.js';
import type { DesktopT } from '../../i18n.js';
import { useT } from '../../i18n.js';
import type { ElectionStatisticsQuery } from './statistics-page.graphql.js';

type Stats = ResultOf<typeof ElectionStatisticsQuery>['electionStatistics'];
type Track = Stats['tracks'][number];
interface RatioView {
  count: number;
  denominator: number;
  text: string;
}
interface RateChangeView {
  current: RatioView;
  previous: RatioView;
}

/** A ratio as a bar's height, in percent to one decimal; no bar without a denominator. */
function percentOf(r: RatioView): number | null {
  return r.denominator === 0 ? null : Math.round((r.count * 1000) / r.denominator) / 10;
}

/** The tooltip of a bar: the ratio's own text with its count and denominator. */
function ratioLabel(r: RatioView, t: DesktopT): string {
  return t('desktop.chart.ratio', { text: r.text, count: r.count, denominator: r.denominator });
}

/**
 * This term against the previous one (over the same reported units), bar beside bar: women,
 * party members, minorities and, for the committee, 一肩挑. The cards above hold the figures.
 */
export function CompositionChart({ track, dualRole }: { track: Track; dualRole?: RateChangeView }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption>(() => {
    const rows: { name: string; rate: RateChangeView }[] = [
      { name: t('desktop.stats.women'), rate: track.women },
      { name: t('desktop.stats.partyMembers'), rate: track.partyMembers },
      { name: t('desktop.stats.minorities'), rate: track.minorities },
      ...(dualRole ? [{ name: t('desktop.stats.dualRole'), rate: dualRole }] : []),
    ];
    const bar = (pick: (r: RateChangeView) => RatioView) =>
      rows.map((r) => ({ value: percentOf(pick(r.rate)), label: ratioLabel(pick(r.rate), t) }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; name: string; data: { label: string } }) =>
          `${p.name} · ${p.seriesName}<br/>${p.data.label}`,
      },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name) },
      yAxis: { type: 'value', name: t('desktop.chart.share'), max: 100 },
      series: [
        {
          type: 'bar',
          name: t('desktop.chart.previous'),
          data: bar((r) => r.previous),
          itemStyle: { color: '#bfbfbf' },
        },
        {
          type: 'bar',
          name: t('desktop.chart.current'),
          data: bar((r) => r.current),
          itemStyle: { color: '#1677ff' },
        },
      ],
    };
  }, [track, dualRole, t]);
  return (
    <EChart
      option={option}
      height={260}
      label={t('desktop.chart.compositionLabel', { body: track.bodyLabel })}
      testId={`stats-${track.track}-composition-chart`}
    />
  );
}

/** Members by age band and by education, as shares of those whose band is known (tables beside). */
export function BandsChart({ track }: { track: Track }) {
  const t = useT();
  const option = useMemo<EChartsCoreOption>(() => {
    const bands = [...track.ageBands, ...track.education];
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { label: string } }) =>
          `${p.name}<br/>${p.data.label}`,
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: bands.map((b) => b.label),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', name: t('desktop.chart.share'), max: 100 },
      series: [
        {
          type: 'bar',
          name: t('desktop.chart.current'),
          data: bands.map((b, i) => ({
            value: percentOf(b.ratio),
            label: ratioLabel(b.ratio, t),
            itemStyle: { color: i < track.ageBands.length ? '#1677ff' : '#52c41a' },
          })),
        },
      ],
    };
  }, [track, t]);
  return (
    <EChart
      option={option}
      height={240}
      label={t('desktop.chart.bandsLabel', { body: track.bodyLabel })}
      testId={`stats-${track.track}-bands-chart`}
    />
  );
}

/** The committee elections' turnout per child region (V and C summed); a bar opens that region. */
export function TurnoutChart({ stats }: { stats: Stats }) {
  const t = useT();
  const navigate = useNavigate();
  const rows = useMemo(
    () =>
      stats.children.map((c) => {
        const committees = c.tracks.filter((k) => k.track !== 'P');
        const count = committees.reduce((s, k) => s + k.turnout.count, 0);
        const denominator = committees.reduce((s, k) => s + k.turnout.denominator, 0);
        return { regionId: c.regionId, name: c.name, ratio: { count, denominator } };
      }),
    [stats.children],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data: { label: string } }) =>
          `${p.name}<br/>${p.data.label}`,
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 },
      },
      yAxis: { type: 'value', name: t('desktop.stats.turnout'), max: 100 },
      series: [
        {
          type: 'bar',
          name: t('desktop.stats.turnout'),
          data: rows.map((r) => {
            const value = percentOf({ ...r.ratio, text: '' });
            const text = value === null ? '—' : `${String(value)}%`;
            return { value, label: ratioLabel({ ...r.ratio, text }, t) };
          }),
        },
      ],
    }),
    [rows, t],
  );
  return (
    <EChart
      option={option}
      height={280}
      label={t('desktop.chart.turnoutLabel')}
      testId="stats-turnout-chart"
      onClick={({ dataIndex }) => {
        const row = rows[dataIndex];
        if (row?.regionId) void navigate(`/statistics/${encodeURIComponent(row.regionId)}`);
      }}
    />
  );
}
