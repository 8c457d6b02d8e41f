import { errorCodeOf } from '@huanjie/client';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ExportButton, PageError, PageLoading } from '@huanjie/desktop';
import { useLanguage } from '@huanjie/ui';
import { formatTime } from '../../format-time.js';
import { useT } from '../../i18n.js';
import { AuditChainStatusQuery, AuditLogQuery, AuditRegionsQuery } from './audit-page.graphql.js';

/** Audit actions by kind: the prefix the API filters on, and the message that names the kind. */
const ACTIONS = [
  { value: 'stage.', label: 'county.audit.action.stage' },
  { value: 'campaign.', label: 'county.audit.action.campaign' },
  { value: 'election_day.', label: 'county.audit.action.electionDay' },
  { value: 'risk.', label: 'county.audit.action.risk' },
  { value: 'rule_set.', label: 'county.audit.action.ruleSet' },
  { value: 'file.', label: 'county.audit.action.file' },
] as const;

const PAGE = 50;

/** `/audit`: every change in the county, filtered by region, user, kind and date; chain check. */
export function AuditLogPage() {
  const t = useT();
  const { language } = useLanguage();
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
      <Typography.Title level={3}>{t('campaign.nav.audit')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t('county.audit.wholeCounty')}
          value={filter.regionId}
          onChange={(v?: string) => {
            set({ regionId: v ?? null });
          }}
          options={(county?.children ?? []).map((t) => ({ value: t.id, label: t.name }))}
          data-testid="audit-region"
        />
        <Input
          style={{ width: 180 }}
          placeholder={t('county.audit.username')}
          value={filter.username}
          onChange={(e) => {
            set({ username: e.target.value });
          }}
          data-testid="audit-user"
        />
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('county.audit.allActions')}
          value={filter.action}
          onChange={(v?: string) => {
            set({ action: v ?? null });
          }}
          options={ACTIONS.map((a) => ({ value: a.value, label: t(a.label) }))}
        />
        <Input
          type="date"
          value={filter.from}
          onChange={(e) => {
            set({ from: e.target.value });
          }}
        />
        <span>{t('county.audit.to')}</span>
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
          {t('county.audit.verify')}
        </Button>
        <ExportButton
          name="audit-log"
          testId="audit-export"
          params={{ ...filter, username: filter.username.trim() }}
        />
      </Space>
      {check.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={check.data.auditChainStatus.ok ? 'success' : 'error'}
          data-testid="audit-verify-result"
          title={
            check.data.auditChainStatus.ok
              ? t('county.audit.intact', { entries: check.data.auditChainStatus.entries ?? 0 })
              : t('county.audit.tampered', { reason: check.data.auditChainStatus.reason ?? '' })
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
                {t('county.audit.change', { before: e.before ?? '—', after: e.after ?? '—' })}
              </pre>
            ),
          }}
          columns={[
            { title: t('county.audit.seq'), dataIndex: 'seq', width: 70 },
            { title: t('county.audit.time'), render: (_, e) => formatTime(e.at, language) },
            {
              title: t('county.audit.user'),
              render: (_, e) => {
                const name = e.userName ?? t('county.audit.system');
                return e.username
                  ? t('county.audit.userWithLogin', { name, login: e.username })
                  : name;
              },
            },
            { title: t('county.audit.role'), dataIndex: 'roleLabel' },
            { title: t('county.audit.actionColumn'), dataIndex: 'action' },
            {
              title: t('county.audit.entity'),
              render: (_, e) => `${e.entityType} #${e.entityId}`,
            },
            { title: t('county.audit.region'), render: (_, e) => e.region?.name ?? '' },
          ]}
        />
      )}
    </div>
  );
}
