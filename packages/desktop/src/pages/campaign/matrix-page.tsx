import { errorCodeOf, useMe } from '@huanjie/client';
import type { RiskLevel, Track } from '@huanjie/domain';
import { RISK_LABEL, RISK_LEVELS, TRACK_LABEL } from '@huanjie/domain';
import { Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { DISPLAY_COLOR, useCampaignEvents } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { TownshipMatrixQuery } from './matrix-page.graphql.js';
import { displayLabel } from './presentation.js';
import { useCampaignChoice } from './use-campaign.js';

/** `/matrix/:campaignId?/:townshipId?`: villages × stages of a township, coloured by status. */
export function TownshipMatrixPage() {
  const { campaignId: wanted, townshipId } = useParams();
  const { me } = useMe();
  const choice = useCampaignChoice(wanted);
  if (!me || (choice.fetching && !choice.campaign)) return <PageLoading />;
  if (!choice.campaign) return <Empty description="目前没有进行中的换届工作" />;
  const township = townshipId ?? (me.homeRegion.level === 'township' ? me.homeRegion.id : null);
  if (!township) return <Empty description="请从进度总览中选择乡镇" />;
  return (
    <Matrix campaignId={choice.campaign.id} townshipId={township} tracks={choice.campaign.tracks} />
  );
}

function Matrix({
  campaignId,
  townshipId,
  tracks,
}: {
  campaignId: string;
  townshipId: string;
  tracks: readonly Track[];
}) {
  const [track, setTrack] = useState<Track | null>(null);
  const [zoneId, setZoneId] = useState<string | null>(null);
  const [risk, setRisk] = useState<RiskLevel | null>(null);
  const [result, refetch] = useQuery({
    query: TownshipMatrixQuery,
    variables: { campaignId, townshipId, track, zoneId, risk },
    requestPolicy: 'cache-and-network',
  });
  useCampaignEvents(campaignId, () => {
    refetch({ requestPolicy: 'network-only' });
  });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const m = result.data.townshipMatrix;
  return (
    <div data-testid="township-matrix">
      <Typography.Title level={3}>{m.township.name} · 村 × 环节进度</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          value={track ?? 'committee'}
          data-testid="matrix-track"
          onChange={(v) => {
            setTrack(v === 'committee' ? null : (v as Track));
          }}
          options={[
            { value: 'committee', label: '村(居)委会' },
            ...tracks
              .filter((t) => t !== 'V' && t !== 'C')
              .map((t) => ({ value: t, label: TRACK_LABEL[t].zh })),
          ]}
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder="全部片区"
          value={zoneId}
          onChange={(v?: string) => {
            setZoneId(v ?? null);
          }}
          options={m.zones.map((z) => ({ value: z.id, label: z.name }))}
        />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder="全部风险等级"
          value={risk}
          data-testid="matrix-risk"
          onChange={(v?: RiskLevel) => {
            setRisk(v ?? null);
          }}
          options={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LABEL[l] }))}
        />
        <Space size={4} wrap>
          {(
            [
              'approved',
              'submitted',
              'draft',
              'returned',
              'overdue',
              'blocked',
              'not_started',
            ] as const
          ).map((s) => (
            <Tag key={s} color={DISPLAY_COLOR[s]}>
              {displayLabel(s)}
            </Tag>
          ))}
        </Space>
      </Space>
      <Table
        size="small"
        bordered
        rowKey={(r) => r.village.id}
        dataSource={m.rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: '村(社区)',
            fixed: 'left',
            render: (_, r) => (
              <Link
                to={`/villages/${encodeURIComponent(campaignId)}/${encodeURIComponent(r.village.id)}`}
                data-testid={`matrix-village-${r.village.name}`}
              >
                {r.village.name}
              </Link>
            ),
          },
          { title: '片区', render: (_, r) => r.zoneName ?? '—' },
          {
            title: '风险',
            render: (_, r) =>
              r.risk === 'normal' ? (
                '一般'
              ) : (
                <Tag color={r.risk === 'difficult' ? 'red' : 'orange'}>{r.riskLabel}</Tag>
              ),
          },
          ...m.columns.map((c) => ({
            title: <span style={{ fontSize: 12 }}>{c.name}</span>,
            key: c.stageCode,
            width: 72,
            render: (_: unknown, r: (typeof m.rows)[number]) => {
              const cell = r.cells.find((x) => x.stageCode === c.stageCode);
              if (!cell) return <span style={{ color: '#ccc' }}>—</span>;
              return (
                <Tooltip title={`${displayLabel(cell.displayStatus)} · 截止 ${cell.dueDate}`}>
                  <div
                    data-testid={`cell-${r.village.name}-${c.stageCode}`}
                    data-status={cell.displayStatus}
                    style={{
                      background: DISPLAY_COLOR[cell.displayStatus],
                      height: 20,
                      borderRadius: 3,
                      outline: cell.displayStatus === 'overdue' ? '2px solid #a8071a' : undefined,
                    }}
                  />
                </Tooltip>
              );
            },
          })),
        ]}
      />
    </div>
  );
}
