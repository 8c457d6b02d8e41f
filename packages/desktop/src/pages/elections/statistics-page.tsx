import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useCampaignEvents } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ChartOrTable } from '../../charts/chart-or-table.js';
import { BandsChart, CompositionChart, TurnoutChart } from './statistics-charts.js';
import { ElectionStatisticsQuery, StatisticsPeopleQuery } from './statistics-page.graphql.js';
import { ExportButton } from '../../sheets/export-button.js';

type Stats = ResultOf<typeof ElectionStatisticsQuery>['electionStatistics'];
type Track = Stats['tracks'][number];
type Person = ResultOf<typeof StatisticsPeopleQuery>['statisticsPeople'][number];
interface RatioView {
  count: number;
  denominator: number;
  text: string;
}

/** `/statistics` and `/statistics/:id`: results and composition of a region, every figure with its denominator; rows drill down. */
export function ElectionStatisticsPage() {
  const { id } = useParams();
  const { me } = useMe();
  const regionId = id ?? me?.homeRegion.id ?? '';
  const [result, refetch] = useQuery({
    query: ElectionStatisticsQuery,
    variables: { regionId },
    pause: regionId === '',
    requestPolicy: 'cache-and-network',
  });
  // live on election day: a result submitted, approved, returned or amended re-reads the figures
  useCampaignEvents(result.data?.electionStatistics.campaignId ?? null, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  return <StatisticsView stats={result.data.electionStatistics} />;
}

function ratioText(r: RatioView) {
  return (
    <span title={`${String(r.count)} / ${String(r.denominator)}`}>
      {r.text}{' '}
      <span style={{ color: '#888', fontSize: 12 }}>
        ({r.count}/{r.denominator})
      </span>
    </span>
  );
}

function RateCard({
  title,
  current,
  previous,
  change,
  testId,
}: {
  title: string;
  current: RatioView;
  previous?: RatioView;
  change?: string;
  testId: string;
}) {
  const t = useT();
  return (
    <Card size="small" data-testid={testId}>
      <Statistic
        title={title}
        value={current.text}
        suffix={
          <span
            style={{ fontSize: 12, color: '#888' }}
          >{`${String(current.count)}/${String(current.denominator)}`}</span>
        }
      />
      {previous && (
        <div style={{ fontSize: 12, color: '#666' }}>
          {t('desktop.stats.previousRatio', {
            text: previous.text,
            count: previous.count,
            denominator: previous.denominator,
          })}
          {change ? ` · ${change}` : ''}
        </div>
      )}
    </Card>
  );
}

/** "已上报 n / N": the units every figure beside it is computed over. */
function Coverage({ reported, testId }: { reported: RatioView; testId: string }) {
  const t = useT();
  return (
    <Tag color={reported.count < reported.denominator ? 'orange' : 'green'} data-testid={testId}>
      {t('desktop.stats.coverage', { reported: reported.count, units: reported.denominator })}
    </Tag>
  );
}

function PostTable({ track }: { track: Track }) {
  const t = useT();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="post"
      title={() => t('desktop.stats.posts')}
      dataSource={track.posts}
      data-testid={`stats-${track.track}-posts`}
      columns={[
        { key: 'post', title: t('desktop.stats.post.col.post'), render: (_, p) => p.label },
        {
          key: 'seats',
          title: t('desktop.stats.post.col.seats'),
          render: (_, p) => p.seatsReported,
        },
        {
          key: 'nominated',
          title: t('desktop.stats.post.col.nominated'),
          render: (_, p) => p.nominated,
        },
        {
          key: 'failed',
          title: t('desktop.stats.post.col.failedVetting'),
          render: (_, p) => p.failedVetting,
        },
        {
          key: 'formal',
          title: t('desktop.stats.post.col.formal'),
          render: (_, p) => p.formalCandidates,
        },
        {
          key: 'ratio',
          title: t('desktop.stats.post.col.ratio'),
          render: (_, p) => p.candidateRatio ?? '—',
        },
        { key: 'members', title: t('desktop.stats.post.col.members'), render: (_, p) => p.members },
        {
          key: 'previous',
          title: t('desktop.stats.post.col.previous'),
          render: (_, p) => p.previousMembers,
        },
        {
          key: 'previousCandidates',
          title: t('desktop.stats.post.col.previousCandidates'),
          render: (_, p) =>
            p.previousTerm
              ? t('desktop.stats.post.candidateChange', {
                  current: p.previousTerm.formalCandidates,
                  currentRatio: p.previousTerm.candidateRatio ?? '—',
                  previous: p.previousTerm.previousFormalCandidates,
                  previousRatio: p.previousTerm.previousCandidateRatio ?? '—',
                  change: `${p.previousTerm.change > 0 ? '+' : ''}${String(p.previousTerm.change)}`,
                })
              : '—',
        },
      ]}
      footer={() =>
        track.candidatesCompared > 0
          ? t('desktop.stats.post.compared', { count: track.candidatesCompared })
          : t('desktop.stats.post.noPrevious')
      }
    />
  );
}

