import { errorCodeOf, type ResultOf } from '@huanjie/client';
import { AUDIT_ACTION_KIND_LABEL } from '@huanjie/domain';
import { Alert, Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ExportButton, PageError, PageLoading } from '@huanjie/desktop';
import { useCampaignEvents, useLanguage } from '@huanjie/ui';
import { formatTime } from '../../format-time.js';
import { useT } from '../../i18n.js';
import { AuditChainStatusQuery, AuditLogQuery, AuditRegionsQuery } from './audit-page.graphql.js';

/** Audit actions by kind: the prefix the API filters on, named as in the domain's dictionary. */
const ACTIONS = Object.entries(AUDIT_ACTION_KIND_LABEL).map(([value, label]) => ({ value, label }));

const PAGE = 50;

/**
 * `/audit`: every change in the county (a province's or city's: everything below it), filtered by
 * region, user, kind and date; chain check.
 */
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
  const [result, refetch] = useQuery({
    query: AuditLogQuery,
    // an entry exists once its change is committed: every visit and filter reads the server
    requestPolicy: 'cache-and-network',
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
  const running = regions.data?.campaigns.find((c) => c.status === 'running') ?? null;
  // a change in the running campaign (a stage, candidate, result or setting) re-reads the log
  useCampaignEvents(running?.id ?? null, () => {
    refetch({ requestPolicy: 'network-only' });
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
          placeholder={
            county && county.level !== 'county'
              ? t('county.audit.whole', { name: county.name })
              : t('county.audit.wholeCounty')
          }
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
          options={ACTIONS}
          data-testid="audit-action"
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
            refetch({ requestPolicy: 'network-only' });
          }}
          loading={result.fetching}
          data-testid="audit-refresh"
        >
          {t('county.audit.refresh')}
        </Button>
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
          rowKey={(e) => `${e.chain}:${String(e.seq)}`}
          dataSource={result.data.auditLog.items}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: result.data.auditLog.total,
            onChange: setPage,
            showSizeChanger: false,
          }}
          expandable={{
            expandedRowRender: (e) => <AuditChanges changes={e.changes} />,
            rowExpandable: (e) => e.changes.length > 0,
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
            {
              title: t('county.audit.actionColumn'),
              render: (_, e) => <span data-testid="audit-summary">{e.summary}</span>,
            },
            { title: t('county.audit.region'), render: (_, e) => e.region?.name ?? '' },
          ]}
        />
      )}
    </div>
  );
}

type Change = ResultOf<typeof AuditLogQuery>['auditLog']['items'][number]['changes'][number];

/** Before and after, one row per changed field, with its Chinese name. */
function AuditChanges({ changes }: { changes: readonly Change[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      data-testid="audit-changes"
      columns={[
        { title: t('county.audit.field'), dataIndex: 'label', width: '40%' },
        { title: t('county.audit.before'), render: (_, c) => c.before ?? '—' },
        { title: t('county.audit.after'), render: (_, c) => c.after ?? '—' },
      ]}
    />
  );
}
