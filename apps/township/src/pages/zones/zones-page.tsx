import { errorCodeOf, useMe, type ResultOf } from '@huanjie/client';
import { PageError, PageLoading } from '@huanjie/desktop';
import { outcomeMessage } from '@huanjie/ui';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import {
  CreateZoneMutation,
  DeleteZoneMutation,
  SetZoneVillagesMutation,
  TownshipZonesQuery,
  UpdateZoneMutation,
} from './zones-page.graphql.js';

type Township = NonNullable<ResultOf<typeof TownshipZonesQuery>['region']>;
type Zone = Township['zones'][number];

interface ZoneForm {
  name: string;
  headName?: string;
  villageIds: string[];
}

/** `/zones`: the coordinator groups the township's villages into zones (片区). */
export function ZonesPage() {
  const { me, error } = useMe();
  if (!me) return error ? <PageError code={errorCodeOf(error)} /> : <PageLoading />;
  return <Zones townshipId={me.homeRegion.id} />;
}

function Zones({ townshipId }: { townshipId: string }) {
  const t = useT();
  const [result, refetch] = useQuery({ query: TownshipZonesQuery, variables: { id: townshipId } });
  const [, remove] = useMutation(DeleteZoneMutation);
  const [editing, setEditing] = useState<Zone | 'new' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!result.data) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  const township = result.data.region;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
  };
  const villages = township.children.filter(
    (c) => (c.level === 'village' || c.level === 'community') && !c.mergedOn,
  );
  const unzoned = villages.filter((v) => !v.zone);

  const deleteZone = async (z: Zone) => {
    const res = (await remove({ id: z.id })).data?.deleteZone;
    if (res?.__typename === 'ZoneSaved') {
      setProblem(null);
      reload();
    } else
      setProblem(
        res ? (outcomeMessage(res, t) ?? t('township.zones.failed')) : t('township.zones.failed'),
      );
  };

  const columns: TableColumnsType<Zone> = [
    { key: 'name', title: t('township.zones.name'), dataIndex: 'name' },
    { key: 'head', title: t('township.zones.head'), render: (_, z) => z.headName ?? '—' },
    { key: 'count', title: t('township.zones.count'), dataIndex: 'villageCount', width: 70 },
    {
      key: 'villages',
      title: t('township.zones.villages'),
      render: (_, z) => z.villages.map((v) => v.name).join(t('township.listSeparator')),
    },
    {
      key: 'actions',
      title: t('township.zones.actions'),
      width: 140,
      render: (_, z) => (
        <Space>
          <Button
            size="small"
            onClick={() => {
              setEditing(z);
            }}
            data-testid="zone-edit"
          >
            {t('township.zones.edit')}
          </Button>
          <Popconfirm
            title={t('township.zones.deleteConfirm', { name: z.name })}
            onConfirm={() => void deleteZone(z)}
          >
            <Button size="small" danger data-testid="zone-delete">
              {t('township.zones.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="zones-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('township.zones.title', { name: township.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('township.zones.intro')}
      </Typography.Paragraph>
      <Space>
        <Button
          type="primary"
          onClick={() => {
            setEditing('new');
          }}
          data-testid="zone-add"
        >
          {t('township.zones.add')}
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon title={problem} data-testid="zones-problem" />}
      <Table<Zone>
        data-testid="zones-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={township.zones}
        pagination={false}
        locale={{ emptyText: t('township.zones.empty') }}
      />
      {unzoned.length > 0 && (
        <Typography.Text type="secondary" data-testid="zones-unzoned">
          {t('township.zones.unzoned', {
            names: unzoned.map((v) => v.name).join(t('township.listSeparator')),
          })}
        </Typography.Text>
      )}
      {editing && (
        <ZoneEditor
          townshipId={townshipId}
          zone={editing === 'new' ? null : editing}
          villages={villages}
          onClose={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </Flex>
  );
}

function ZoneEditor({
  townshipId,
  zone,
  villages,
  onClose,
}: {
  townshipId: string;
  zone: Zone | null;
  villages: Township['children'];
  onClose: (saved: boolean) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ZoneForm>();
  const [, create] = useMutation(CreateZoneMutation);
  const [, update] = useMutation(UpdateZoneMutation);
  const [, assign] = useMutation(SetZoneVillagesMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (res: { __typename: string; message?: string } | undefined) => {
    setProblem(
      res ? (outcomeMessage(res, t) ?? t('township.zones.failed')) : t('township.zones.failed'),
    );
  };

  const save = async (v: ZoneForm) => {
    setBusy(true);
    setProblem(null);
    const input = { name: v.name, headName: v.headName ?? null };
    const saved = zone
      ? (await update({ id: zone.id, input })).data?.updateZone
      : (await create({ townshipId, input })).data?.createZone;
    if (saved?.__typename !== 'ZoneSaved') {
      setBusy(false);
      fail(saved);
      return;
    }
    const assigned = (await assign({ id: saved.zoneId, villageIds: v.villageIds })).data
      ?.setZoneVillages;
    setBusy(false);
    if (assigned?.__typename === 'ZoneSaved') onClose(true);
    else fail(assigned);
  };

  return (
    <Modal
      open
      title={zone ? `${t('township.zones.edit')} · ${zone.name}` : t('township.zones.add')}
      okText={t('township.zones.save')}
      cancelText={t('township.zones.cancel')}
      confirmLoading={busy}
      onOk={() => {
        form.submit();
      }}
      onCancel={() => {
        onClose(false);
      }}
    >
      <Form<ZoneForm>
        form={form}
        layout="vertical"
        initialValues={{
          name: zone?.name ?? '',
          headName: zone?.headName ?? '',
          villageIds: zone?.villages.map((v) => v.id) ?? [],
        }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="name" label={t('township.zones.name')} rules={[{ required: true }]}>
          <Input maxLength={30} data-testid="zone-name" />
        </Form.Item>
        <Form.Item name="headName" label={t('township.zones.head')}>
          <Input maxLength={20} data-testid="zone-head" />
        </Form.Item>
        <Form.Item name="villageIds" label={t('township.zones.villages')}>
          <Select
            mode="multiple"
            data-testid="zone-villages"
            showSearch={{ optionFilterProp: 'label' }}
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
          />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="zone-problem" />}
    </Modal>
  );
}
