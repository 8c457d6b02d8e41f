import { useMe, type ResultOf } from '@huanjie/client';
import type { Role } from '@huanjie/domain';
import { ROLE_INFO, accountLevels, grantableRoles, roleAllows } from '@huanjie/domain';
import { outcomeMessage, useLanguage } from '@huanjie/ui';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { XLSX_TYPE, downloadBase64 } from '../../sheets/sheet-files.js';
import {
  AccountRegionsQuery,
  AccountsQuery,
  BulkCreateAccountsMutation,
  CreateAccountMutation,
  ResetAccountPasswordMutation,
  SetAccountDisabledMutation,
  UpdateAccountMutation,
} from './accounts-page.graphql.js';
import { keepIssuedSlips } from './issued-slips.js';

type Account = ResultOf<typeof AccountsQuery>['accounts'][number];
type Status = Account['status'];
type RegionNode = ResultOf<typeof AccountRegionsQuery>['myRegions'][number];
type BulkKind = 'village_clerks' | 'township_coordinators' | 'guidance_members';

interface Issued {
  count: number;
  xlsxBase64: string;
  slips: readonly {
    username: string;
    displayName: string;
    roleLabel: string;
    app: 'village' | 'township' | 'county';
    regionName: string;
    oneTimePassword: string;
  }[];
}

const STATUS_COLOR: Record<Status, string> = {
  active: 'green',
  disabled: 'default',
  must_change_password: 'orange',
};

interface Filter {
  text: string;
  role: Role | null;
  status: Status | null;
  regionId: string | null;
}

/** `/accounts`: the accounts the signed-in admin or coordinator manages. */
export function AccountsPage() {
  const { me, error } = useMe();
  if (!me) return error ? <PageError code="UNKNOWN" /> : <PageLoading />;
  if (!roleAllows(me.role, 'user.manage')) return <PageError code="FORBIDDEN" />;
  return (
    <App>
      <Accounts managerRole={me.role} />
    </App>
  );
}

interface TreeNode {
  value: string;
  title: string;
  level: string;
  children?: TreeNode[];
}

function treeOf(nodes: readonly RegionNode[]): TreeNode[] {
  const walk = (n: {
    id: string;
    name: string;
    level: string;
    children?: readonly { id: string; name: string; level: string; children?: unknown }[];
  }): TreeNode => ({
    value: n.id,
    title: n.name,
    level: n.level,
    children: (n.children ?? [])
      .filter((c) => c.level !== 'group')
      .map((c) => walk(c as Parameters<typeof walk>[0])),
  });
  return nodes.map(walk);
}

