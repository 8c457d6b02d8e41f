import type { ResultOf } from '@huanjie/client';
import { errorCodeOf, readFragment } from '@huanjie/client';
import type { Track } from '@huanjie/domain';
import { TRACK_LABEL } from '@huanjie/domain';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ExportButton, PageError, PageLoading, overviewPath } from '@huanjie/desktop';
import { useCan, useLanguage } from '@huanjie/ui';
import { formatTime } from '../../format-time.js';
import { useT, type CountyTranslator } from '../../i18n.js';
import {
  CampaignDetailQuery,
  ChangeCampaignRuleSetMutation,
  ElectionDayRegionsQuery,
  ExcludeVillageMutation,
  IncludeVillageMutation,
  SetElectionDayMutation,
  StartCampaignMutation,
} from './campaign-page.graphql.js';
import { CampaignSummaryFragment, RuleSetSummaryFragment } from './summaries.graphql.js';
import { VillageSelect } from './village-select.js';

type Detail = ResultOf<typeof CampaignDetailQuery>;
type County = ResultOf<typeof ElectionDayRegionsQuery>['myRegions'][number];

/** `/campaigns/:id`: a campaign's settings, its election days, exclusions, rules and their changes. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: CampaignDetailQuery, variables: { id } });
  const [regions] = useQuery({ query: ElectionDayRegionsQuery });
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  return <Campaign detail={result.data} county={regions.data?.myRegions[0]} />;
}

function outcome(
  out: { __typename: string; message?: string } | undefined,
  done: string,
  t: CountyTranslator,
) {
  if (out && !('message' in out && out.message)) void message.success(done);
  else void message.error(out?.message ?? t('county.failedNetwork'));
}

function Campaign({ detail, county }: { detail: Detail; county: County | undefined }) {
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const t = useT();
  const { language } = useLanguage();
  const [starting, start] = useMutation(StartCampaignMutation);
  const manage = useCan().can('campaign.manage');
  const tracks = (list: readonly Track[]) =>
    list.map((k) => TRACK_LABEL[k][language]).join(t('county.list.separator'));
  return (
    <div data-testid="campaign-page" data-status={c.status}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>
          {c.name} <Tag data-testid="campaign-status">{t(`county.status.${c.status}`)}</Tag>
        </Typography.Title>
        <Space>
          <Link to="/campaigns">{t('county.campaign.all')}</Link>
          {c.status === 'running' && (
            <Link to={overviewPath(c.id)}>{t('county.campaign.overview')}</Link>
          )}
          <ExportButton
            name="campaign-tables"
            testId="campaign-export"
            params={{ campaignId: c.id }}
          />
          {manage && c.status === 'draft' && (
            <Popconfirm
              title={t('county.campaign.startConfirm')}
              onConfirm={() =>
                void (async () => {
                  const res = await start({ id: c.id, expectedVersion: c.version });
                  outcome(res.data?.startCampaign, t('county.campaign.started'), t);
                })()
              }
            >
              <Button type="primary" loading={starting.fetching} data-testid="campaign-start">
                {t('county.campaign.start')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('county.campaign.tracks')}>
          {tracks(c.tracks)}
        </Descriptions.Item>
        <Descriptions.Item label={t('county.campaign.terms')}>
          {c.termNumbers
            .map((n) =>
              t('county.termNumber', {
                label: n.label,
                body: TRACK_LABEL[n.track][language],
                term: n.term,
              }),
            )
            .join(t('county.list.separator'))}
        </Descriptions.Item>
        <Descriptions.Item label={t('county.campaign.electionDay')}>
          {c.electionDay}
        </Descriptions.Item>
        <Descriptions.Item label={t('county.campaign.ordering')}>
          {t(`county.ordering.${c.ordering}`)}
        </Descriptions.Item>
        {c.windowStart && (
          <Descriptions.Item label={t('county.campaign.window')}>
            {t('county.campaign.windowRange', { start: c.windowStart, end: c.windowEnd ?? '' })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('county.campaign.units')}>
          {c.unitCounts.length === 0
            ? t('county.unitsPending')
            : c.unitCounts
                .map((u) =>
                  t('county.campaign.unitCount', {
                    label: u.label,
                    body: TRACK_LABEL[u.track][language],
                    units: u.units,
                  }),
                )
                .join(t('county.list.groupSeparator'))}
        </Descriptions.Item>
      </Descriptions>
      <RulesCard detail={detail} />
      <DaysCard detail={detail} county={county} />
      <ExclusionsCard detail={detail} />
      <Card size="small" title={t('county.campaign.risks')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10 }}
          dataSource={detail.campaign.risks.filter((r) => r.level !== 'normal')}
          columns={[
            { title: t('county.campaign.village'), render: (_, r) => r.village.name },
            {
              title: t('county.campaign.riskLevel'),
              render: (_, r) => (
                <Tag color={r.level === 'difficult' ? 'red' : 'orange'}>
                  {t(`county.risk.${r.level}`)}
                </Tag>
              ),
            },
            { title: t('county.campaign.reason'), dataIndex: 'reason' },
            {
              title: t('county.campaign.riskSetBy'),
              render: (_, r) =>
                t('county.campaign.nameWithRole', { name: r.setByName, role: r.setByRole }),
            },
          ]}
        />
      </Card>
    </div>
  );
}

function RulesCard({ detail }: { detail: Detail }) {
  const manage = useCan().can('campaign.manage');
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const sets = detail.ruleSets.map((r) => readFragment(RuleSetSummaryFragment, r));
  const t = useT();
  const { language } = useLanguage();
  const [next, setNext] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [state, change] = useMutation(ChangeCampaignRuleSetMutation);
  return (
    <Card
      size="small"
      title={t('county.campaign.rules.title')}
      style={{ marginTop: 16 }}
      data-testid="campaign-rules"
    >
      <div>
        {t('county.campaign.rules.current')}
        <strong>
          {c.ruleSet.name} v{c.ruleSet.version}
        </strong>{' '}
        <Link to="/rules">{t('county.campaign.rules.view')}</Link>
      </div>
      {manage && c.status !== 'closed' && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            style={{ width: 320 }}
            placeholder={t('county.campaign.rules.pick')}
            value={next}
            onChange={setNext}
            options={sets
              .filter((s) => s.id !== c.ruleSet.id)
              .map((s) => ({ value: s.id, label: `${s.name} v${s.version}` }))}
          />
          <Input
            style={{ width: 320 }}
            placeholder={
              c.status === 'running'
                ? t('county.campaign.rules.reasonRunning')
                : t('county.campaign.reason')
            }
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <Button
            disabled={!next}
            loading={state.fetching}
            onClick={() =>
              void (async () => {
                if (!next) return;
                const res = await change({
                  campaignId: c.id,
                  expectedVersion: c.version,
                  ruleSetId: next,
                  reason,
                });
                outcome(res.data?.changeCampaignRuleSet, t('county.campaign.rules.changed'), t);
              })()
            }
          >
            {t('county.campaign.rules.change')}
          </Button>
        </Space>
      )}
      {detail.campaign.ruleChanges.length > 0 && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(r) => r.changedAt}
          pagination={false}
          dataSource={detail.campaign.ruleChanges}
          data-testid="rule-changes"
          columns={[
            {
              title: t('county.campaign.rules.time'),
              render: (_, r) => formatTime(r.changedAt, language),
            },
            {
              title: t('county.campaign.rules.from'),
              render: (_, r) => `${r.from.name} v${r.from.version}`,
            },
            {
              title: t('county.campaign.rules.to'),
              render: (_, r) => `${r.to.name} v${r.to.version}`,
            },
            { title: t('county.campaign.reason'), dataIndex: 'reason' },
            { title: t('county.campaign.rules.changedBy'), dataIndex: 'changedByName' },
          ]}
        />
      )}
    </Card>
  );
}

function DaysCard({ detail, county }: { detail: Detail; county: County | undefined }) {
  const manage = useCan().can('election_day.set');
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const t = useT();
  const { language } = useLanguage();
  const [track, setTrack] = useState<Track | null>(null);
  const [day, setDay] = useState('');
  const [state, setDayMutation] = useMutation(SetElectionDayMutation);
  const target = villageId ?? regionId;
  const submit = async (value: string | null, region = target, only = track) => {
    if (!region) return;
    const res = await setDayMutation({
      campaignId: c.id,
      regionId: region,
      track: only,
      day: value,
    });
    outcome(
      res.data?.setElectionDay,
      value ? t('county.campaign.days.saved') : t('county.campaign.days.restored'),
      t,
    );
  };
  return (
    <Card
      size="small"
      title={t('county.campaign.days.title')}
      style={{ marginTop: 16 }}
      data-testid="campaign-days"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('county.campaign.days.hint')}
      />
      {manage && c.status !== 'closed' && county && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 200 }}
            placeholder={t('county.campaign.days.region')}
            value={regionId}
            onChange={(v) => {
              setRegionId(v);
              setVillageId(null);
            }}
            data-testid="day-region"
            options={[
              {
                value: county.id,
                label: t('county.campaign.days.wholeCounty', { name: county.name }),
              },
              ...county.children.map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
          <VillageSelect value={villageId} onChange={setVillageId} />
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder={t('county.campaign.days.allTracks')}
            value={track}
            onChange={(v?: Track) => {
              setTrack(v ?? null);
            }}
            options={c.tracks
              .filter((k) => k !== 'F')
              .map((k) => ({ value: k, label: TRACK_LABEL[k][language] }))}
          />
          <Input
            type="date"
            value={day}
            onChange={(e) => {
              setDay(e.target.value);
            }}
            style={{ width: 160 }}
            data-testid="day-value"
          />
          <Button
            type="primary"
            disabled={!target || !day}
            loading={state.fetching}
            onClick={() => void submit(day)}
            data-testid="day-save"
          >
            {t('county.campaign.days.set')}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.region.id}:${r.track ?? ''}`}
        pagination={false}
        dataSource={detail.campaign.electionDays}
        locale={{ emptyText: t('county.campaign.days.countyDefault', { day: c.electionDay }) }}
        columns={[
          { title: t('county.campaign.days.area'), render: (_, r) => r.region.name },
          {
            title: t('county.campaign.days.track'),
            render: (_, r) =>
              r.track ? TRACK_LABEL[r.track][language] : t('county.campaign.days.all'),
          },
          { title: t('county.campaign.electionDay'), dataIndex: 'day' },
          {
            title: '',
            render: (_, r) =>
              !manage || c.status === 'closed' ? null : (
                <Button
                  size="small"
                  onClick={() => void submit(null, r.region.id, r.track ?? null)}
                >
                  {t('county.campaign.days.restore')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function ExclusionsCard({ detail }: { detail: Detail }) {
  const manage = useCan().can('campaign.manage');
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const t = useT();
  const [excluding, exclude] = useMutation(ExcludeVillageMutation);
  const [, include] = useMutation(IncludeVillageMutation);
  return (
    <Card
      size="small"
      title={t('county.campaign.exclusions.title')}
      style={{ marginTop: 16 }}
      data-testid="campaign-exclusions"
    >
      {manage && c.status !== 'closed' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <VillageSelect value={villageId} onChange={setVillageId} testId="exclude-village" />
          <Input
            style={{ width: 320 }}
            placeholder={t('county.campaign.exclusions.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
            }}
          />
          <Button
            danger
            disabled={!villageId}
            loading={excluding.fetching}
            onClick={() =>
              void (async () => {
                if (!villageId) return;
                const res = await exclude({ campaignId: c.id, villageId, reason });
                outcome(res.data?.excludeVillage, t('county.campaign.exclusions.excluded'), t);
                setVillageId(null);
                setReason('');
              })()
            }
          >
            {t('county.campaign.exclusions.exclude')}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => r.village.id}
        pagination={false}
        dataSource={detail.campaign.exclusions}
        locale={{ emptyText: t('county.campaign.exclusions.none') }}
        columns={[
          { title: t('county.campaign.village'), render: (_, r) => r.village.name },
          { title: t('county.campaign.reason'), dataIndex: 'reason' },
          {
            title: '',
            render: (_, r) =>
              !manage || c.status === 'closed' ? null : (
                <Button
                  size="small"
                  onClick={() =>
                    void (async () => {
                      const res = await include({ campaignId: c.id, villageId: r.village.id });
                      outcome(
                        res.data?.includeVillage,
                        t('county.campaign.exclusions.included'),
                        t,
                      );
                    })()
                  }
                >
                  {t('county.campaign.exclusions.include')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
