import { errorCodeOf, type ResultOf } from '@huanjie/client';
import {
  ImportReportView,
  PageError,
  PageLoading,
  SheetUploadButton,
  XLSX_TYPE,
  downloadBase64,
} from '@huanjie/desktop';
import { REGION_LEVEL_LABEL, TOWNSHIP_KINDS, TOWNSHIP_KIND_LABEL } from '@huanjie/domain';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
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
import {
  CountyTreeQuery,
  CreateRegionMutation,
  ImportRegionsMutation,
  MergeRegionMutation,
  RegionTemplateQuery,
  TownshipVillagesQuery,
  UpdateRegionMutation,
} from './regions-admin-page.graphql.js';

type Region = ResultOf<typeof CountyTreeQuery>['myRegions'][number]['children'][number];
type Outcome = ResultOf<typeof ImportRegionsMutation>['importRegions'];
type Report = Extract<Outcome, { __typename: 'RegionImportReport' }>;
type ReportRow = Report['rows'][number];
type Editing =
  | { mode: 'edit'; region: Region }
  | { mode: 'add'; parent: { id: string; level: string } }
  | { mode: 'merge'; region: Region; siblings: Region[] };

const figure = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('zh-CN');

/** `/regions`: the county admin imports the division list, browses it and edits it region by region. */
export function RegionsAdminPage() {
  const t = useT();
  const client = useClient();
  const [tree, refetchTree] = useQuery({ query: CountyTreeQuery });
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const [villages, refetchVillages] = useQuery({
    query: TownshipVillagesQuery,
    variables: { id: townshipId ?? '' },
    pause: townshipId === null,
  });
  const [, importRegions] = useMutation(ImportRegionsMutation);
  const [report, setReport] = useState<Report | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  if (!tree.data)
    return tree.error ? <PageError code={errorCodeOf(tree.error)} /> : <PageLoading />;
  const county = tree.data.myRegions[0];
  if (!county) return <PageError code="NOT_FOUND" />;

  const refresh = () => {
    refetchTree({ requestPolicy: 'network-only' });
    if (townshipId) refetchVillages({ requestPolicy: 'network-only' });
  };

  const send = async (contentBase64: string, dryRun: boolean) => {
    setProblem(null);
    setReport(null);
    const res = await importRegions({ input: { countyId: county.id, contentBase64, dryRun } });
    const outcome = res.data?.importRegions;
    if (!outcome) setProblem(t('county.regions.failed'));
    else if (outcome.__typename === 'RegionImportReport') {
      setReport(outcome);
      setPending(outcome.preview && outcome.rejected === 0 ? contentBase64 : null);
      if (outcome.committed) refresh();
    } else setProblem(outcomeMessage(outcome, t) ?? t('county.regions.failed'));
  };

  const downloadTemplate = async () => {
    const res = await client.query(
      RegionTemplateQuery,
      { countyId: county.id },
      { requestPolicy: 'network-only' },
    );
    const file = res.data?.regionImportTemplate;
    if (file) downloadBase64(file.fileName, file.contentBase64, XLSX_TYPE);
    else setProblem(t('county.regions.failed'));
  };

  const summary = (r: Report) =>
    r.rejected > 0
      ? t('county.regions.rejectedSummary', { rejected: r.rejected })
      : t(r.committed ? 'county.regions.committed' : 'county.regions.checked', {
          total: r.total,
          created: r.created,
          updated: r.updated,
          merged: r.merged,
          unchanged: r.unchanged,
        });

  const reportColumns: TableColumnsType<ReportRow> = [
    { key: 'row', title: t('county.regions.row'), dataIndex: 'row', width: 70 },
    { key: 'code', title: t('county.regions.code'), dataIndex: 'code', width: 140 },
    { key: 'name', title: t('county.regions.name'), render: (_, r) => r.name || '—' },
    { key: 'kind', title: t('county.regions.kind'), dataIndex: 'kind', width: 90 },
    {
      key: 'status',
      title: t('county.regions.status'),
      width: 90,
      render: (_, r) => (
        <Tag color={r.status === 'rejected' ? 'red' : r.status === 'merged' ? 'orange' : 'green'}>
          {t(`county.regions.status.${r.status}`)}
        </Tag>
      ),
    },
    {
      key: 'issues',
      title: t('county.regions.issues'),
      render: (_, r) => (
        <Flex vertical>
          {r.issues.map((i, n) => (
            <span key={n} data-testid="import-issue">
              {i.message}
            </span>
          ))}
        </Flex>
      ),
    },
  ];

  const township = villages.data?.region;
  return (
    <Flex vertical gap={16} data-testid="regions-admin-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('county.regions.title')} · {county.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('county.regions.intro')}
      </Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => void downloadTemplate()} data-testid="regions-template">
          {t('county.regions.template')}
        </Button>
        <SheetUploadButton
          testId="regions"
          primary={pending === null}
          busyLabel={t('county.regions.reading')}
          onRefused={(message) => {
            setReport(null);
            setProblem(message);
          }}
          onPicked={(content) => send(content, true)}
        >
          {t('county.regions.check')}
        </SheetUploadButton>
        {pending !== null && (
          <Button
            type="primary"
            data-testid="regions-commit"
            onClick={() => void send(pending, false)}
          >
            {t('county.regions.import')}
          </Button>
        )}
      </Space>
      {problem && <Alert type="error" showIcon title={problem} data-testid="regions-problem" />}
      {report && (
        <ImportReportView
          committed={report.committed}
          summary={summary(report)}
          rows={report.rows}
          columns={reportColumns}
          onClose={() => {
            setReport(null);
            setPending(null);
          }}
        />
      )}
      <RegionTable
        title={t('county.regions.townships')}
        testId="regions-townships"
        regions={county.children}
        onOpen={(r) => {
          setTownshipId(r.id);
        }}
        onEdit={(r) => {
          setEditing({ mode: 'edit', region: r });
        }}
        extra={
          <Button
            onClick={() => {
              setEditing({ mode: 'add', parent: county });
            }}
            data-testid="regions-add-township"
          >
            {t('county.regions.addTownship')}
          </Button>
        }
      />
      {township && (
        <RegionTable
          title={t('county.regions.villages', { name: township.name })}
          testId="regions-villages"
          regions={township.children}
          onEdit={(r) => {
            setEditing({ mode: 'edit', region: r });
          }}
          onMerge={(r) => {
            setEditing({ mode: 'merge', region: r, siblings: township.children });
          }}
          extra={
            <Button
              onClick={() => {
                setEditing({ mode: 'add', parent: township });
              }}
              data-testid="regions-add-village"
            >
              {t('county.regions.addVillage')}
            </Button>
          }
        />
      )}
      {editing && (
        <RegionEditor
          editing={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      )}
    </Flex>
  );
}

