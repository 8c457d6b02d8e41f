import { Segmented } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useT } from '../i18n.js';

export type ChartView = 'chart' | 'table';

/** A chart with its table one click away: the same figures, as a chart or as rows. */
export function ChartOrTable({
  chart,
  table,
  initial = 'table',
  testId,
}: {
  chart: ReactNode;
  table: ReactNode;
  initial?: ChartView;
  testId: string;
}) {
  const t = useT();
  const [view, setView] = useState<ChartView>(initial);
  return (
    <>
      <Segmented
        size="small"
        style={{ marginBottom: 8 }}
        value={view}
        onChange={(v) => {
          setView(v as ChartView);
        }}
        data-testid={`${testId}-view`}
        options={[
          { value: 'table', label: t('desktop.chart.table') },
          { value: 'chart', label: t('desktop.chart.chart') },
        ]}
      />
      {view === 'chart' ? chart : table}
    </>
  );
}
