import { useMe, type ResultOf } from '@huanjie/client';
import { useCan } from '@huanjie/ui';
import { App, Flex, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import {
  ExportButton,
  FindingsList,
  GuidanceNav,
  PageError,
  PageLoading,
  TeamsPanel,
} from '@huanjie/desktop';
import { CountyGuidanceQuery } from './county-page.graphql.js';

type County = ResultOf<typeof CountyGuidanceQuery>['countyGuidance'];
type Township = County['townships'][number];

/**
 * `/guidance` in the county app: every township's coverage at a glance (each links to its board),
 * and the county's supervision teams (督导组) assigned to townships.
 */
export function CountyGuidancePage() {
  const { me, error } = useMe();
  const { can } = useCan();
  if (!me) return error ? <PageError code="UNKNOWN" /> : <PageLoading />;
  return (
    <App>
      <CountyGuidance countyId={me.homeRegion.id} editable={can('supervision.manage')} />
    </App>
  );
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

function CountyGuidance({ countyId, editable }: { countyId: string; editable: boolean }) {
  const t = useT();
  const [result, refetch] = useQuery({ query: CountyGuidanceQuery, variables: { countyId } });
  if (!result.data) {
    if (result.error) {
      const code = result.error.graphQLErrors[0]?.extensions['code'];
      return <PageError code={typeof code === 'string' ? code : 'UNKNOWN'} />;
    }
    return <PageLoading />;
  }
  const county = result.data.countyGuidance;
  const totals = county.townships.reduce(
    (sum, tc) => ({
      villages: sum.villages + tc.summary.villages,
      covered: sum.covered + tc.summary.coveredVillages,
      meeting: sum.meeting + tc.summary.villagesMeetingMinimum,
    }),
    { villages: 0, covered: 0, meeting: 0 },
  );

  const columns: TableColumnsType<Township> = [
    {
      key: 'name',
      title: t('guidance.township'),
      render: (_, tc) => (
        <Link to={`/guidance/townships/${encodeURIComponent(tc.township.id)}`}>
          {tc.township.name}
        </Link>
      ),
    },
    {
      key: 'covered',
      title: t('guidance.covered'),
      render: (_, tc) => (
        <Flex vertical>
          <span>
            {tc.summary.coveredVillages} / {tc.summary.villages}
          </span>
          <Progress
            size="small"
            showInfo={false}
            percent={percent(tc.summary.coveredVillages, tc.summary.villages)}
            status={tc.summary.coveredVillages < tc.summary.villages ? 'exception' : 'success'}
          />
        </Flex>
      ),
    },
    {
      key: 'minimum',
      title: t('guidance.meetingMinimum', { min: county.rules.minCadresPerVillage }),
      render: (_, tc) =>
        `${String(tc.summary.villagesMeetingMinimum)} / ${String(tc.summary.villages)}`,
    },
    {
      key: 'problems',
      title: t('guidance.problemCount'),
      render: (_, tc) => (
        <span data-testid="township-problems">
          {tc.summary.errors > 0 && (
            <Tag color="red">{t('guidance.errorsN', { n: tc.summary.errors })}</Tag>
          )}
          {tc.summary.warnings > 0 && (
            <Tag color="orange">{t('guidance.warningsN', { n: tc.summary.warnings })}</Tag>
          )}
          {tc.summary.errors + tc.summary.warnings === 0 && (
            <Tag color="green">{t('guidance.ok')}</Tag>
          )}
        </span>
      ),
    },
    { key: 'teams', title: t('guidance.teamCount'), dataIndex: 'teams', align: 'right' },
    { key: 'roster', title: t('guidance.rosterSize'), dataIndex: 'rosterSize', align: 'right' },
    {
      key: 'supervision',
      title: t('guidance.supervisionTeams'),
      render: (_, tc) =>
        tc.supervisionTeamNames.length === 0 ? (
          <Tag color="orange">{t('guidance.noSupervision')}</Tag>
        ) : (
          tc.supervisionTeamNames.map((name) => <Tag key={name}>{name}</Tag>)
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="county-guidance">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('guidance.countyTitle', { name: county.county.name })}
        </Typography.Title>
        {editable && <GuidanceNav current="board" level="county" />}
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="county-totals">
          {county.campaign.name} ·{' '}
          {t('guidance.countyTotals', {
            covered: totals.covered,
            meeting: totals.meeting,
            villages: totals.villages,
            percent: percent(totals.covered, totals.villages),
          })}
        </Typography.Text>
        <ExportButton
          name="county-guidance"
          testId="county-guidance-export"
          params={{ countyId: county.county.id, campaignId: county.campaign.id }}
        />
      </Flex>
      <Table<Township>
        data-testid="township-coverage"
        rowKey={(tc) => tc.township.id}
        size="small"
        columns={columns}
        dataSource={county.townships}
        pagination={false}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('guidance.supervisionTeams')}
      </Typography.Title>
      <FindingsList findings={county.findings} />
      <TeamsPanel
        kind="supervision"
        ownerId={county.county.id}
        teams={county.teams}
        roster={county.cadres.map((c) => c.cadre)}
        targets={county.townships.map((tc) => ({ value: tc.township.id, label: tc.township.name }))}
        editable={editable}
        onChanged={() => {
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    </Flex>
  );
}