function RegionTable({
  title,
  testId,
  regions,
  extra,
  onOpen,
  onEdit,
  onMerge,
}: {
  title: string;
  testId: string;
  regions: Region[];
  extra: React.ReactNode;
  onOpen?: (r: Region) => void;
  onEdit: (r: Region) => void;
  onMerge?: (r: Region) => void;
}) {
  const t = useT();
  const columns: TableColumnsType<Region> = [
    {
      key: 'name',
      title: t('county.regions.name'),
      render: (_, r) => (
        <Space>
          {onOpen ? (
            <Typography.Link
              onClick={() => {
                onOpen(r);
              }}
              data-testid="region-open"
            >
              {r.name}
            </Typography.Link>
          ) : (
            r.name
          )}
          {r.mergedOn && (
            <Tag color="orange" data-testid="region-merged">
              {t('county.regions.mergedTag', { date: r.mergedOn, name: r.mergedInto?.name ?? '' })}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'code', title: t('county.regions.code'), dataIndex: 'divisionCode', width: 140 },
    { key: 'kind', title: t('county.regions.kind'), dataIndex: 'kindLabel', width: 80 },
    {
      key: 'households',
      title: t('county.regions.households'),
      align: 'right',
      render: (_, r) => figure(r.totalHouseholds),
    },
    {
      key: 'population',
      title: t('county.regions.population'),
      align: 'right',
      render: (_, r) => figure(r.totalPopulation),
    },
    ...(onOpen
      ? [
          {
            key: 'villages',
            title: t('county.regions.villageCount'),
            align: 'right' as const,
            render: (_: unknown, r: Region) => r.villageCount,
          },
        ]
      : [
          {
            key: 'groups',
            title: t('county.regions.villagerGroups'),
            align: 'right' as const,
            render: (_: unknown, r: Region) => figure(r.villagerGroups),
          },
        ]),
    {
      key: 'actions',
      title: t('county.regions.actions'),
      width: 130,
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            onClick={() => {
              onEdit(r);
            }}
            data-testid="region-edit"
          >
            {t('county.regions.edit')}
          </Button>
          {onMerge && !r.mergedOn && (
            <Button
              size="small"
              danger
              onClick={() => {
                onMerge(r);
              }}
              data-testid="region-merge"
            >
              {t('county.regions.merge')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={title} extra={extra}>
      <Table<Region>
        data-testid={testId}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={regions}
        pagination={regions.length > 30 ? { pageSize: 30 } : false}
        locale={{ emptyText: t('county.regions.empty') }}
      />
    </Card>
  );
}

interface EditorValues {
  name: string;
  code?: string;
  kind?: string;
  households?: number | null;
  population?: number | null;
  villagerGroups?: number | null;
  intoId?: string;
  mergedOn?: { format: (f: string) => string } | null;
}

/** What a kind choice means: a township kind (乡/镇/街道) or a village level (行政村/社区). */
function kindOptions(level: string): { value: string; label: string }[] {
  if (level === 'township')
    return TOWNSHIP_KINDS.map((k) => ({ value: k, label: TOWNSHIP_KIND_LABEL[k] }));
  if (level === 'village' || level === 'community')
    return (['village', 'community'] as const).map((l) => ({
      value: l,
      label: REGION_LEVEL_LABEL[l].zh,
    }));
  return [];
}

function RegionEditor({
  editing,
  onClose,
}: {
  editing: Editing;
  onClose: (saved: boolean) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<EditorValues>();
  const [, create] = useMutation(CreateRegionMutation);
  const [, update] = useMutation(UpdateRegionMutation);
  const [, merge] = useMutation(MergeRegionMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const level =
    editing.mode === 'add'
      ? editing.parent.level === 'county'
        ? 'township'
        : 'village'
      : editing.region.level;
  const initial: EditorValues =
    editing.mode === 'add'
      ? { name: '', kind: level === 'township' ? 'zhen' : 'village' }
      : {
          name: editing.region.name,
          kind:
            editing.region.level === 'township'
              ? (editing.region.townshipKind ?? undefined)
              : editing.region.level,
          households: editing.region.households,
          population: editing.region.population,
          villagerGroups: editing.region.villagerGroups,
        };

  const save = async (v: EditorValues) => {
    setBusy(true);
    setProblem(null);
    const counts = {
      households: v.households ?? null,
      population: v.population ?? null,
      villagerGroups: v.villagerGroups ?? null,
    };
    const township = level === 'township';
    const kind = township
      ? { townshipKind: (v.kind ?? null) as (typeof TOWNSHIP_KINDS)[number] | null }
      : { level: (v.kind ?? 'village') as 'village' | 'community' };
    const res =
      editing.mode === 'add'
        ? (
            await create({
              input: {
                parentId: editing.parent.id,
                code: v.code ?? '',
                name: v.name,
                level: township ? 'township' : ((v.kind ?? 'village') as 'village' | 'community'),
                ...(township ? { townshipKind: kind.townshipKind ?? null } : {}),
                ...counts,
              },
            })
          ).data?.createRegion
        : editing.mode === 'edit'
          ? (await update({ input: { id: editing.region.id, name: v.name, ...kind, ...counts } }))
              .data?.updateRegion
          : (
              await merge({
                input: {
                  id: editing.region.id,
                  intoId: v.intoId ?? '',
                  mergedOn: v.mergedOn?.format('YYYY-MM-DD') ?? '',
                },
              })
            ).data?.mergeRegion;
    setBusy(false);
    if (res?.__typename === 'RegionSaved') onClose(true);
    else
      setProblem(
        res ? (outcomeMessage(res, t) ?? t('county.regions.failed')) : t('county.regions.failed'),
      );
  };

  const title =
    editing.mode === 'merge'
      ? t('county.regions.mergeTitle', { name: editing.region.name })
      : editing.mode === 'add'
        ? t(level === 'township' ? 'county.regions.addTownship' : 'county.regions.addVillage')
        : `${t('county.regions.edit')} · ${editing.region.name}`;

  return (
    <Modal
      open
      title={title}
      onCancel={() => {
        onClose(false);
      }}
      okText={t('county.regions.save')}
      cancelText={t('county.regions.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ id: 'region-save' }}
    >
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        {editing.mode === 'merge' ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('county.regions.mergeNote')}
            </Typography.Paragraph>
            <Form.Item
              name="intoId"
              label={t('county.regions.mergeInto')}
              rules={[{ required: true }]}
            >
              <Select
                data-testid="region-merge-into"
                showSearch={{ optionFilterProp: 'label' }}
                options={editing.siblings
                  .filter((s) => s.id !== editing.region.id && !s.mergedOn)
                  .map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            <Form.Item
              name="mergedOn"
              label={t('county.regions.mergedOn')}
              rules={[{ required: true }]}
            >
              <DatePicker data-testid="region-merged-on" />
            </Form.Item>
          </>
        ) : (
          <>
            {editing.mode === 'add' && (
              <Form.Item name="code" label={t('county.regions.code')} rules={[{ required: true }]}>
                <Input maxLength={12} data-testid="region-code" />
              </Form.Item>
            )}
            <Form.Item name="name" label={t('county.regions.name')} rules={[{ required: true }]}>
              <Input maxLength={40} data-testid="region-name" />
            </Form.Item>
            {kindOptions(level).length > 0 && (
              <Form.Item name="kind" label={t('county.regions.kind')}>
                <Select options={kindOptions(level)} data-testid="region-kind" />
              </Form.Item>
            )}
            <Space wrap>
              <Form.Item name="households" label={t('county.regions.households')}>
                <InputNumber min={0} precision={0} data-testid="region-households" />
              </Form.Item>
              <Form.Item name="population" label={t('county.regions.population')}>
                <InputNumber min={0} precision={0} data-testid="region-population" />
              </Form.Item>
              {level !== 'township' && (
                <Form.Item name="villagerGroups" label={t('county.regions.villagerGroups')}>
                  <InputNumber min={0} precision={0} data-testid="region-groups" />
                </Form.Item>
              )}
            </Space>
          </>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="region-problem" />}
    </Modal>
  );
}
