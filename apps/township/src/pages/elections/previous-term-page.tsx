import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import {
  ExportButton,
  ImportReportView,
  PageError,
  PageLoading,
  SheetUploadButton,
  XLSX_TYPE,
  downloadBase64,
} from '@huanjie/desktop';
import {
  Alert,
  Button,
  Card,
  Flex,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { outcomeMessage, useLanguage, useT } from '@huanjie/ui';
import { POST_LABEL, TRACK_LABEL } from '@huanjie/domain';
import {
  ImportPreviousTermMutation,
  PreviousTermQuery,
  PreviousTermTemplateQuery,
} from './previous-term-page.graphql.js';

type Roster = ResultOf<typeof PreviousTermQuery>['previousTermMembers'];
type Member = Roster['members'][number];
type Column = Roster['columns'][number];
type Outcome = ResultOf<typeof ImportPreviousTermMutation>['importPreviousTerm'];
type Report = Extract<Outcome, { __typename: 'PreviousTermImportReport' }>;
type ReportRow = Report['rows'][number];

/** `/statistics/previous-term`: the township imports its villages' previous term (上届班子成员). */
export function PreviousTermPage() {
  const { me, error } = useMe();
  if (!me) return error ? <PageError code={errorCodeOf(error)} /> : <PageLoading />;
  return <PreviousTerm townshipId={me.homeRegion.id} />;
}

function PreviousTerm({ townshipId }: { townshipId: string }) {
  const t = useT();
  const client = useClient();
  const [result, refetch] = useQuery({ query: PreviousTermQuery, variables: { townshipId } });
  const [, importPreviousTerm] = useMutation(ImportPreviousTermMutation);
  const [report, setReport] = useState<Report | null>(null);
  /** A checked sheet waiting for the coordinator to confirm what it replaces. */
  const [pending, setPending] = useState<{ contentBase64: string; preview: Report } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const roster = result.data.previousTermMembers;

  /** A preview first (nothing written): a bad sheet shows its rows, a good one asks to confirm. */
  const importSheet = async (contentBase64: string, dryRun: boolean) => {
    setReport(null);
    setProblem(null);
    const res = await importPreviousTerm({
      input: { campaignId: roster.campaignId, townshipId, contentBase64, dryRun },
    });
    const outcome = res.data?.importPreviousTerm;
    if (!outcome) setProblem(t('elections.previousTerm.failed'));
    else if (outcome.__typename === 'PreviousTermImportReport') {
      if (outcome.preview && outcome.rejected === 0)
        setPending({ contentBase64, preview: outcome });
      else setReport(outcome);
      if (outcome.committed) refetch({ requestPolicy: 'network-only' });
    } else setProblem(outcomeMessage(outcome, t) ?? t('elections.previousTerm.failed'));
  };

  const downloadTemplate = async () => {
    setProblem(null);
    const res = await client.query(
      PreviousTermTemplateQuery,
      { townshipId },
      { requestPolicy: 'network-only' },
    );
    const file = res.data?.previousTermTemplate;
    if (file) downloadBase64(file.fileName, file.contentBase64, XLSX_TYPE);
    else setProblem(t('elections.previousTerm.templateFailed'));
  };

  return (
    <Flex vertical gap={16} data-testid="previous-term-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('elections.previousTerm.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('elections.previousTerm.intro')}
      </Typography.Paragraph>
      <Typography.Text data-testid="previous-term-campaign">
        {t('elections.previousTerm.campaign', {
          name: roster.campaignName,
          party: roster.partyTerm ?? '—',
          committee: roster.committeeTerm ?? '—',
        })}
      </Typography.Text>
      <ColumnsCard columns={roster.columns} onDownload={() => void downloadTemplate()} />
      <Space wrap>
        <SheetUploadButton
          testId="previous-term"
          primary
          busyLabel={t('elections.previousTerm.reading')}
          onRefused={(refusal) => {
            setReport(null);
            setProblem(refusal);
          }}
          onPicked={(content) => importSheet(content, true)}
        >
          {t('elections.previousTerm.choose')}
        </SheetUploadButton>
      </Space>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          data-testid="previous-term-problem"
          closable={{
            onClose: () => {
              setProblem(null);
            },
          }}
        />
      )}
      {pending && (
        <ReplacePreview
          preview={pending.preview}
          onConfirm={() => {
            const { contentBase64 } = pending;
            setPending(null);
            void importSheet(contentBase64, false);
          }}
          onCancel={() => {
            setPending(null);
          }}
        />
      )}
      {report && (
        <ImportReport
          report={report}
          onClose={() => {
            setReport(null);
          }}
        />
      )}
      <StoredMembers
        members={roster.members}
        exportButton={
          <ExportButton
            name="previous-term"
            testId="previous-term-export"
            params={{ townshipId, campaignId: roster.campaignId }}
            disabled={roster.members.length === 0}
          />
        }
      />
    </Flex>
  );
}

function ColumnsCard({ columns, onDownload }: { columns: Column[]; onDownload: () => void }) {
  const t = useT();
  const tableColumns: TableColumnsType<Column> = [
    { key: 'header', title: t('elections.previousTerm.column'), dataIndex: 'header', width: 120 },
    {
      key: 'required',
      title: '',
      width: 80,
      render: (_, c) =>
        c.required ? (
          <Tag color="red">{t('elections.previousTerm.required')}</Tag>
        ) : (
          <Tag>{t('elections.previousTerm.optional')}</Tag>
        ),
    },
    { key: 'note', title: t('elections.previousTerm.note'), dataIndex: 'note' },
  ];
  return (
    <Card
      size="small"
      title={t('elections.previousTerm.columns')}
      extra={
        <Button type="link" onClick={onDownload} data-testid="previous-term-template">
          {t('elections.previousTerm.downloadTemplate')}
        </Button>
      }
    >
      <Table<Column>
        data-testid="previous-term-columns"
        rowKey="key"
        size="small"
        columns={tableColumns}
        dataSource={columns}
        pagination={false}
      />
    </Card>
  );
}

