import { errorCodeOf, type ResultOf } from '@huanjie/client';
import { keepIssuedSlips, PageError, PageLoading } from '@huanjie/desktop';
import { outcomeMessage, useCan } from '@huanjie/ui';
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import {
  CreateCountyAdminMutation,
  UpperTreeQuery,
} from './counties-page.graphql.js';
import { CreateRegionMutation } from './regions-admin-page.graphql.js';

type Home = ResultOf<typeof UpperTreeQuery>['myRegions'][number];
interface Node {
  id: string;
  name: string;
  level: string;
  divisionCode: string;
  children?: Node[];
}
interface Place {
  id: string;
  name: string;
}
type Issued = NonNullable<
  Extract<
    NonNullable<ResultOf<typeof CreateCountyAdminMutation>['createAccount']>,
    { __typename: 'IssuedPasswords' }
  >
>;

/** A province's cities with their counties, a city's counties (never the counties' own tree). */
function nodesOf(home: Home): Node[] {
  return home.children.map((c) => {
    const { children, ...node } = c;
    return home.level === 'province'
      ? {
          ...node,
          children: children.map(({ id, name, level, divisionCode }) => ({
            id,
            name,
            level,
            divisionCode,
          })),
        }
      : node;
  });
}

/**
 * `/counties`: a province admin adds the cities (市/州) of the province and the counties of its
 * cities, a city admin the counties of the city, and then each county's first admin, whose
 * one-time password is printed on a slip. The county's own tree is then its admin's.
 */
export function CountiesPage() {
  const t = useT();
  const { can } = useCan();
  const [tree, refetch] = useQuery({ query: UpperTreeQuery });
  const [adding, setAdding] = useState<'city' | 'county' | null>(null);
  const [adminFor, setAdminFor] = useState<Place | null>(null);
  if (!tree.data) {
    return tree.error ? <PageError code={errorCodeOf(tree.error)} /> : <PageLoading />;
  }
  const home = tree.data.myRegions[0];
  if (!home) return <PageError code="NOT_FOUND" />;
  const writable = can('county.create');
  const cities = home.level === 'province' ? home.children : [];
  const parents: Place[] = home.level === 'province' ? cities : [home];
  return (
    <div data-testid="counties-page">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3}>
          {t('county.counties.title', { name: home.name })}
        </Typography.Title>
        {writable && (
          <Space>
            {home.level === 'province' && (
              <Button
                onClick={() => {
                  setAdding('city');
                }}
                data-testid="counties-add-city"
              >
                {t('county.counties.addCity')}
              </Button>
            )}
            <Button
              type="primary"
              disabled={parents.length === 0}
              onClick={() => {
                setAdding('county');
              }}
              data-testid="counties-add-county"
            >
              {t('county.counties.addCounty')}
            </Button>
          </Space>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('county.counties.intro')}</Typography.Paragraph>
      <Table<Node>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={nodesOf(home)}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="counties-table"
        columns={[
          { title: t('county.counties.name'), dataIndex: 'name' },
          {
            title: t('county.counties.level'),
            render: (_, r) =>
              t(r.level === 'city' ? 'county.counties.city' : 'county.counties.county'),
          },
          { title: t('county.counties.code'), dataIndex: 'divisionCode' },
          {
            title: '',
            render: (_, r) =>
              writable &&
              r.level === 'county' && (
                <Button
                  size="small"
                  onClick={() => {
                    setAdminFor(r);
                  }}
                  data-testid={`counties-admin-${r.name}`}
                >
                  {t('county.counties.addAdmin')}
                </Button>
              ),
          },
        ]}
      />
      {adding && (
        <RegionForm
          level={adding}
          parents={adding === 'city' ? [home] : parents}
          onClose={(created) => {
            setAdding(null);
            if (created) {
              refetch({ requestPolicy: 'network-only' });
              // a new county's first admin comes next
              if (adding === 'county') setAdminFor(created);
            }
          }}
        />
      )}
      {adminFor && (
        <AdminForm
          county={adminFor}
          onClose={() => {
            setAdminFor(null);
          }}
        />
      )}
    </div>
  );
}

