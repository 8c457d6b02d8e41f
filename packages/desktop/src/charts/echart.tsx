// types only: the library itself comes with the first chart drawn (loadECharts)
import type * as ECharts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

/** What a click on a bar or a point names: its category (the x value) and its series. */
export interface ChartClick {
  name: string;
  seriesName?: string;
  dataIndex: number;
}

let loading: Promise<typeof ECharts> | undefined;
const loadECharts = () => (loading ??= import('./echarts-setup.js').then((m) => m.setUpECharts()));

/**
 * One chart: ECharts is fetched on first use (its own chunk), drawn as SVG into a box that
 * follows its width, and redrawn when the option changes.
 */
export function EChart({
  option,
  onClick,
  height = 320,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  onClick?: (click: ChartClick) => void;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const clicked = useRef(onClick);
  useEffect(() => {
    clicked.current = onClick;
  });
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void loadECharts().then((echarts) => {
      const element = box.current;
      if (disposed || !element) return;
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      chart.setOption(option);
      chart.on('click', (params) => {
        const p = params as { name?: string; seriesName?: string; dataIndex?: number };
        clicked.current?.({
          name: p.name ?? '',
          ...(p.seriesName ? { seriesName: p.seriesName } : {}),
          dataIndex: p.dataIndex ?? 0,
        });
      });
      element.dataset.ready = 'true';
      const resize = new ResizeObserver(() => {
        chart.resize();
      });
      resize.observe(element);
      cleanup = () => {
        resize.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
