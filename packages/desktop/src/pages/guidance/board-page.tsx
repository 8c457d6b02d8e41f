import { readFragment, useMe, type ResultOf } from '@huanjie/client';
import {
  App,
  Badge,
  Flex,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useParams } from 'react-router';
import { useClient, useMutation } from 'urql';
import { outcomeMessage, useCan } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { ExportButton } from '../../sheets/export-button.js';
import { GuidanceBoardQuery, SetResponsibilityMutation } from './board-page.graphql.js';
import { FindingFieldsFragment, FindingsList } from './findings-list.js';
import { GuidanceNav } from './guidance-nav.js';
import {
  CadreFieldsFragment,
  GuidanceBoardFieldsFragment,
  TeamFieldsFragment,
} from './teams-panel.graphql.js';
import { TeamsPanel, type ChangedBoard } from './teams-panel.js';

type Board = ResultOf<typeof GuidanceBoardFieldsFragment>;
type Village = Board['villages'][number];

const RISK_COLOR: Record<string, string> = { difficult: 'red', key: 'orange', normal: 'default' };

/**
 * `/guidance` (the coordinator's own township) or `/guidance/townships/:id` (drill-down from the
 * county): villages beside teams and cadres; coverage problems recomputed after every change.
 */
export function GuidanceBoardPage() {
  const { id } = useParams();
  const { me, error } = useMe();
  const { can } = useCan();
  const townshipId = id ?? me?.homeRegion.id;
  if (!townshipId) {
    if (error) return <PageError code="UNKNOWN" />;
    return <PageLoading />;
  }
  return (
    <App>
      <Board
        townshipId={townshipId}
        editable={id === undefined && can('guidance.manage')}
      />
    </App>
  );
}

/**
 * The board as last loaded or as the last change left it. Loaded once per township, not held by an
 * active query: urql's document cache would reload an active one after every change (each answer
 * holds a GuidanceTeam), while each change's answer carries the board already.
 */
function useBoard(townshipId: string) {
  const client = useClient();
  const [state, setState] = useState<{
    townshipId: string;
    board: ChangedBoard | null;
    error: string | null;
  } | null>(null);
  const load = useCallback(() => {
    let live = true;
    void client
      .query(GuidanceBoardQuery, { townshipId }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        const code = result.error?.graphQLErrors[0]?.extensions['code'];
        setState({
          townshipId,
          board: result.data?.guidanceBoard ?? null,
          error: result.data ? null : typeof code === 'string' ? code : 'UNKNOWN',
        });
      });
    return () => {
      live = false;
    };
  }, [client, townshipId]);
  useEffect(load, [load]);
  const changed = useCallback(
    (board?: ChangedBoard) => {
      if (board) setState({ townshipId, board, error: null });
      else load();
    },
    [load, townshipId],
  );
  const current = state?.townshipId === townshipId ? state : null;
  return { board: current?.board ?? null, error: current?.error ?? null, changed };
}