interface RegionValues {
  parentId: string;
  name: string;
  code: string;
}

function RegionForm({
  level,
  parents,
  onClose,
}: {
  level: 'city' | 'county';
  parents: Place[];
  onClose: (created: Place | null) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RegionValues>();
  const [, create] = useMutation(CreateRegionMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (v: RegionValues) => {
    setBusy(true);
    setProblem(null);
    const res = (
      await create({
        input: { parentId: v.parentId, level, name: v.name.trim(), code: v.code.trim() },
      })
    ).data?.createRegion;
    setBusy(false);
    if (res?.__typename === 'RegionSaved') onClose({ id: res.regionId, name: v.name.trim() });
    else setProblem((res && outcomeMessage(res, t)) ?? t('county.counties.failed'));
  };
  return (
    <Modal
      open
      title={t(level === 'city' ? 'county.counties.addCity' : 'county.counties.addCounty')}
      okText={t('county.counties.save')}
      cancelText={t('county.counties.cancel')}
      confirmLoading={busy}
      onCancel={() => {
        onClose(null);
      }}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ id: 'counties-region-save' }}
    >
      <Form<RegionValues>
        form={form}
        layout="vertical"
        initialValues={{ parentId: parents.length === 1 ? parents[0]?.id : undefined }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="parentId"
          label={t('county.counties.parent')}
          rules={[{ required: true, message: t('county.counties.parentRequired') }]}
        >
          <Select
            options={parents.map((p) => ({ value: p.id, label: p.name }))}
            disabled={parents.length === 1}
            data-testid="counties-parent"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('county.counties.name')}
          rules={[{ required: true, message: t('county.counties.nameRequired') }]}
        >
          <Input maxLength={40} data-testid="counties-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('county.counties.code')}
          extra={t('county.counties.codeHint')}
          rules={[{ required: true, message: t('county.counties.codeRequired') }]}
        >
          <Input maxLength={12} data-testid="counties-code" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="counties-problem" />}
    </Modal>
  );
}

interface AdminValues {
  username: string;
  displayName: string;
}

function AdminForm({ county, onClose }: { county: Place; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<AdminValues>();
  const [, create] = useMutation(CreateCountyAdminMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const save = async (v: AdminValues) => {
    setBusy(true);
    setProblem(null);
    const res = (
      await create({
        input: {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: 'county_admin',
          regionId: county.id,
        },
      })
    ).data?.createAccount;
    setBusy(false);
    if (res?.__typename === 'IssuedPasswords') {
      keepIssuedSlips(res.slips);
      setIssued(res);
    } else setProblem((res && outcomeMessage(res, t)) ?? t('county.counties.failed'));
  };
  if (issued) {
    return (
      <Modal
        open
        title={t('county.counties.issuedTitle', { name: county.name })}
        onCancel={onClose}
        footer={[
          <Button
            key="print"
            type="primary"
            onClick={() => void navigate('/accounts/slips')}
            data-testid="counties-print"
          >
            {t('county.counties.print')}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon title={t('county.counties.issuedNote')} />
        {issued.slips.map((s) => (
          <Typography.Paragraph key={s.username} style={{ marginTop: 12 }}>
            {t('county.counties.slipLine', { name: s.displayName, username: s.username })}
            <Typography.Text code data-testid="counties-one-time-password">
              {s.oneTimePassword}
            </Typography.Text>
          </Typography.Paragraph>
        ))}
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('county.counties.adminTitle', { name: county.name })}
      okText={t('county.counties.save')}
      cancelText={t('county.counties.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okButtonProps={{ id: 'counties-admin-save' }}
    >
      <Form<AdminValues> form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="username"
          label={t('county.counties.username')}
          rules={[{ required: true, message: t('county.counties.usernameRequired') }]}
        >
          <Input maxLength={40} data-testid="counties-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('county.counties.displayName')}
          rules={[{ required: true, message: t('county.counties.displayNameRequired') }]}
        >
          <Input maxLength={40} data-testid="counties-display-name" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="counties-problem" />}
    </Modal>
  );
}
