import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ElectionStatisticsQuery } from './statistics-page.graphql.js';

type Stats = ResultOf<typeof ElectionStatisticsQuery>['electionStatistics'];
type Track = Stats['tracks'][number];
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
  const [result] = useQuery({
    query: ElectionStatisticsQuery,
    variables: { regionId },
    pause: regionId === '',
    requestPolicy: 'cache-and-network',
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
          上届 {previous.text}（{previous.count}/{previous.denominator}）
          {change ? ` · ${change}` : ''}
        </div>
      )}
    </Card>
  );
}

function TrackBlock({ t }: { t: Track }) {
  return (
    <Card title={t.bodyLabel} style={{ marginBottom: 16 }} data-testid={`stats-track-${t.track}`}>
      <Row gutter={[12, 12]}>
        <Col span={6}>
          <RateCard title="已上报" current={t.reported} testId={`stats-${t.track}-reported`} />
        </Col>
        <Col span={6}>
          <RateCard title="已审核" current={t.approved} testId={`stats-${t.track}-approved`} />
        </Col>
        <Col span={6}>
          <RateCard
            title={t.track === 'P' ? '党员参会率' : '参选率'}
            current={t.turnout}
            testId={`stats-${t.track}-turnout`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title="一次选举成功率"
            current={t.oneTimeSuccess}
            testId={`stats-${t.track}-once`}
          />
        </Col>
        <Col span={6}>
          <Card size="small" data-testid={`stats-${t.track}-members`}>
            <Statistic
              title="当选成员"
              value={t.members}
              suffix={<span style={{ fontSize: 12, color: '#888' }}>上届 {t.previousMembers}</span>}
            />
            <div style={{ fontSize: 12, color: '#666' }}>
              候选人/职数 {t.formalCandidates}/{t.seats}
              {t.candidateRatio ? `（${t.candidateRatio}）` : ''} · 另行选举 {t.withRunoff} 个
            </div>
          </Card>
        </Col>
        <Col span={6}>
          <RateCard
            title="女性成员"
            current={t.women.current}
            previous={t.women.previous}
            change={t.women.changeText}
            testId={`stats-${t.track}-women`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title="有女性成员的班子"
            current={t.womenCoverage.current}
            previous={t.womenCoverage.previous}
            change={t.womenCoverage.changeText}
            testId={`stats-${t.track}-women-coverage`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title="党员"
            current={t.partyMembers.current}
            previous={t.partyMembers.previous}
            change={t.partyMembers.changeText}
            testId={`stats-${t.track}-party`}
          />
        </Col>
        <Col span={6}>
          <RateCard
            title="少数民族"
            current={t.minorities.current}
            previous={t.minorities.previous}
            change={t.minorities.changeText}
            testId={`stats-${t.track}-minorities`}
          />
        </Col>
        <Col span={6}>
          <RateCard title="连任" current={t.reelected} testId={`stats-${t.track}-reelected`} />
        </Col>
        <Col span={6}>
          <RateCard title="新任" current={t.newcomers} testId={`stats-${t.track}-newcomers`} />
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="平均年龄" value={t.averageAge ?? '—'} />
            <div style={{ fontSize: 12, color: '#666' }}>上届 {t.previousAverageAge ?? '—'}</div>
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={12}>
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={t.ageBands}
            columns={[
              { key: 'l', title: '年龄段', render: (_, b) => b.label },
              { key: 'r', title: '人数(占比)', render: (_, b) => ratioText(b.ratio) },
            ]}
          />
        </Col>
        <Col span={12}>
          <Table
            size="small"
            pagination={false}
            rowKey="label"
            dataSource={t.education}
            columns={[
              { key: 'l', title: '文化程度', render: (_, b) => b.label },
              { key: 'r', title: '人数(占比)', render: (_, b) => ratioText(b.ratio) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function StatisticsView({ stats }: { stats: Stats }) {
  if (!stats.campaignName) return <Empty description="尚无进行中的换届" />;
  const committeeOf = (tracks: Stats['children'][number]['tracks']) =>
    tracks.filter((t) => t.track !== 'P');
  return (
    <div data-testid="election-statistics">
      <Typography.Title level={3} data-testid="stats-title">
        {stats.name} · {stats.campaignName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        村(社区) {stats.villages}{' '}
        个。所有数字由各村上报的记录计算，括号内为“数量/分母”，与上届比较的是上届任职名册。
      </Typography.Paragraph>
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <RateCard
            title="“一肩挑”(书记兼主任)"
            current={stats.dualRole.current}
            previous={stats.dualRole.previous}
            change={stats.dualRole.changeText}
            testId="stats-dual"
          />
        </Col>
        <Col span={8}>
          <RateCard
            title="交叉任职(两委成员中)"
            current={stats.crossAppointed.current}
            previous={stats.crossAppointed.previous}
            change={stats.crossAppointed.changeText}
            testId="stats-cross"
          />
        </Col>
      </Row>
      {stats.tracks.map((t) => (
        <TrackBlock key={t.track} t={t} />
      ))}
      {stats.children.length > 0 && (
        <Card title="下级明细(点击查看)" data-testid="stats-children">
          <Table
            size="small"
            rowKey={(r) => r.regionId ?? r.name}
            pagination={false}
            dataSource={stats.children}
            columns={[
              {
                key: 'name',
                title: '名称',
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
              { key: 'v', title: '村(社区)', render: (_, c) => c.villages },
              {
                key: 'p',
                title: '党组织已上报',
                render: (_, c) => {
                  const p = c.tracks.find((t) => t.track === 'P');
                  return p ? `${String(p.reported.count)}/${String(p.reported.denominator)}` : '—';
                },
              },
              {
                key: 'c',
                title: '村(居)委会已上报',
                render: (_, c) => {
                  const list = committeeOf(c.tracks);
                  const n = list.reduce((s, t) => s + t.reported.count, 0);
                  const d = list.reduce((s, t) => s + t.reported.denominator, 0);
                  return `${String(n)}/${String(d)}`;
                },
              },
              {
                key: 'turnout',
                title: '参选率',
                render: (_, c) =>
                  committeeOf(c.tracks)
                    .map((t) => t.turnout.text)
                    .join(' / ') || '—',
              },
              {
                key: 'once',
                title: '一次成功率',
                render: (_, c) =>
                  committeeOf(c.tracks)
                    .map((t) => t.oneTimeSuccess.text)
                    .join(' / ') || '—',
              },
              {
                key: 'members',
                title: '当选成员',
                render: (_, c) => c.tracks.reduce((s, t) => s + t.members, 0),
              },
              {
                key: 'dual',
                title: '一肩挑',
                render: (_, c) => <Tag>{c.dualRole.current.text}</Tag>,
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