function Board({ townshipId, editable }: { townshipId: string; editable: boolean }) {
  const t = useT();
  const { board: data, error, changed } = useBoard(townshipId);
  if (!data) {
    if (error) return <PageError code={error} />;
    return <PageLoading />;
  }
  const board = readFragment(GuidanceBoardFieldsFragment, data);
  return (
    <Flex vertical gap={16} data-testid="guidance-board">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('guidance.boardTitle', { name: board.township.name })}
        </Typography.Title>
        {editable && <GuidanceNav current="board" />}
      </Flex>
      <Typography.Text type="secondary">
        {board.campaign.name} · {t('guidance.electionDay')}{' '}
        <span data-testid="board-election-days">
          {(board.electionDays.length > 0 ? board.electionDays : [board.campaign.electionDay]).join(
            t('desktop.listSeparator'),
          )}
        </span>
      </Typography.Text>
      <Summary board={board} />
      <FindingsList findings={board.findings} />
      <Flex gap={16} align="start" wrap>
        <div style={{ flex: '3 1 640px', minWidth: 0 }}>
          <VillagesTable board={board} editable={editable} onChanged={changed} />
        </div>
        <div
          style={{
            flex: '2 1 360px',
            minWidth: 0,
            position: 'sticky',
            top: 16,
            maxHeight: 'calc(100vh - 32px)',
            overflowY: 'auto',
          }}
        >
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('guidance.teams')}
          </Typography.Title>
          <TeamsPanel
            kind="guidance"
            ownerId={board.township.id}
            teams={board.teams}
            roster={board.cadres.map((c) => c.cadre)}
            targets={[
              ...board.villages.map((v) => ({ value: v.id, label: v.name })),
              ...board.zones.map((z) => ({
                value: z.id,
                label: t('guidance.zoneLabel', { name: z.name, count: z.villageIds.length }),
              })),
            ]}
            editable={editable}
            onChanged={changed}
          />
        </div>
      </Flex>
    </Flex>
  );
}

function Summary({ board }: { board: Board }) {
  const t = useT();
  const s = board.summary;
  return (
    <Flex gap={32} wrap data-testid="coverage-summary">
      <Statistic
        title={t('guidance.covered')}
        value={s.coveredVillages}
        suffix={`/ ${String(s.villages)}`}
      />
      <Statistic
        title={t('guidance.meetingMinimum', { min: board.rules.minCadresPerVillage })}
        value={s.villagesMeetingMinimum}
        suffix={`/ ${String(s.villages)}`}
      />
      <Statistic
        title={t('guidance.errors')}
        value={s.errors}
        styles={{ content: { color: s.errors > 0 ? '#cf1322' : undefined } }}
      />
      <Statistic
        title={t('guidance.warnings')}
        value={s.warnings}
        styles={{ content: { color: s.warnings > 0 ? '#d48806' : undefined } }}
      />
    </Flex>
  );
}

