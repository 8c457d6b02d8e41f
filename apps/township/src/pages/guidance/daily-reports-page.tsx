import { Alert, App, Flex, Input, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useMe, type ResultOf } from '@huanjie/client';
import { ExportButton, GuidanceNav, PageError, PageLoading } from '@huanjie/desktop';
import { useT } from '../../i18n.js';
import { MissingReportsQuery } from './daily-reports-page.graphql.js';

type Missing = ResultOf<typeof MissingReportsQuery>['missingDailyReports'];

/** `/guidance/daily`: which villages have not filed the day's report (一日一汇报), day by day. */
export function DailyReportsPage() {
  const { me, error } = useMe();
  if (!me) return error ? <PageError code="UNKNOWN" /> : <PageLoading />;
  return (
    <App>
      <DailyReports townshipId={me.homeRegion.id} />
    </App>
  );
}

function DailyReports({ townshipId }: { townshipId: string }) {
  const t = useT();
  const [date, setDate] = useState<string | null>(null);
  const [result] = useQuery({
    query: MissingReportsQuery,
    variables: { townshipId, date },
    requestPolicy: 'cache-and-network',
  });
  if (!result.data) {
    if (result.error) {
      const code = result.error.graphQLErrors[0]?.extensions['code'];
      return <PageError code={typeof code === 'string' ? code : 'UNKNOWN'} />;
    }
    return <PageLoading />;
  }
  const m = result.data.missingDailyReports;
  type Day = Missing['days'][number];
  const dayColumns: TableColumnsType<Day> = [
    { key: 'date', title: t('guidance.date'), dataIndex: 'date' },
    {
      key: 'reported',
      title: t('guidance.reportedOf'),
      render: (_, d) => `${String(d.reported)} / ${String(d.total)}`,
    },
    {
      key: 'missing',
      title: t('guidance.missingCount'),
      render: (_, d) => (
        <Tag color={d.total - d.reported > 0 ? 'red' : 'green'}>{d.total - d.reported}</Tag>
      ),
    },
  ];
  return (
    <Flex vertical gap={16} data-testid="daily-reports-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('guidance.dailyTitle')}
        </Typography.Title>
        <GuidanceNav current="daily" />
      </Flex>
      <Flex gap={12} align="center" wrap>
        <Input
          type="date"
          style={{ width: 180 }}
          value={m.date}
          onChange={(e) => {
            if (e.target.value) setDate(e.target.value);
          }}
          data-testid="daily-date"
        />
        <Typography.Text type="secondary">
          {t('guidance.window', { start: m.windowStart, end: m.windowEnd })}
        </Typography.Text>
        <ExportButton
          name="daily-reports"
          testId="daily-reports-export"
          params={{ townshipId, date: m.date }}
        />
      </Flex>
      {!m.inWindow ? (
        <Alert type="info" showIcon title={t('guidance.outsideWindow')} />
      ) : (
        <>
          <Alert
            type={m.reported === m.total ? 'success' : 'warning'}
            showIcon
            title={
              <span data-testid="daily-summary">
                {t('guidance.dailySummary', {
                  date: m.date,
                  reported: m.reported,
                  total: m.total,
                  missing: m.total - m.reported,
                })}
              </span>
            }
          />
          <List
            data-testid="missing-reports"
            bordered
            header={t('guidance.missingHeader')}
            dataSource={m.missing}
            renderItem={(v) => (
              <List.Item data-testid="missing-village" data-village-name={v.village.name}>
                <Flex vertical>
                  <Typography.Text strong>{v.village.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {v.teamNames.length > 0
                      ? v.teamNames.join(t('township.listSeparator'))
                      : t('guidance.noTeam')}
                    {v.cadres.length > 0 &&
                      ` · ${v.cadres.map((c) => (c.phone ? `${c.name} ${c.phone}` : c.name)).join(t('township.contactSeparator'))}`}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
      {m.days.length > 0 && (
        <Table<Day>
          rowKey="date"
          size="small"
          columns={dayColumns}
          dataSource={[...m.days].reverse()}
          pagination={false}
          onRow={(d) => ({
            onClick: () => {
              setDate(d.date);
            },
            style: { cursor: 'pointer' },
          })}
        />
      )}
    </Flex>
  );
}
