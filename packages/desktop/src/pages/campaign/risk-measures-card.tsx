import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { share } from './presentation.js';
import { RiskMeasuresOverviewQuery } from './risk-plan.graphql.js';

/**
 * The overview's card of risk villages (一村一策): plans out of 重点/难点 villages, open and overdue
 * measures out of all measures, plans awaiting the county's answer, and the villages with open
 * measures (most overdue first), each linking to its page.
 */
export function RiskMeasuresCard({ campaignId, regionId }: { campaignId: string; regionId: string }) {
  const t = useT();
  const [result] = useQuery({
    query: RiskMeasuresOverviewQuery,
    variables: { campaignId, regionId },
    requestPolicy: 'cache-and-network',
  });
  const o = result.data?.campaignOverview.riskMeasures;
  if (!o) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={t('riskPlan.cardTitle')}
      data-testid="risk-measures-card"
    >
      <Row gutter={16}>
        <Col span={6}>
          <Statistic
            title={t('riskPlan.planned')}
            value={share(o.planned, o.riskVillages, t)}
            data-testid="risk-measures-planned"
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('riskPlan.openMeasures')}
            value={share(o.counts.open, o.counts.total, t)}
            data-testid="risk-measures-open"
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('riskPlan.overdueMeasures')}
            value={share(o.counts.overdue, o.counts.total, t)}
            styles={o.counts.overdue > 0 ? { content: { color: '#cf1322' } } : undefined}
            data-testid="risk-measures-overdue"
          />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('riskPlan.awaiting')}
            value={share(o.awaitingAnswer, o.planned, t)}
            data-testid="risk-measures-awaiting"
          />
        </Col>
      </Row>
      {o.villages.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={o.villages}
          data-testid="risk-measures-villages"
          columns={[
            {
              title: t('riskPlan.village'),
              render: (_, p) => (
                <Link
                  to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(p.village.id)}`}
                >
                  {p.village.name}
                </Link>
              ),
            },
            { title: t('riskPlan.status'), dataIndex: 'statusLabel' },
            {
              title: t('riskPlan.openMeasures'),
              render: (_, p) => share(p.counts.open, p.counts.total, t),
            },
            {
              title: t('riskPlan.overdueMeasures'),
              render: (_, p) =>
                p.counts.overdue > 0 ? <Tag color="red">{p.counts.overdue}</Tag> : 0,
            },
          ]}
        />
      )}
    </Card>
  );
}