function EthnicityTable({ track }: { track: Track }) {
  const t = useT();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="label"
      dataSource={track.ethnicities}
      data-testid={`stats-${track.track}-ethnicities`}
      columns={[
        {
          key: 'l',
          title: t('desktop.stats.ethnicity'),
          render: (_, e) => (e.minority ? <Tag>{e.label}</Tag> : e.label),
        },
        {
          key: 'c',
          title: t('desktop.stats.headcount'),
          render: (_, e) => ratioText(e.members.current),
        },
        {
          key: 'p',
          title: t('desktop.stats.post.col.previous'),
          render: (_, e) => ratioText(e.members.previous),
        },
        { key: 'x', title: t('desktop.stats.change'), render: (_, e) => e.members.changeText },
      ]}
    />
  );
}

function VotingModesTable({ track }: { track: Track }) {
  const t = useT();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="mode"
      dataSource={track.votingModes}
      data-testid={`stats-${track.track}-voting`}
      columns={[
        {
          key: 'l',
          title: t('desktop.stats.votingMode'),
          render: (_, m) => t(`desktop.stats.votingMode.${m.mode}`),
        },
        {
          key: 'e',
          title: t('desktop.stats.votingMode.ofEntitled'),
          render: (_, m) => ratioText(m.ofEntitled),
        },
        {
          key: 'v',
          title: t('desktop.stats.votingMode.ofVoted'),
          render: (_, m) => ratioText(m.ofVoted),
        },
      ]}
    />
  );
}

/** At village level: the people behind every figure, filterable by what the figures count. */
function PeopleTable({ regionId }: { regionId: string }) {
  const t = useT();
  const [result] = useQuery({
    query: StatisticsPeopleQuery,
    variables: { regionId },
    requestPolicy: 'cache-and-network',
  });
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  const people = result.data.statisticsPeople;
  const yesNo = [
    { text: t('desktop.stats.people.yes'), value: true },
    { text: t('desktop.stats.people.no'), value: false },
  ];
  const bodies = [...new Set(people.map((p) => p.bodyLabel))];
  return (
    <Card title={t('desktop.stats.people')} data-testid="stats-people" style={{ marginBottom: 16 }}>
      <Table<Person>
        size="small"
        pagination={false}
        rowKey={(p) => `${p.track}/${p.personId}/${p.post}`}
        dataSource={people}
        locale={{ emptyText: t('desktop.stats.people.empty') }}
        columns={[
          {
            key: 'body',
            title: t('desktop.stats.people.body'),
            render: (_, p) => p.bodyLabel,
            filters: bodies.map((b) => ({ text: b, value: b })),
            onFilter: (v, p) => p.bodyLabel === v,
          },
          { key: 'post', title: t('desktop.stats.post.col.post'), render: (_, p) => p.postLabel },
          { key: 'name', title: t('desktop.stats.col.name'), render: (_, p) => p.name },
          {
            key: 'gender',
            title: t('desktop.result.col.gender'),
            render: (_, p) =>
              t(p.gender === 'female' ? 'desktop.result.female' : 'desktop.result.male'),
            filters: [
              { text: t('desktop.result.female'), value: 'female' },
              { text: t('desktop.result.male'), value: 'male' },
            ],
            onFilter: (v, p) => p.gender === v,
          },
          { key: 'age', title: t('desktop.stats.people.age'), render: (_, p) => p.age ?? '—' },
          {
            key: 'ethnicity',
            title: t('desktop.stats.ethnicity'),
            render: (_, p) => p.ethnicity ?? '—',
            filters: [{ text: t('desktop.stats.minorities'), value: true }],
            onFilter: (v, p) => p.minority === v,
          },
          {
            key: 'political',
            title: t('desktop.stats.people.political'),
            render: (_, p) => p.politicalStatusLabel,
            filters: [{ text: t('desktop.stats.partyMembers'), value: 'party_member' }],
            onFilter: (v, p) => p.politicalStatus === v,
          },
          {
            key: 'education',
            title: t('desktop.stats.education'),
            render: (_, p) => p.educationLabel,
          },
          {
            key: 'reelected',
            title: t('desktop.stats.reelected'),
            render: (_, p) =>
              p.reelected ? <Tag color="blue">{t('desktop.stats.reelected')}</Tag> : '',
            filters: yesNo,
            onFilter: (v, p) => p.reelected === v,
          },
        ]}
      />
    </Card>
  );
}

