import { errorCodeOf, useMe } from '@huanjie/client';
import type { RiskLevel, Track } from '@huanjie/domain';
import { RISK_LEVELS, TRACK_LABEL } from '@huanjie/domain';
import { Empty, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { DISPLAY_COLOR, useCampaignEvents, useLanguage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { TownshipMatrixQuery } from './matrix-page.graphql.js';
import { useCampaignChoice } from './use-campaign.js';
import { ExportButton } from '../../sheets/export-button.js';

/** `/matrix/:campaignId?/:townshipId?`: villages × stages of a township, coloured by status. */
export function TownshipMatrixPage() {
  const { campaignId: wanted, townshipId } = useParams();
  const { me } = useMe();
  const choice = useCampaignChoice(wanted);
  const t = useT();
  if (!me || (choice.fetching && !choice.campaign)) return <PageLoading />;
  if (!choice.campaign) return <Empty description={t('desktop.campaign.none')} />;
  const township = townshipId ?? (me.homeRegion.level === 'township' ? me.homeRegion.id : null);
  if (!township) return <Empty description={t('desktop.matrix.pickTownship')} />;
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
  const t = useT();
  const { language } = useLanguage();
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
      <Typography.Title level={3}>
        {t('desktop.matrix.title', { township: m.township.name })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          value={track ?? 'committee'}
          data-testid="matrix-track"
          onChange={(v) => {
            setTrack(v === 'committee' ? null : (v as Track));
          }}
          options={[
            { value: 'committee', label: t('desktop.matrix.committee') },
            ...tracks
              .filter((k) => k !== 'V' && k !== 'C')
              .map((k) => ({ value: k, label: TRACK_LABEL[k][language] })),
          ]}
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('desktop.matrix.allZones')}
          value={zoneId}
          onChange={(v?: string) => {
            setZoneId(v ?? null);
          }}
          options={m.zones.map((z) => ({ value: z.id, label: z.name }))}
        />
        <Select
          style={{ width: 140 }}
          allowClear
          placeholder={t('desktop.matrix.allRisks')}
          value={risk}
          data-testid="matrix-risk"
          onChange={(v?: RiskLevel) => {
            setRisk(v ?? null);
          }}
          options={RISK_LEVELS.map((l) => ({ value: l, label: t(`desktop.risk.${l}`) }))}
        />
        <ExportButton
          name="matrix"
          testId="matrix-export"
          params={{ campaignId, townshipId, track, zoneId, risk }}
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
              {t(`desktop.status.${s}`)}
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
            title: t('desktop.campaign.col.village'),
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
          { title: t('desktop.matrix.col.zone'), render: (_, r) => r.zoneName ?? '—' },
          {
            title: t('desktop.matrix.col.risk'),
            render: (_, r) =>
              r.risk === 'normal' ? (
                t('desktop.risk.normal')
              ) : (
                <Tag color={r.risk === 'difficult' ? 'red' : 'orange'}>
                  {t(`desktop.risk.${r.risk}`)}
                </Tag>
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
                <Tooltip
                  title={t('desktop.matrix.cellTip', {
                    status: t(`desktop.status.${cell.displayStatus}`),
                    date: cell.dueDate,
                  })}
                >
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
