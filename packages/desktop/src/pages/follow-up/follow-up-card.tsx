import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { FollowUpSummaryQuery } from './follow-up-card.graphql.js';

/**
 * Track F of a region's villages: handed over and overdue, each out of its denominator, and the
 * villages with overdue items linking to their page. `overdueOnly` for the county overview card;
 * the township shows all its villages.
 */
export function FollowUpCard({
  campaignId,
  regionId,
  overdueOnly = true,
}: {
  campaignId: string;
  regionId: string;
  overdueOnly?: boolean;
}) {
  const t = useT();
  const [result] = useQuery({
    query: FollowUpSummaryQuery,
    variables: { campaignId, regionId, overdueOnly },
    requestPolicy: 'cache-and-network',
  });
  const s = result.data?.followUpSummary;
  if (!s) return null;
  return (
    <Card
      size="small"
      title={t('followUp.title')}
      style={{ marginTop: 16 }}
      data-testid="follow-up-card"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('followUp.elected', { n: s.elected, of: s.villages })}
            value={s.elected}
            suffix={`/ ${String(s.villages)}`}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('followUp.handedOver', { n: s.handedOver, of: s.villages })}
            value={s.handedOver}
            suffix={`/ ${String(s.villages)}`}
            data-testid="follow-up-handed-over"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('followUp.overdueVillages', { n: s.overdueVillages, of: s.villages })}
            value={s.overdueVillages}
            suffix={`/ ${String(s.villages)}`}
            styles={s.overdueVillages > 0 ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
        <Col xs={12} md={6}>
          <span data-testid="follow-up-overdue-items" data-count={s.overdueItems}>
            <Statistic
              title={t('followUp.overdueItems', { n: s.overdueItems, of: s.items })}
              value={s.overdueItems}
              suffix={`/ ${String(s.items)}`}
              styles={s.overdueItems > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          </span>
        </Col>
      </Row>
      {s.rows.length === 0 ? (
        <Empty description={t('followUp.none')} />
      ) : (
        <Table
          size="small"
          rowKey={(r) => r.village.id}
          dataSource={s.rows}
          pagination={{ pageSize: 10 }}
          data-testid="follow-up-rows"
          columns={[
            {
              title: t('followUp.village'),
              render: (_, r) => (
                <Link
                  to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
                >
                  {r.village.name}
                </Link>
              ),
            },
            { title: t('followUp.township'), render: (_, r) => r.townshipName ?? '—' },
            { title: t('followUp.electionDay'), dataIndex: 'electionDay' },
            {
              title: t('followUp.handover'),
              render: (_, r) =>
                r.handedOver ? (
                  <Tag color="green">{t('followUp.done')}</Tag>
                ) : (
                  <Tag>{t('followUp.open')}</Tag>
                ),
            },
            {
              title: t('followUp.progress'),
              render: (_, r) => `${String(r.done)} / ${String(r.total)}`,
            },
            {
              title: t('followUp.overdueList'),
              render: (_, r) =>
                r.overdueItems.map((name) => (
                  <Tag color="red" key={name}>
                    {name}
                  </Tag>
                )),
            },
            { title: t('followUp.nextDue'), render: (_, r) => r.nextDue ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