function TrackBlock({ t: track, dualRole }: { t: Track; dualRole?: Stats['dualRole'] }) {
  const t = useT();
  return (
    <Card
      title={track.bodyLabel}
      extra={<Coverage reported={track.reported} testId={`stats-${track.track}-coverage`} />}
      style={{ marginBottom: 16 }}
      data-testid={`stats-track-${track.track}`}
    >
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid={`stats-${track.track}-compared`}
      >
        {t('desktop.stats.compared', {
          count: track.compared,
          withRoster: track.comparedWithRoster,
        })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.reported')}
            current={track.reported}
            testId={`stats-${track.track}-reported`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.approved')}
            current={track.approved}
            testId={`stats-${track.track}-approved`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t(track.track === 'P' ? 'desktop.stats.partyTurnout' : 'desktop.stats.turnout')}
            current={track.turnout}
            testId={`stats-${track.track}-turnout`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.oneTimeSuccess')}
            current={track.oneTimeSuccess}
            testId={`stats-${track.track}-once`}
          />
        </Col>
        <Col span={6}>
          <Card size="small" data-testid={`stats-${track.track}-members`}>
            <Statistic
              title={t('desktop.stats.members')}
              value={track.members}
              suffix={
                <span style={{ fontSize: 12, color: '#888' }}>
                  {t('desktop.stats.previous', { value: track.previousMembers })}
                </span>
              }
            />
            <div style={{ fontSize: 12, color: '#666' }}>
              {t('desktop.stats.candidates', {
                candidates: track.formalCandidatesReported,
                seats: track.seatsReported,
              })}
              {track.candidateRatio
                ? t('desktop.stats.candidateRatio', { ratio: track.candidateRatio })
                : ''}
              {t('desktop.stats.runoffs', { count: track.withRunoff })}
            </div>
          </Card>
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.women')}
            current={track.women.current}
            previous={track.women.previous}
            change={track.women.changeText}
            testId={`stats-${track.track}-women`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.womenCoverage')}
            current={track.womenCoverage.current}
            previous={track.womenCoverage.previous}
            change={track.womenCoverage.changeText}
            testId={`stats-${track.track}-women-coverage`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.partyMembers')}
            current={track.partyMembers.current}
            previous={track.partyMembers.previous}
            change={track.partyMembers.changeText}
            testId={`stats-${track.track}-party`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.minorities')}
            current={track.minorities.current}
            previous={track.minorities.previous}
            change={track.minorities.changeText}
            testId={`stats-${track.track}-minorities`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.reelected')}
            current={track.reelected}
            testId={`stats-${track.track}-reelected`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title={t('desktop.stats.newcomers')}
            current={track.newcomers}
            testId={`stats-${track.track}-newcomers`}
          />
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('desktop.stats.averageAge')} value={track.averageAge ?? '—'} />
            <div style={{ fontSize: 12, color: '#666' }}>
              {t('desktop.stats.previous', { value: track.previousAverageAge ?? '—' })}
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={track.ageBands}
            columns={[
              { key: 'l', title: t('desktop.stats.ageBand'), render: (_, b) => b.label },
              {
                key: 'r',
                title: t('desktop.stats.headcount'),
                render: (_, b) => ratioText(b.ratio),
              },
            ]}
          />
        </Col>
        <Col span={12}>
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={track.education}
            columns={[
              { key: 'l', title: t('desktop.stats.education'), render: (_, b) => b.label },
              {
                key: 'r',
                title: t('desktop.stats.headcount'),
                render: (_, b) => ratioText(b.ratio),
              },
            ]}
          />
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <CompositionChart track={track} {...(dualRole ? { dualRole } : {})} />
        </Col>
        <Col span={12}>
          <BandsChart track={track} />
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <EthnicityTable track={track} />
        </Col>
        <Col span={12}>
          <VotingModesTable track={track} />
        </Col>
      </Row>
      <div style={{ marginTop: 12 }}>
        <PostTable track={track} />
      </div>
    </Card>
  );
}

/** Sums the reported ratios of the tracks picked (the committee is V or C, whichever a village has). */
function reportedOf(tracks: readonly { track: string; reported: RatioView }[], party: boolean) {
  const list = tracks.filter((k) => (k.track === 'P') === party);
  const count = list.reduce((s, k) => s + k.reported.count, 0);
  const denominator = list.reduce((s, k) => s + k.reported.denominator, 0);
  return { count, denominator, text: `${String(count)}/${String(denominator)}` };
}

function StatisticsView({ stats }: { stats: Stats }) {
  const t = useT();
  if (!stats.campaignName) return <Empty description={t('desktop.stats.noCampaign')} />;
  const notCovered = stats.villagesInRegion - stats.villages - stats.excludedVillages.length;
  const coverageText = (r: RatioView) => `${String(r.count)} / ${String(r.denominator)}`;
  const isVillage = stats.level === 'village' || stats.level === 'community';
  return (
    <div data-testid="election-statistics">
      <Typography.Title level={3} data-testid="stats-title">
        {stats.name} · {stats.campaignName}
      </Typography.Title>
      {stats.regionId && (
        <Space wrap style={{ marginBottom: 8 }}>
          <ExportButton
            name="committee-form"
            testId="stats-export-committee"
            params={{ regionId: stats.regionId }}
          >
            {t('desktop.export.committeeForm')}
          </ExportButton>
          <ExportButton
            name="party-form"
            testId="stats-export-party"
            params={{ regionId: stats.regionId }}
          >
            {t('desktop.export.partyForm')}
          </ExportButton>
          <ExportButton
            name="representatives-form"
            testId="stats-export-representatives"
            params={{ regionId: stats.regionId }}
          >
            {t('desktop.export.representativesForm')}
          </ExportButton>
        </Space>
      )}
      <Typography.Paragraph type="secondary" data-testid="stats-villages">
        {t('desktop.stats.villages', { villages: stats.villages })}
        {stats.excludedVillages.length > 0 &&
          t('desktop.stats.excluded', {
            count: stats.excludedVillages.length,
            names: stats.excludedVillages
              .map((x) => t('desktop.stats.excludedItem', { name: x.name, reason: x.reason }))
              .join(t('desktop.stats.listSeparator')),
          })}
        {notCovered > 0 && t('desktop.stats.notCovered', { count: notCovered })}
        {t('desktop.stats.intro')}
      </Typography.Paragraph>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid="stats-links-coverage"
      >
        {t('desktop.stats.linksCoverage', {
          party: coverageText(reportedOf(stats.tracks, true)),
          committees: coverageText(reportedOf(stats.tracks, false)),
        })}
      </Typography.Paragraph>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <RateCard
            title={t('desktop.stats.dualRole')}
            current={stats.dualRole.current}
            previous={stats.dualRole.previous}
            change={stats.dualRole.changeText}
            testId="stats-dual"
          />
        </Col>
        <Col span={8}>
          <RateCard
            title={t('desktop.stats.crossAppointedWithDual')}
            current={stats.crossAppointedWithDual.current}
            previous={stats.crossAppointedWithDual.previous}
            change={stats.crossAppointedWithDual.changeText}
            testId="stats-cross"
          />
        </Col>
        <Col span={8}>
          <RateCard
            title={t('desktop.stats.crossAppointedWithoutDual')}
            current={stats.crossAppointedWithoutDual.current}
            previous={stats.crossAppointedWithoutDual.previous}
            change={stats.crossAppointedWithoutDual.changeText}
            testId="stats-cross-without-dual"
          />
        </Col>
      </Row>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12 }}
        data-testid="stats-both-bodies"
      >
        {t('desktop.stats.bothBodies', {
          count: stats.villagesWithBothBodies.current.count,
          villages: stats.villagesWithBothBodies.current.denominator,
        })}
      </Typography.Paragraph>
      {isVillage && stats.regionId && <PeopleTable regionId={stats.regionId} />}
      {stats.tracks.map((track) => (
        <TrackBlock
          key={track.track}
          t={track}
          {...(track.track === 'P' ? {} : { dualRole: stats.dualRole })}
        />
      ))}
      {stats.children.length > 0 && (
        <Card title={t('desktop.stats.children')} data-testid="stats-children">
          <ChartOrTable
            testId="stats-children"
            chart={<TurnoutChart stats={stats} />}
            table={<ChildrenTable stats={stats} />}
          />
        </Card>
      )}
    </div>
  );
}

function ChildrenTable({ stats }: { stats: Stats }) {
  const t = useT();
  const committeeOf = (tracks: Stats['children'][number]['tracks']) =>
    tracks.filter((k) => k.track !== 'P');
  return (
    <Table
      size="small"
      rowKey={(r) => r.regionId ?? r.name}
      pagination={false}
      dataSource={stats.children}
      columns={[
        {
          key: 'name',
          title: t('desktop.stats.col.name'),
          render: (_, c) =>
            c.regionId ? (
              <Link
                data-testid={`stats-child-${c.name}`}
                to={`/statistics/${encodeURIComponent(c.regionId)}`}
              >
                {c.name}
              </Link>
            ) : (
              c.name
            ),
        },
        { key: 'v', title: t('desktop.stats.col.villages'), render: (_, c) => c.villages },
        {
          key: 'x',
          title: t('desktop.stats.col.excluded'),
          render: (_, c) => c.excludedVillages.length || '—',
        },
        {
          key: 'p',
          title: t('desktop.stats.col.partyReported'),
          render: (_, c) => {
            const p = c.tracks.find((k) => k.track === 'P');
            return p ? `${String(p.reported.count)}/${String(p.reported.denominator)}` : '—';
          },
        },
        {
          key: 'c',
          title: t('desktop.stats.col.committeeReported'),
          render: (_, c) => {
            const list = committeeOf(c.tracks);
            const n = list.reduce((s, k) => s + k.reported.count, 0);
            const d = list.reduce((s, k) => s + k.reported.denominator, 0);
            return `${String(n)}/${String(d)}`;
          },
        },
        {
          key: 'turnout',
          title: t('desktop.stats.turnout'),
          render: (_, c) =>
            committeeOf(c.tracks)
              .map((k) => k.turnout.text)
              .join(' / ') || '—',
        },
        {
          key: 'once',
          title: t('desktop.stats.col.once'),
          render: (_, c) =>
            committeeOf(c.tracks)
              .map((k) => k.oneTimeSuccess.text)
              .join(' / ') || '—',
        },
        {
          key: 'members',
          title: t('desktop.stats.members'),
          render: (_, c) => c.tracks.reduce((s, k) => s + k.members, 0),
        },
        {
          key: 'dual',
          title: t('desktop.stats.col.dual'),
          render: (_, c) => <Tag>{c.dualRole.current.text}</Tag>,
        },
      ]}
    />
  );
}
