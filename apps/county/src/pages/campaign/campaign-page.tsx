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
import { PageError, PageLoading, overviewPath } from '@huanjie/desktop';
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

function outcome(out: { __typename: string; message?: string } | undefined, done: string) {
  if (out && !('message' in out && out.message)) void message.success(done);
  else void message.error(out?.message ?? '操作失败，请检查网络');
}

function Campaign({ detail, county }: { detail: Detail; county: County | undefined }) {
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const [starting, start] = useMutation(StartCampaignMutation);
  const status = { draft: '草稿', running: '进行中', closed: '已结束' }[c.status];
  return (
    <div data-testid="campaign-page" data-status={c.status}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>
          {c.name} <Tag data-testid="campaign-status">{status}</Tag>
        </Typography.Title>
        <Space>
          <Link to="/campaigns">全部换届工作</Link>
          {c.status === 'running' && <Link to={overviewPath(c.id)}>进度总览</Link>}
          {c.status === 'draft' && (
            <Popconfirm
              title="启动后将为每个村（社区）生成选举单元，确定启动？"
              onConfirm={() =>
                void (async () => {
                  const res = await start({ id: c.id, expectedVersion: c.version });
                  outcome(res.data?.startCampaign, '已启动');
                })()
              }
            >
              <Button type="primary" loading={starting.fetching} data-testid="campaign-start">
                启动换届工作
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label="换届类别">
          {c.tracks.map((t) => TRACK_LABEL[t].zh).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="届次">
          {c.termNumbers.map((t) => t.label).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label="选举日">{c.electionDay}</Descriptions.Item>
        <Descriptions.Item label="换届顺序">{c.orderingLabel}</Descriptions.Item>
        {c.windowStart && (
          <Descriptions.Item label="选举日窗口">
            {c.windowStart} 至 {c.windowEnd}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="选举单元">
          {c.unitCounts.length === 0
            ? '启动后生成'
            : c.unitCounts.map((u) => `${u.label} ${u.units}个`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <RulesCard detail={detail} />
      <DaysCard detail={detail} county={county} />
      <ExclusionsCard detail={detail} />
      <Card size="small" title="重点村、难点村" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10 }}
          dataSource={detail.campaign.risks.filter((r) => r.level !== 'normal')}
          columns={[
            { title: '村(社区)', render: (_, r) => r.village.name },
            {
              title: '等级',
              render: (_, r) => (
                <Tag color={r.level === 'difficult' ? 'red' : 'orange'}>{r.levelLabel}</Tag>
              ),
            },
            { title: '原因', dataIndex: 'reason' },
            { title: '预案', dataIndex: 'plan' },
            { title: '设定', render: (_, r) => `${r.setByName}（${r.setByRole}）` },
          ]}
        />
      </Card>
    </div>
  );
}

function RulesCard({ detail }: { detail: Detail }) {
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const sets = detail.ruleSets.map((r) => readFragment(RuleSetSummaryFragment, r));
  const [next, setNext] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [state, change] = useMutation(ChangeCampaignRuleSetMutation);
  return (
    <Card size="small" title="执行规则集" style={{ marginTop: 16 }} data-testid="campaign-rules">
      <div>
        当前：
        <strong>
          {c.ruleSet.name} v{c.ruleSet.version}
        </strong>{' '}
        <Link to="/rules">查看规则与依据</Link>
      </div>
      {c.status !== 'closed' && (
        <Space style={{ marginTop: 12 }} wrap>
          <Select
            style={{ width: 320 }}
            placeholder="改用其他规则集"
            value={next}
            onChange={setNext}
            options={sets
              .filter((s) => s.id !== c.ruleSet.id)
              .map((s) => ({ value: s.id, label: `${s.name} v${s.version}` }))}
          />
          <Input
            style={{ width: 320 }}
            placeholder={
              c.status === 'running' ? '调整原因（进行中的换届必须填写，将被记录）' : '原因'
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
                outcome(
                  res.data?.changeCampaignRuleSet,
                  '规则集已调整，各环节截止日期已按新规则重算',
                );
              })()
            }
          >
            调整规则集
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
              title: '时间',
              render: (_, r) => new Date(r.changedAt).toLocaleString('zh-CN', { hour12: false }),
            },
            { title: '原规则集', render: (_, r) => `${r.from.name} v${r.from.version}` },
            { title: '新规则集', render: (_, r) => `${r.to.name} v${r.to.version}` },
            { title: '原因', dataIndex: 'reason' },
            { title: '调整人', dataIndex: 'changedByName' },
          ]}
        />
      )}
    </Card>
  );
}

function DaysCard({ detail, county }: { detail: Detail; county: County | undefined }) {
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [track, setTrack] = useState<Track | null>(null);
  const [day, setDay] = useState('');
  const [state, setDayMutation] = useMutation(SetElectionDayMutation);
  const target = villageId ?? regionId;
  const submit = async (value: string | null, region = target, t = track) => {
    if (!region) return;
    const res = await setDayMutation({ campaignId: c.id, regionId: region, track: t, day: value });
    outcome(
      res.data?.setElectionDay,
      value ? '选举日已设置，截止日期随之调整' : '已恢复为上级选举日',
    );
  };
  return (
    <Card size="small" title="选举日安排" style={{ marginTop: 16 }} data-testid="campaign-days">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="各环节截止日期由所在村的选举日和规则集推算；调整选举日后立即重算，无需另行修改。"
      />
      {c.status !== 'closed' && county && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 200 }}
            placeholder="全县或乡镇"
            value={regionId}
            onChange={(v) => {
              setRegionId(v);
              setVillageId(null);
            }}
            data-testid="day-region"
            options={[
              { value: county.id, label: `${county.name}（全县）` },
              ...county.children.map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
          <VillageSelect value={villageId} onChange={setVillageId} />
          <Select
            style={{ width: 160 }}
            allowClear
            placeholder="全部类别"
            value={track}
            onChange={(v?: Track) => {
              setTrack(v ?? null);
            }}
            options={c.tracks
              .filter((t) => t !== 'F')
              .map((t) => ({ value: t, label: TRACK_LABEL[t].zh }))}
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
            设置选举日
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.region.id}:${r.track ?? ''}`}
        pagination={false}
        dataSource={detail.campaign.electionDays}
        locale={{ emptyText: `全县统一：${c.electionDay}` }}
        columns={[
          { title: '区划', render: (_, r) => r.region.name },
          { title: '类别', render: (_, r) => (r.track ? TRACK_LABEL[r.track].zh : '全部') },
          { title: '选举日', dataIndex: 'day' },
          {
            title: '',
            render: (_, r) =>
              c.status === 'closed' ? null : (
                <Button
                  size="small"
                  onClick={() => void submit(null, r.region.id, r.track ?? null)}
                >
                  恢复为上级选举日
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

function ExclusionsCard({ detail }: { detail: Detail }) {
  const c = readFragment(CampaignSummaryFragment, detail.campaign);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [excluding, exclude] = useMutation(ExcludeVillageMutation);
  const [, include] = useMutation(IncludeVillageMutation);
  return (
    <Card
      size="small"
      title="不参加本次换届的村（社区）"
      style={{ marginTop: 16 }}
      data-testid="campaign-exclusions"
    >
      {c.status !== 'closed' && (
        <Space wrap style={{ marginBottom: 12 }}>
          <VillageSelect value={villageId} onChange={setVillageId} testId="exclude-village" />
          <Input
            style={{ width: 320 }}
            placeholder="原因（如：行政村撤并调整中）"
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
                outcome(res.data?.excludeVillage, '已排除');
                setVillageId(null);
                setReason('');
              })()
            }
          >
            排除
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey={(r) => r.village.id}
        pagination={false}
        dataSource={detail.campaign.exclusions}
        locale={{ emptyText: '全部村（社区）参加' }}
        columns={[
          { title: '村(社区)', render: (_, r) => r.village.name },
          { title: '原因', dataIndex: 'reason' },
          {
            title: '',
            render: (_, r) =>
              c.status === 'closed' ? null : (
                <Button
                  size="small"
                  onClick={() =>
                    void (async () => {
                      const res = await include({ campaignId: c.id, villageId: r.village.id });
                      outcome(res.data?.includeVillage, '已恢复参加');
                    })()
                  }
                >
                  恢复参加
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
