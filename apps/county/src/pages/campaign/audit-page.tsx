import { errorCodeOf } from '@huanjie/client';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { PageError, PageLoading } from '@huanjie/desktop';
import { AuditChainStatusQuery, AuditLogQuery, AuditRegionsQuery } from './audit-page.graphql.js';

const ACTIONS = [
  { value: 'stage.', label: '进度填报与审核' },
  { value: 'campaign.', label: '换届设置' },
  { value: 'election_day.', label: '选举日' },
  { value: 'risk.', label: '风险等级' },
  { value: 'rule_set.', label: '规则集' },
  { value: 'file.', label: '照片' },
];

const PAGE = 50;

/** `/audit`: every change in the county, filtered by region, user, kind and date; chain check. */
export function AuditLogPage() {
  const [regions] = useQuery({ query: AuditRegionsQuery });
  const county = regions.data?.myRegions[0];
  const [filter, setFilter] = useState({
    regionId: null as string | null,
    username: '',
    action: null as string | null,
    from: '',
    to: '',
  });
  const [page, setPage] = useState(1);
  const [result] = useQuery({
    query: AuditLogQuery,
    variables: {
      regionId: filter.regionId,
      username: filter.username.trim() || null,
      action: filter.action,
      from: filter.from || null,
      to: filter.to || null,
      first: PAGE,
      offset: (page - 1) * PAGE,
    },
  });
  const [check, runCheck] = useQuery({
    query: AuditChainStatusQuery,
    pause: true,
    requestPolicy: 'network-only',
  });
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  if (result.error && !result.data) return <PageError code={errorCodeOf(result.error)} />;
  return (
    <div data-testid="audit-page">
      <Typography.Title level={3}>操作日志</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder="全县"
          value={filter.regionId}
          onChange={(v?: string) => {
            set({ regionId: v ?? null });
          }}
          options={(county?.children ?? []).map((t) => ({ value: t.id, label: t.name }))}
          data-testid="audit-region"
        />
        <Input
          style={{ width: 180 }}
          placeholder="用户名"
          value={filter.username}
          onChange={(e) => {
            set({ username: e.target.value });
          }}
          data-testid="audit-user"
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder="全部操作"
          value={filter.action}
          onChange={(v?: string) => {
            set({ action: v ?? null });
          }}
          options={ACTIONS}
        />
        <Input
          type="date"
          value={filter.from}
          onChange={(e) => {
            set({ from: e.target.value });
          }}
        />
        <span>至</span>
        <Input
          type="date"
          value={filter.to}
          onChange={(e) => {
            set({ to: e.target.value });
          }}
        />
        <Button
          onClick={() => {
            runCheck();
          }}
          loading={check.fetching}
          data-testid="audit-verify"
        >
          校验日志链
        </Button>
      </Space>
      {check.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={check.data.auditChainStatus.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            check.data.auditChainStatus.ok
              ? `日志完整：${check.data.auditChainStatus.entries ?? 0}条记录的哈希链校验通过`
              : `日志被改动：${check.data.auditChainStatus.reason ?? ''}`
          }
        />
      )}
      {!result.data ? (
        <PageLoading />
      ) : (
        <Table
          size="small"
          rowKey="seq"
          dataSource={result.data.auditLog.items}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: result.data.auditLog.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          expandable={{
            expandedRowRender: (e) => (
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>
                {`修改前：${e.before ?? '—'}\n修改后：${e.after ?? '—'}`}
              </pre>
            ),
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 70 },
            {
              title: '时间',
              render: (_, e) => new Date(e.at).toLocaleString('zh-CN', { hour12: false }),
            },
            {
              title: '用户',
              render: (_, e) => `${e.userName ?? '系统'}${e.username ? `（${e.username}）` : ''}`,
            },
            { title: '角色', dataIndex: 'roleLabel' },
            { title: '操作', dataIndex: 'action' },
            { title: '对象', render: (_, e) => `${e.entityType} #${e.entityId}` },
            { title: '区划', render: (_, e) => e.region?.name ?? '' },
          ]}
        />
      )}
    </div>
  );
}
