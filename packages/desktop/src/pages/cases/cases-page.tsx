import { errorCodeOf, readFragment, useMe } from '@huanjie/client';
import type { CaseCategory, CaseStatus } from '@huanjie/domain';
import {
  CASE_CATEGORIES,
  CASE_CATEGORY_LABEL,
  CASE_STATUSES,
  CASE_STATUS_LABEL,
} from '@huanjie/domain';
import { Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useLanguage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ExportButton } from '../../sheets/export-button.js';
import { SEVERITY_COLOR, STATUS_COLOR } from './case-colors.js';
import { CaseListQuery, CaseRowFragment, CaseTownshipsQuery } from './cases-page.graphql.js';

const isStatus = (s: string | null): s is CaseStatus =>
  s !== null && (CASE_STATUSES as readonly string[]).includes(s);
const isCategory = (s: string | null): s is CaseCategory =>
  s !== null && (CASE_CATEGORIES as readonly string[]).includes(s);

/**
 * `/cases`: the complaints and reports (信访举报) on the villages under the user's region — a
 * township's queue (open cases by default) or the county's list (every case, by township). The
 * filters live in the URL, so the overview's overdue card links to `/cases?overdue=1`.
 */
export function CasesPage() {
  const { me } = useMe();
  const t = useT();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const county = me?.homeRegion.level === 'county';
  const status = params.get('status');
  const category = params.get('category');
  const township = county ? params.get('township') : null;
  const overdueOnly = params.get('overdue') === '1';
  // a township's queue is of its open cases; the county looks at every case unless asked
  const openOnly = (params.get('open') ?? (county ? '0' : '1')) === '1';
  const regionId = township ?? me?.homeRegion.id ?? '';
  const [result] = useQuery({
    query: CaseListQuery,
    variables: {
      regionId,
      status: isStatus(status) ? status : null,
      category: isCategory(category) ? category : null,
      overdueOnly,
      openOnly,
    },
    pause: !me,
  });
  const [townships] = useQuery({
    query: CaseTownshipsQuery,
    variables: { regionId: me?.homeRegion.id ?? '' },
    pause: !county,
  });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  if (!me) return <PageLoading />;
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const rows = result.data.cases.map((c) => readFragment(CaseRowFragment, c));
  const overdue = rows.filter((c) => c.overdue).length;
  return (
    <div data-testid="cases-page">
      <Typography.Title level={3}>
        {t('desktop.caseList.title', { region: me.homeRegion.name })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 140 }}
          value={isStatus(status) ? status : ''}
          onChange={(v: string) => {
            set('status', v || null);
          }}
          options={[
            { value: '', label: t('desktop.caseList.allStatuses') },
            ...CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABEL[s][language] })),
          ]}
          data-testid="cases-filter-status"
          aria-label={t('desktop.caseList.status')}
        />
        <Select
          style={{ width: 160 }}
          value={isCategory(category) ? category : ''}
          onChange={(v: string) => {
            set('category', v || null);
          }}
          options={[
            { value: '', label: t('desktop.caseList.allCategories') },
            ...CASE_CATEGORIES.map((c) => ({ value: c, label: CASE_CATEGORY_LABEL[c][language] })),
          ]}
          data-testid="cases-filter-category"
          aria-label={t('desktop.caseList.category')}
        />
        {county && (
          <Select
            style={{ width: 160 }}
            value={township ?? ''}
            onChange={(v: string) => {
              set('township', v || null);
            }}
            options={[
              { value: '', label: t('desktop.caseList.allTownships') },
              ...(townships.data?.region.children ?? []).map((r) => ({
                value: r.id,
                label: r.name,
              })),
            ]}
            data-testid="cases-filter-township"
            aria-label={t('desktop.caseList.township')}
          />
        )}
        <Space size={4}>
          <Switch
            checked={openOnly}
            onChange={(on) => {
              set('open', on ? '1' : '0');
            }}
            data-testid="cases-filter-open"
          />
          {t('desktop.caseList.openOnly')}
        </Space>
        <Space size={4}>
          <Switch
            checked={overdueOnly}
            onChange={(on) => {
              set('overdue', on ? '1' : null);
            }}
            data-testid="cases-filter-overdue"
          />
          {t('desktop.caseList.overdueOnly')}
        </Space>
        <ExportButton
          name="cases"
          testId="cases-export"
          params={{
            regionId,
            ...(isStatus(status) ? { status } : {}),
            ...(isCategory(category) ? { category } : {}),
            overdueOnly: String(overdueOnly),
            openOnly: String(openOnly),
          }}
        />
      </Space>
      <Typography.Paragraph type="secondary" data-testid="cases-count">
        {t('desktop.caseList.count', { count: rows.length, overdue })}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        locale={{ emptyText: t('desktop.caseList.empty') }}
        rowClassName={(c) => (c.overdue ? 'hj-row-overdue' : '')}
        data-testid="cases-table"
        columns={[
          { key: 'received', title: t('desktop.caseList.col.receivedOn'), dataIndex: 'receivedOn' },
          ...(county
            ? [
                {
                  key: 'township',
                  title: t('desktop.caseList.township'),
                  render: (_: unknown, c: (typeof rows)[number]) => c.township?.name ?? '—',
                },
              ]
            : []),
          {
            key: 'village',
            title: t('desktop.caseList.col.village'),
            render: (_, c) => c.village.name,
          },
          {
            key: 'allegation',
            title: t('desktop.caseList.col.allegation'),
            render: (_, c) => (
              <Link to={`/cases/${encodeURIComponent(c.id)}`} data-testid="case-link">
                {c.allegation.length > 30 ? `${c.allegation.slice(0, 30)}…` : c.allegation}
              </Link>
            ),
          },
          {
            key: 'category',
            title: t('desktop.caseList.category'),
            dataIndex: 'categoryLabel',
          },
          {
            key: 'severity',
            title: t('desktop.caseList.col.severity'),
            render: (_, c) => <Tag color={SEVERITY_COLOR[c.severity]}>{c.severityLabel}</Tag>,
          },
          { key: 'channel', title: t('desktop.caseList.col.channel'), dataIndex: 'channelLabel' },
          {
            key: 'status',
            title: t('desktop.caseList.status'),
            render: (_, c) => (
              <Tag color={STATUS_COLOR[c.status]} data-testid="case-status">
                {c.statusLabel}
              </Tag>
            ),
          },
          {
            key: 'handler',
            title: t('desktop.caseList.col.handler'),
            render: (_, c) => c.handlerName ?? '—',
          },
          { key: 'acceptBy', title: t('desktop.caseList.col.acceptBy'), dataIndex: 'acceptBy' },
          { key: 'answerBy', title: t('desktop.caseList.col.answerBy'), dataIndex: 'answerBy' },
          {
            key: 'lateness',
            title: t('desktop.case.lateness'),
            render: (_, c) =>
              c.overdue ? (
                <Tag color="red" data-testid="case-overdue">
                  {c.latenessLabel}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            key: 'outcome',
            title: t('desktop.caseList.col.outcome'),
            render: (_, c) => c.outcomeLabel ?? '—',
          },
        ]}
      />
    </div>
  );
}
