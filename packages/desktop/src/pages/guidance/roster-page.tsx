import { readFragment, useMe, type ResultOf } from '@huanjie/client';
import type { CadreRank, Gender } from '@huanjie/domain';
import { CADRE_RANKS, GENDERS } from '@huanjie/domain';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { outcomeMessage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ImportReportView } from '../../sheets/import-report.js';
import { XLSX_TYPE, downloadBase64 } from '../../sheets/sheet-files.js';
import { ExportButton } from '../../sheets/export-button.js';
import { SheetUploadButton } from '../../sheets/sheet-upload-button.js';
import { GuidanceNav } from './guidance-nav.js';
import {
  CreateCadreMutation,
  DeleteCadreMutation,
  ImportCadresMutation,
  RosterQuery,
  RosterTemplateQuery,
  UpdateCadreMutation,
} from './roster-page.graphql.js';
import { CadreFieldsFragment } from './teams-panel.graphql.js';

type Cadre = ResultOf<typeof CadreFieldsFragment>;
type ImportResult = ResultOf<typeof ImportCadresMutation>['importCadres'];
type Report = Extract<ImportResult, { __typename: 'CadreImportReport' }>;

/** `/guidance/roster`: the user's own level's cadre roster, with xlsx import and a template. */
export function RosterPage() {
  const { me, error } = useMe();
  if (!me) return error ? <PageError code="UNKNOWN" /> : <PageLoading />;
  return (
    <App>
      <Roster
        regionId={me.homeRegion.id}
        level={me.homeRegion.level === 'county' ? 'county' : 'township'}
      />
    </App>
  );
}