function Accounts({ managerRole }: { managerRole: Role }) {
  const t = useT();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>({
    text: '',
    role: null,
    status: null,
    regionId: null,
  });
  const variables = useMemo(
    () => ({
      filter: {
        text: filter.text || null,
        role: filter.role,
        status: filter.status,
        regionId: filter.regionId,
      },
    }),
    [filter],
  );
  const [result, refetch] = useQuery({ query: AccountsQuery, variables });
  const [regions] = useQuery({ query: AccountRegionsQuery });
  const [, createAccount] = useMutation(CreateAccountMutation);
  const [, bulkCreate] = useMutation(BulkCreateAccountsMutation);
  const [, resetPassword] = useMutation(ResetAccountPasswordMutation);
  const [, updateAccount] = useMutation(UpdateAccountMutation);
  const [, setDisabled] = useMutation(SetAccountDisabledMutation);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
  };
  const grantable = grantableRoles(managerRole);
  const tree = useMemo(() => treeOf(regions.data?.myRegions ?? []), [regions.data]);
  const roleName = (role: Role) => ROLE_INFO[role].label[language];

  const show = (outcome: { __typename: string } & Partial<Issued>) => {
    if (outcome.__typename !== 'IssuedPasswords' || !outcome.slips) {
      void message.error(outcomeMessage(outcome, t) ?? t('accounts.failed'));
      return;
    }
    if (outcome.slips.length === 0) {
      void message.info(t('accounts.bulkNone'));
      return;
    }
    const batch = {
      count: outcome.count ?? 0,
      xlsxBase64: outcome.xlsxBase64 ?? '',
      slips: outcome.slips,
    };
    keepIssuedSlips(batch.slips);
    setIssued(batch);
    refresh();
  };

  const bulk = (kind: BulkKind) => {
    modal.confirm({
      title: t('accounts.bulkConfirm', { what: t(`accounts.bulk.${kind}`) }),
      onOk: async () => {
        const res = await bulkCreate({ kind, regionId: null });
        const outcome = res.data?.bulkCreateAccounts;
        if (!outcome) void message.error(t('accounts.failed'));
        else show(outcome);
      },
    });
  };
  const bulkKinds: BulkKind[] = (
    ['township_coordinators', 'village_clerks', 'guidance_members'] as const
  ).filter((k) =>
    grantable.includes(
      k === 'village_clerks'
        ? 'village_clerk'
        : k === 'township_coordinators'
          ? 'township_coordinator'
          : 'guidance_member',
    ),
  );

  if (!result.data) {
    if (result.error) {
      const code = result.error.graphQLErrors[0]?.extensions['code'];
      return <PageError code={typeof code === 'string' ? code : 'UNKNOWN'} />;
    }
    return <PageLoading />;
  }
  const accounts = result.data.accounts;

  const columns: TableColumnsType<Account> = [
    { key: 'username', title: t('accounts.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName' },
    {
      key: 'role',
      title: t('accounts.role'),
      render: (_, a) => (language === 'zh' ? a.roleLabel : roleName(a.role)),
    },
    { key: 'region', title: t('accounts.region'), dataIndex: 'regionName' },
    {
      key: 'status',
      title: t('accounts.status'),
      render: (_, a) => (
        <Tag color={STATUS_COLOR[a.status]} data-testid="account-status">
          {t(`accounts.status.${a.status}`)}
        </Tag>
      ),
    },
    {
      key: 'lastSignIn',
      title: t('accounts.lastSignIn'),
      render: (_, a) =>
        a.lastSignInAt
          ? new Date(a.lastSignInAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', {
              timeZone: 'Asia/Shanghai',
            })
          : t('accounts.never'),
    },
    {
      key: 'actions',
      title: '',
      render: (_, a) => (
        <Space size={0}>
          <Button
            size="small"
            type="link"
            onClick={() => {
              setEditing(a);
            }}
            data-testid="account-edit"
          >
            {t('accounts.edit')}
          </Button>
          {a.status === 'disabled' ? (
            <Button
              size="small"
              type="link"
              data-testid="account-enable"
              onClick={() =>
                void setDisabled({ id: a.id, disabled: false }).then((res) => {
                  const o = res.data?.setAccountDisabled;
                  const failure = o ? outcomeMessage(o, t) : t('accounts.failed');
                  if (failure) void message.error(failure);
                  refresh();
                })
              }
            >
              {t('accounts.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('accounts.disableConfirm', { name: a.displayName })}
              onConfirm={() =>
                void setDisabled({ id: a.id, disabled: true }).then((res) => {
                  const o = res.data?.setAccountDisabled;
                  const failure = o ? outcomeMessage(o, t) : t('accounts.failed');
                  if (failure) void message.error(failure);
                  refresh();
                })
              }
            >
              <Button size="small" type="link" danger data-testid="account-disable">
                {t('accounts.disable')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('accounts.resetConfirm', { name: a.displayName })}
            onConfirm={() =>
              void resetPassword({ id: a.id }).then((res) => {
                const o = res.data?.resetAccountPassword;
                if (!o) void message.error(t('accounts.failed'));
                else show(o);
              })
            }
          >
            <Button size="small" type="link" data-testid="account-reset">
              {t('accounts.reset')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="accounts-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
        <Space wrap>
          <Button
            type="primary"
            onClick={() => {
              setEditing('new');
            }}
            data-testid="account-create"
          >
            {t('accounts.create')}
          </Button>
          <Dropdown
            menu={{
              items: bulkKinds.map((k) => ({
                key: k,
                label: <span data-testid={`bulk-${k}`}>{t(`accounts.bulk.${k}`)}</span>,
              })),
              onClick: ({ key }) => {
                bulk(key as BulkKind);
              },
            }}
          >
            <Button data-testid="accounts-bulk">{t('accounts.bulk')}</Button>
          </Dropdown>
        </Space>
      </Flex>
      <Space wrap data-testid="accounts-filter">
        <Input.Search
          allowClear
          placeholder={t('accounts.search')}
          style={{ width: 200 }}
          onSearch={(text) => {
            setFilter((f) => ({ ...f, text }));
          }}
          data-testid="accounts-search"
        />
        <Select<Role | null>
          style={{ width: 170 }}
          value={filter.role}
          onChange={(role) => {
            setFilter((f) => ({ ...f, role }));
          }}
          options={[
            { value: null, label: t('accounts.anyRole') },
            ...grantable.map((r) => ({ value: r, label: roleName(r) })),
          ]}
        />
        <Select<Status | null>
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => {
            setFilter((f) => ({ ...f, status }));
          }}
          options={[
            { value: null, label: t('accounts.anyStatus') },
            ...(['active', 'must_change_password', 'disabled'] as const).map((s) => ({
              value: s,
              label: t(`accounts.status.${s}`),
            })),
          ]}
        />
        <TreeSelect
          allowClear
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: 220 }}
          placeholder={t('accounts.anyRegion')}
          treeData={tree}
          value={filter.regionId ?? undefined}
          onChange={(regionId: string | undefined) => {
            setFilter((f) => ({ ...f, regionId: regionId ?? null }));
          }}
        />
        <Typography.Text type="secondary">
          {t('accounts.count', { count: accounts.length })}
        </Typography.Text>
      </Space>
      <Table<Account>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={accounts}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="accounts-table"
      />
      {editing && (
        <AccountForm
          account={editing === 'new' ? null : editing}
          grantable={grantable}
          tree={tree}
          onClose={() => {
            setEditing(null);
          }}
          onSave={async (values) => {
            if (editing === 'new') {
              const res = await createAccount({ input: values });
              const o = res.data?.createAccount;
              if (!o) return t('accounts.failed');
              if (o.__typename !== 'IssuedPasswords') return outcomeMessage(o, t);
              show(o);
              return null;
            }
            const res = await updateAccount({
              id: editing.id,
              input: {
                displayName: values.displayName,
                role: values.role,
                regionId: values.regionId,
              },
            });
            const o = res.data?.updateAccount;
            const failure = o ? outcomeMessage(o, t) : t('accounts.failed');
            if (!failure) {
              void message.success(t('accounts.saved'));
              refresh();
            }
            return failure;
          }}
        />
      )}
      {issued && (
        <Modal
          open
          width={760}
          title={t('accounts.issuedTitle', { count: issued.count })}
          onCancel={() => {
            setIssued(null);
          }}
          footer={[
            <Button
              key="xlsx"
              onClick={() => {
                downloadBase64(t('accounts.xlsxName'), issued.xlsxBase64, XLSX_TYPE);
              }}
              data-testid="issued-download"
            >
              {t('accounts.download')}
            </Button>,
            <Button
              key="print"
              type="primary"
              onClick={() => void navigate('/accounts/slips')}
              data-testid="issued-print"
            >
              {t('accounts.print')}
            </Button>,
          ]}
        >
          <Alert
            type="warning"
            showIcon
            title={t('accounts.issuedNote')}
            style={{ marginBottom: 12 }}
          />
          <Table
            rowKey="username"
            size="small"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={issued.slips}
            data-testid="issued-table"
            columns={[
              { key: 'region', title: t('accounts.region'), dataIndex: 'regionName' },
              { key: 'name', title: t('accounts.displayName'), dataIndex: 'displayName' },
              { key: 'username', title: t('accounts.username'), dataIndex: 'username' },
              {
                key: 'password',
                title: t('accounts.oneTimePassword'),
                dataIndex: 'oneTimePassword',
                render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
              },
            ]}
          />
        </Modal>
      )}
    </Flex>
  );
}

interface AccountValues {
  username: string;
  displayName: string;
  role: Role;
  regionId: string;
}

function AccountForm({
  account,
  grantable,
  tree,
  onClose,
  onSave,
}: {
  account: Account | null;
  grantable: readonly Role[];
  tree: TreeNode[];
  onClose: () => void;
  onSave: (values: AccountValues) => Promise<string | null>;
}) {
  const t = useT();
  const { language } = useLanguage();
  const [form] = Form.useForm<AccountValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // undefined until the form has its values, whatever its type says
  const role = Form.useWatch('role', form) as Role | undefined;
  const levels = role === undefined ? [] : accountLevels(role);
  // only regions of the level the chosen role belongs to can be picked
  const pickable = (nodes: TreeNode[]): TreeNode[] =>
    nodes.map((n) => ({
      ...n,
      disabled: !(levels as readonly string[]).includes(n.level),
      children: n.children ? pickable(n.children) : undefined,
    }));
  const required = (field: string) => [
    { required: true, message: t('accounts.required', { field }) },
  ];
  return (
    <Modal
      open
      title={account ? `${t('accounts.edit')} ${account.username}` : t('accounts.create')}
      okText={t('accounts.save')}
      cancelText={t('accounts.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then(async (values) => {
          setSaving(true);
          const problem = await onSave(values);
          setSaving(false);
          if (problem) setFailure(problem);
          else onClose();
        });
      }}
    >
      <Form<AccountValues>
        form={form}
        layout="vertical"
        initialValues={
          account
            ? {
                username: account.username,
                displayName: account.displayName,
                role: account.role,
                regionId: account.regionId,
              }
            : { role: grantable[grantable.length - 1] }
        }
        data-testid="account-form"
      >
        <Form.Item
          name="username"
          label={t('accounts.username')}
          rules={required(t('accounts.username'))}
        >
          <Input disabled={account !== null} data-testid="account-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('accounts.displayName')}
          rules={required(t('accounts.displayName'))}
        >
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')} rules={required(t('accounts.role'))}>
          <Select
            options={grantable.map((r) => ({ value: r, label: ROLE_INFO[r].label[language] }))}
            data-testid="account-role"
          />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('accounts.region')}
          rules={required(t('accounts.region'))}
        >
          <TreeSelect
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeData={pickable(tree)}
            data-testid="account-region"
          />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} data-testid="account-form-error" />}
    </Modal>
  );
}