const STATUS = {
  created: { label: 'elections.previousTerm.created', color: 'green' },
  matched: { label: 'elections.previousTerm.matched', color: 'blue' },
  rejected: { label: 'elections.previousTerm.rejected', color: 'red' },
} as const;

/** What a checked sheet will do, before it does it: whom it replaces, body by body. */
function ReplacePreview({
  preview,
  onConfirm,
  onCancel,
}: {
  preview: Report;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const counts = {
    total: preview.total,
    created: preview.created,
    matched: preview.matched,
    replaced: preview.replaced,
  };
  return (
    <Modal
      open
      title={t('elections.previousTerm.previewTitle')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('elections.previousTerm.cancel')}
        </Button>,
        <Button key="ok" type="primary" onClick={onConfirm} data-testid="previous-term-confirm">
          {t('elections.previousTerm.confirm')}
        </Button>,
      ]}
    >
      <div data-testid="previous-term-preview">
        <Typography.Paragraph>
          {t(
            preview.replaced > 0
              ? 'elections.previousTerm.preview'
              : 'elections.previousTerm.previewNone',
            counts,
          )}
        </Typography.Paragraph>
        {preview.replacing.length > 0 && (
          <ul data-testid="previous-term-replacing">
            {preview.replacing.map((seat, i) => (
              <li key={i}>
                {seat.village} · {TRACK_LABEL[seat.track][language]} ·{' '}
                {POST_LABEL[seat.post][language]} · {seat.name}
              </li>
            ))}
          </ul>
        )}
        <Typography.Text type="secondary">
          {t('elections.previousTerm.previewOthers')}
        </Typography.Text>
      </div>
    </Modal>
  );
}

function ImportReport({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  const columns: TableColumnsType<ReportRow> = [
    { key: 'row', title: t('elections.previousTerm.row'), dataIndex: 'row', width: 70 },
    {
      key: 'village',
      title: t('elections.previousTerm.village'),
      render: (_, r) => r.village || '—',
    },
    { key: 'name', title: t('elections.previousTerm.name'), render: (_, r) => r.name || '—' },
    {
      key: 'status',
      title: t('elections.previousTerm.result'),
      render: (_, r) => <Tag color={STATUS[r.status].color}>{t(STATUS[r.status].label)}</Tag>,
    },
    {
      key: 'issues',
      title: t('elections.previousTerm.reason'),
      render: (_, r) => r.issues.map((i) => i.message).join(t('common.listSeparator')) || '—',
    },
  ];
  const summary = report.committed
    ? t('elections.previousTerm.done', {
        total: report.total,
        created: report.created,
        matched: report.matched,
        replaced: report.replaced,
      })
    : t('elections.previousTerm.refused', { total: report.total, rejected: report.rejected });
  return (
    <ImportReportView
      committed={report.committed}
      summary={summary}
      rows={report.rows}
      columns={columns}
      onClose={onClose}
    />
  );
}

function StoredMembers({ members, exportButton }: { members: Member[]; exportButton: ReactNode }) {
  const t = useT();
  const columns: TableColumnsType<Member> = [
    {
      key: 'village',
      title: t('elections.previousTerm.village'),
      render: (_, m) => m.village.name,
    },
    { key: 'body', title: t('elections.previousTerm.body'), dataIndex: 'bodyLabel' },
    { key: 'post', title: t('elections.previousTerm.post'), dataIndex: 'postLabel' },
    { key: 'name', title: t('elections.previousTerm.name'), render: (_, m) => m.person.name },
    {
      key: 'gender',
      title: t('elections.previousTerm.gender'),
      render: (_, m) =>
        t(
          m.person.gender === 'female'
            ? 'elections.previousTerm.female'
            : 'elections.previousTerm.male',
        ),
    },
    {
      key: 'birth',
      title: t('elections.previousTerm.birth'),
      render: (_, m) => m.person.birthDate?.slice(0, 7) ?? '—',
    },
    {
      key: 'ethnicity',
      title: t('elections.previousTerm.ethnicity'),
      render: (_, m) => m.person.ethnicity || '—',
    },
    {
      key: 'education',
      title: t('elections.previousTerm.education'),
      render: (_, m) => m.person.educationLabel ?? '—',
    },
    {
      key: 'political',
      title: t('elections.previousTerm.politicalStatus'),
      render: (_, m) => m.person.politicalStatusLabel,
    },
    { key: 'term', title: t('elections.previousTerm.term'), dataIndex: 'termNumber', width: 70 },
    {
      key: 'source',
      title: t('elections.previousTerm.source'),
      render: (_, m) =>
        m.source === 'import'
          ? t('elections.previousTerm.sourceImport')
          : t('elections.previousTerm.sourceDemo'),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('elections.previousTerm.stored', { count: members.length })}
        </Typography.Title>
        {exportButton}
      </Flex>
      <Table<Member>
        data-testid="previous-term-members"
        rowKey={(m) => `${m.village.id}/${m.track}/${m.person.id}`}
        size="small"
        columns={columns}
        dataSource={members}
        locale={{ emptyText: t('elections.previousTerm.empty') }}
        pagination={members.length > 50 ? { pageSize: 50 } : false}
      />
    </Flex>
  );
}