function Roster({ regionId, level }: { regionId: string; level: 'county' | 'township' }) {
  const t = useT();
  const { message } = App.useApp();
  const client = useClient();
  const [result, refetch] = useQuery({ query: RosterQuery, variables: { regionId } });
  const [, importCadres] = useMutation(ImportCadresMutation);
  const [, deleteCadre] = useMutation(DeleteCadreMutation);
  const [editing, setEditing] = useState<Cadre | 'new' | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
  };

  const downloadTemplate = async () => {
    const res = await client.query(
      RosterTemplateQuery,
      { regionId },
      { requestPolicy: 'network-only' },
    );
    const file = res.data?.cadreRosterTemplate;
    if (file) downloadBase64(file.fileName, file.contentBase64, XLSX_TYPE);
    else void message.error(t('guidance.failed'));
  };

  const importSheet = async (contentBase64: string) => {
    const res = await importCadres({ regionId, contentBase64 });
    const outcome = res.data?.importCadres;
    if (!outcome) void message.error(t('guidance.failed'));
    else if (outcome.__typename === 'CadreImportReport') {
      setReport(outcome);
      if (outcome.committed) refresh();
    } else void message.error(outcomeMessage(outcome, t) ?? t('guidance.failed'));
  };

  if (!result.data) {
    if (result.error) {
      const code = result.error.graphQLErrors[0]?.extensions['code'];
      return <PageError code={typeof code === 'string' ? code : 'UNKNOWN'} />;
    }
    return <PageLoading />;
  }
  const cadres = result.data.cadres.map((c) => readFragment(CadreFieldsFragment, c));

  const columns: TableColumnsType<Cadre> = [
    { key: 'name', title: t('guidance.name'), dataIndex: 'name' },
    { key: 'gender', title: t('guidance.gender'), dataIndex: 'genderLabel' },
    { key: 'rank', title: t('guidance.rank'), dataIndex: 'rankLabel' },
    { key: 'post', title: t('guidance.post'), render: (_, c) => c.post ?? '—' },
    { key: 'phone', title: t('guidance.phone'), render: (_, c) => c.phone ?? '—' },
    {
      key: 'login',
      title: t('guidance.login'),
      render: (_, c) => (c.username ? <Tag color="green">{c.username}</Tag> : '—'),
    },
    {
      key: 'actions',
      title: '',
      render: (_, c) => (
        <Space>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(c);
            }}
          >
            {t('guidance.edit')}
          </Button>
          <Popconfirm
            title={t('guidance.deleteCadreConfirm', { name: c.name })}
            onConfirm={() =>
              void deleteCadre({ id: c.id }).then((res) => {
                const outcome = res.data?.deleteCadre;
                const failure = outcome ? outcomeMessage(outcome, t) : t('guidance.failed');
                if (failure) void message.error(failure);
                refresh();
              })
            }
          >
            <Button size="small" type="link" danger>
              {t('guidance.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="roster-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('guidance.rosterTitle')}
        </Typography.Title>
        <GuidanceNav current="roster" level={level} />
      </Flex>
      <Space wrap>
        <Button
          type="primary"
          onClick={() => {
            setEditing('new');
          }}
          data-testid="cadre-add"
        >
          {t('guidance.addCadre')}
        </Button>
        <SheetUploadButton
          testId="roster"
          onRefused={(refusal) => void message.error(refusal)}
          onPicked={importSheet}
        >
          {t('guidance.importRoster')}
        </SheetUploadButton>
        <Button type="link" onClick={() => void downloadTemplate()} data-testid="roster-template">
          {t('guidance.downloadTemplate')}
        </Button>
        <ExportButton name="cadre-roster" testId="roster-export" params={{ regionId }} />
        <Typography.Text type="secondary">
          {t('guidance.rosterCount', { count: cadres.length })}
        </Typography.Text>
      </Space>
      {report && (
        <ImportReport
          report={report}
          onClose={() => {
            setReport(null);
          }}
        />
      )}
      <Table<Cadre>
        data-testid="roster-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={cadres}
        pagination={cadres.length > 50 ? { pageSize: 50 } : false}
      />
      {editing && (
        <CadreForm
          regionId={regionId}
          cadre={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
          onCancel={() => {
            setEditing(null);
          }}
        />
      )}
    </Flex>
  );
}

const IMPORT_STATUS = {
  created: 'guidance.import.created',
  updated: 'guidance.import.updated',
  unchanged: 'guidance.import.unchanged',
  rejected: 'guidance.import.rejected',
} as const;

const STATUS_COLOR: Record<string, string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  rejected: 'red',
};

function ImportReport({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  type Row = Report['rows'][number];
  const columns: TableColumnsType<Row> = [
    { key: 'row', title: t('guidance.row'), dataIndex: 'row', width: 70 },
    { key: 'name', title: t('guidance.name'), render: (_, r) => r.name || '—' },
    {
      key: 'status',
      title: t('guidance.result'),
      render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(IMPORT_STATUS[r.status])}</Tag>,
    },
    {
      key: 'issues',
      title: t('guidance.reason'),
      render: (_, r) =>
        r.issues
          .map((i) => t('desktop.guidance.rosterIssue', { column: i.column, message: i.message }))
          .join(t('common.listSeparator')) || '—',
    },
  ];
  const summary = report.fileError
    ? report.fileError
    : report.committed
      ? t('guidance.importDone', {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
        })
      : t('guidance.importRefused', { total: report.total, rejected: report.rejected });
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

interface FormValues {
  name: string;
  gender: Gender;
  rank: CadreRank;
  post?: string;
  phone?: string;
  username?: string;
}

function CadreForm({
  regionId,
  cadre,
  onDone,
  onCancel,
}: {
  regionId: string;
  cadre: Cadre | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [{ fetching: creating }, create] = useMutation(CreateCadreMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCadreMutation);

  const submit = async (values: FormValues) => {
    const input = {
      name: values.name,
      gender: values.gender,
      rank: values.rank,
      post: values.post ?? null,
      phone: values.phone ?? null,
      username: values.username ?? null,
    };
    const res = cadre ? await update({ id: cadre.id, input }) : await create({ regionId, input });
    const outcome = res.data ? Object.values(res.data)[0] : null;
    const failure = outcome ? outcomeMessage(outcome, t) : t('guidance.failed');
    if (failure) setError(failure);
    else onDone();
  };

  return (
    <Modal
      open
      title={cadre ? t('guidance.editCadre') : t('guidance.addCadre')}
      okText={t('guidance.save')}
      confirmLoading={creating || updating}
      onOk={() => {
        form.submit();
      }}
      onCancel={onCancel}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="cadre-form-error"
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={
          cadre
            ? {
                name: cadre.name,
                gender: cadre.gender,
                rank: cadre.rank,
                post: cadre.post ?? undefined,
                phone: cadre.phone ?? undefined,
                username: cadre.username ?? undefined,
              }
            : { rank: 'staff' }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('guidance.name')}
          rules={[{ required: true, message: t('guidance.required') }]}
        >
          <Input maxLength={20} data-testid="cadre-name" />
        </Form.Item>
        <Form.Item
          name="gender"
          label={t('guidance.gender')}
          rules={[{ required: true, message: t('guidance.required') }]}
        >
          <Select options={GENDERS.map((g) => ({ value: g, label: t(`desktop.gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="rank" label={t('guidance.rank')}>
          <Select
            options={CADRE_RANKS.map((r) => ({ value: r, label: t(`desktop.rank.${r}`) }))}
            data-testid="cadre-rank"
          />
        </Form.Item>
        <Form.Item name="post" label={t('guidance.post')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="phone" label={t('guidance.phone')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="username" label={t('guidance.login')} extra={t('guidance.loginHint')}>
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