function VillagesTable({
  board,
  editable,
  onChanged,
}: {
  board: Board;
  editable: boolean;
  onChanged: (board?: ChangedBoard) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [, setResponsibility] = useMutation(SetResponsibilityMutation);
  const teamName = useMemo(
    () =>
      new Map(
        board.teams.map((data) => {
          const team = readFragment(TeamFieldsFragment, data);
          return [team.id, team.name];
        }),
      ),
    [board.teams],
  );
  const problemsOf = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of board.findings)
      for (const id of readFragment(FindingFieldsFragment, f).villageIds)
        counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [board.findings]);
  const roster = board.cadres.map((c) => readFragment(CadreFieldsFragment, c.cadre));
  const min = board.rules.minCadresPerVillage;

  const setPeople = async (village: Village, kind: 'first' | 'direct', cadreIds: string[]) => {
    const result = await setResponsibility({ villageId: village.id, kind, cadreIds });
    const outcome = result.data?.setVillageResponsibility;
    const failure = outcome ? outcomeMessage(outcome, t) : t('guidance.failed');
    if (failure) void message.error(failure);
    onChanged(
      failure === null && outcome?.__typename === 'VillageResponsibility'
        ? (outcome.board ?? undefined)
        : undefined,
    );
  };
  const rosterOptions = roster.map((c) => ({ value: c.id, label: c.name }));

  const columns: TableColumnsType<Village> = [
    {
      key: 'name',
      title: t('guidance.village'),
      render: (_, v) => (
        <Flex vertical gap={2}>
          <Space size={4} wrap>
            <span>{v.name}</span>
            {v.riskLevel && v.riskLevel !== 'normal' && (
              <Tag color={RISK_COLOR[v.riskLevel]} style={{ marginInlineEnd: 0 }}>
                {v.riskLabel}
              </Tag>
            )}
          </Space>
          {v.zoneName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.zoneName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'day',
      title: t('guidance.electionDay'),
      render: (_, v) => v.electionDays.join(t('desktop.listSeparator')),
    },
    {
      key: 'tracks',
      title: t('guidance.progress'),
      render: (_, v) =>
        v.tracks.length === 0 ? (
          <Typography.Text type="secondary">{t('guidance.notStarted')}</Typography.Text>
        ) : (
          <Space size={2} wrap>
            {v.tracks.map((p) => (
              <Tooltip
                key={p.track}
                title={t('guidance.progressTip', {
                  track: p.trackLabel,
                  approved: p.approved,
                  total: p.total,
                  submitted: p.submitted,
                })}
              >
                <Tag
                  color={p.returned > 0 ? 'orange' : p.approved === p.total ? 'green' : undefined}
                >
                  {p.track} {p.approved}/{p.total}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
    {
      key: 'teams',
      title: t('guidance.team'),
      render: (_, v) =>
        v.teamIds.length === 0 ? (
          <Tag color="red">{t('guidance.noTeam')}</Tag>
        ) : (
          v.teamIds.map((id) => <Tag key={id}>{teamName.get(id) ?? id}</Tag>)
        ),
    },
    {
      key: 'cadres',
      title: t('guidance.cadres'),
      align: 'center',
      render: (_, v) => (
        <Tooltip
          title={
            v.cadres
              .map((c) =>
                t('desktop.guidance.cadreRoles', {
                  name: c.cadre.name,
                  roles: c.roleLabels.join(t('desktop.listSeparator')),
                }),
              )
              .join(t('common.listSeparator')) || t('guidance.none')
          }
        >
          <Typography.Text
            type={v.cadreCount < min ? 'danger' : undefined}
            data-testid="village-cadre-count"
          >
            {v.cadreCount}
          </Typography.Text>
        </Tooltip>
      ),
    },
    {
      key: 'responsible',
      title: t('guidance.responsible'),
      render: (_, v) =>
        editable ? (
          <Flex vertical gap={4} style={{ width: 150 }}>
            <Select
              size="small"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('guidance.firstResponsible')}
              value={v.firstResponsible?.id}
              onChange={(value: string | undefined) =>
                void setPeople(v, 'first', value ? [value] : [])
              }
              options={rosterOptions}
              data-testid="first-responsible"
            />
            <Select
              size="small"
              mode="multiple"
              maxTagCount="responsive"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('guidance.directResponsible')}
              value={v.directResponsible.map((c) => c.id)}
              onChange={(values: string[]) => void setPeople(v, 'direct', values)}
              options={rosterOptions}
              data-testid="direct-responsible"
            />
          </Flex>
        ) : (
          <Flex vertical>
            <span>{v.firstResponsible?.name ?? '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {v.directResponsible.map((c) => c.name).join(t('desktop.listSeparator'))}
            </Typography.Text>
          </Flex>
        ),
    },
    {
      key: 'problems',
      title: t('guidance.problemCount'),
      align: 'center',
      render: (_, v) => (
        <Badge
          count={problemsOf.get(v.id) ?? 0}
          showZero
          color={(problemsOf.get(v.id) ?? 0) > 0 ? 'red' : 'green'}
        />
      ),
    },
  ];

  const rows = onlyProblems
    ? board.villages.filter((v) => (problemsOf.get(v.id) ?? 0) > 0)
    : board.villages;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('guidance.villages')}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('guidance.onlyProblems')}</Typography.Text>
          <Switch size="small" checked={onlyProblems} onChange={setOnlyProblems} />
          <ExportButton
            name="guidance-board"
            testId="guidance-board-export"
            params={{
              townshipId: board.township.id,
              campaignId: board.campaign.id,
              onlyProblems: onlyProblems ? 'true' : null,
            }}
          />
        </Space>
      </Flex>
      <Table<Village>
        data-testid="board-villages"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(v) =>
          ({
            'data-testid': 'village-row',
            'data-village-name': v.name,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </Flex>
  );
}
