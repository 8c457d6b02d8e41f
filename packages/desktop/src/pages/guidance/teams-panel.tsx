import { readFragment, type FragmentOf } from '@huanjie/client';
import type { TeamKind, TeamRole } from '@huanjie/domain';
import { rolesForTeamKind } from '@huanjie/domain';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { outcomeMessage } from '@huanjie/ui';
import { useT } from '../../i18n.js';
import {
  AssignTeamMutation,
  CadreFieldsFragment,
  CreateTeamMutation,
  DeleteTeamMutation,
  type GuidanceBoardFieldsFragment,
  RemoveMemberMutation,
  SetMemberMutation,
  TeamFieldsFragment,
  UnassignTeamMutation,
  UpdateTeamMutation,
} from './teams-panel.graphql.js';

export interface AssignTarget {
  /** "Region:n" or "Zone:n". */
  value: string;
  label: string;
}

interface Props {
  kind: TeamKind;
  ownerId: string;
  teams: readonly FragmentOf<typeof TeamFieldsFragment>[];
  roster: readonly FragmentOf<typeof CadreFieldsFragment>[];
  targets: readonly AssignTarget[];
  editable: boolean;
  /**
   * Called after a change: with the township's board as the change left it (a guidance team's
   * answer carries it), or with nothing when the screen must reload.
   */
  onChanged: (board?: ChangedBoard) => void;
}

export type ChangedBoard = FragmentOf<typeof GuidanceBoardFieldsFragment>;

type Outcome = {
  __typename: string;
  message?: string;
  issues?: readonly { message: string }[];
  board?: ChangedBoard | null;
};

/** Teams of a township (指导组) or of the county (督导组): members, roles, assignments. */
export function TeamsPanel({ kind, ownerId, teams, roster, targets, editable, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [{ fetching: creating }, createTeam] = useMutation(CreateTeamMutation);

  /**
   * Runs a mutation, reports its failure, and updates the screen. A guidance team's answer carries
   * its township's board as the change left it: the board shows it without a second request. A
   * supervision team's (no board) comes back as a GuidanceTeam, and urql's document cache reloads
   * every active query holding one (the county page, once it lists a team).
   */
  async function run(action: () => Promise<{ data?: Record<string, Outcome | null> | null }>) {
    const result = await action();
    const outcome = Object.values(result.data ?? {})[0];
    const failure = outcome ? outcomeMessage(outcome, t) : t('guidance.failed');
    if (failure) void message.error(failure);
    if (failure === null && outcome?.board) onChanged(outcome.board);
    else if (failure !== null || outcome?.__typename !== 'GuidanceTeam' || teams.length === 0)
      onChanged();
    return failure === null;
  }

  const create = async () => {
    if (name.trim() === '') return;
    if (await run(() => createTeam({ ownerId, name: name.trim() }))) setName('');
  };

  return (
    <Flex vertical gap={12} data-testid="teams-panel">
      {editable && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            placeholder={t(
              kind === 'guidance' ? 'guidance.newTeamName' : 'guidance.newSupervisionName',
            )}
            value={name}
            maxLength={40}
            onChange={(e) => {
              setName(e.target.value);
            }}
            onPressEnter={() => void create()}
            data-testid="team-name-input"
          />
          <Button
            type="primary"
            loading={creating}
            onClick={() => void create()}
            data-testid="team-create"
          >
            {t('guidance.createTeam')}
          </Button>
        </Space.Compact>
      )}
      {teams.length === 0 && <Empty description={t('guidance.noTeams')} />}
      {teams.map((team) => (
        <TeamCard
          key={readFragment(TeamFieldsFragment, team).id}
          kind={kind}
          team={team}
          roster={roster}
          targets={targets}
          editable={editable}
          run={run}
        />
      ))}
    </Flex>
  );
}

function TeamCard({
  kind,
  team: data,
  roster: rosterData,
  targets,
  editable,
  run,
}: {
  kind: TeamKind;
  team: FragmentOf<typeof TeamFieldsFragment>;
  roster: readonly FragmentOf<typeof CadreFieldsFragment>[];
  targets: readonly AssignTarget[];
  editable: boolean;
  run: (
    action: () => Promise<{ data?: Record<string, Outcome | null> | null }>,
  ) => Promise<boolean>;
}) {
  const team = readFragment(TeamFieldsFragment, data);
  const roster = rosterData.map((c) => readFragment(CadreFieldsFragment, c));
  const t = useT();
  const roles = rolesForTeamKind(kind);
  const [cadreId, setCadreId] = useState<string | undefined>();
  const [role, setRole] = useState<TeamRole>(roles[0] ?? 'cadre');
  const [target, setTarget] = useState<string | undefined>();
  const [, setMember] = useMutation(SetMemberMutation);
  const [, removeMember] = useMutation(RemoveMemberMutation);
  const [, assign] = useMutation(AssignTeamMutation);
  const [, unassign] = useMutation(UnassignTeamMutation);
  const [, deleteTeam] = useMutation(DeleteTeamMutation);
  const [, updateTeam] = useMutation(UpdateTeamMutation);

  const memberIds = new Set(team.members.map((m) => readFragment(CadreFieldsFragment, m.cadre).id));
  const assigned = new Set(team.assignments.map((a) => a.region?.id ?? a.zone?.id ?? ''));
  const targetVars = (value: string) =>
    value.startsWith('Zone:') ? { zoneId: value } : { regionId: value };

  return (
    <Card
      size="small"
      data-testid="team-card"
      data-team-name={team.name}
      title={
        <Space>
          <span>{team.name}</span>
          {team.leader && (
            <Tag color="gold">{t('guidance.leaderTag', { name: team.leader.name })}</Tag>
          )}
        </Space>
      }
      extra={
        editable && (
          <Popconfirm
            title={t('guidance.deleteTeamConfirm', { name: team.name })}
            onConfirm={() => void run(() => deleteTeam({ id: team.id }))}
          >
            <Button size="small" danger type="text" data-testid="team-delete">
              {t('guidance.delete')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Flex vertical gap={8}>
        <div data-testid="team-members">
          <Typography.Text type="secondary">
            {t('desktop.labelled', { label: t('guidance.members') })}
          </Typography.Text>
          {team.members.length === 0 && (
            <Typography.Text type="warning">{t('guidance.noMembers')}</Typography.Text>
          )}
          {team.members.map((m) => {
            const cadre = readFragment(CadreFieldsFragment, m.cadre);
            return (
              <Tag
                key={cadre.id}
                closable={editable}
                onClose={(e) => {
                  e.preventDefault();
                  void run(() => removeMember({ teamId: team.id, cadreId: cadre.id }));
                }}
                onClick={() => {
                  if (editable && team.leader?.id !== cadre.id) {
                    void run(() => updateTeam({ id: team.id, leaderId: cadre.id }));
                  }
                }}
                title={editable ? t('guidance.makeLeader') : undefined}
                data-testid="team-member"
                style={{ marginBlock: 2 }}
              >
                {cadre.name} · {m.roleLabel}
                {cadre.rank !== 'staff' ? ` · ${cadre.rankLabel}` : ''}
              </Tag>
            );
          })}
        </div>
        {editable && (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('guidance.pickCadre')}
              style={{ flex: 2 }}
              value={cadreId}
              onChange={setCadreId}
              options={roster
                .filter((c) => !memberIds.has(c.id))
                .map((c) => ({
                  value: c.id,
                  label: c.post
                    ? t('desktop.guidance.cadreOptionPost', {
                        name: c.name,
                        rank: c.rankLabel,
                        post: c.post,
                      })
                    : t('desktop.guidance.cadreOption', { name: c.name, rank: c.rankLabel }),
                }))}
              data-testid="member-cadre"
            />
            <Select
              style={{ flex: 1 }}
              value={role}
              onChange={setRole}
              options={roles.map((r) => ({ value: r, label: t(`desktop.teamRole.${r}`) }))}
              data-testid="member-role"
            />
            <Button
              disabled={!cadreId}
              onClick={() => {
                if (!cadreId) return;
                void run(() => setMember({ teamId: team.id, cadreId, role })).then((done) => {
                  if (done) setCadreId(undefined);
                });
              }}
              data-testid="member-add"
            >
              {t('guidance.addMember')}
            </Button>
          </Space.Compact>
        )}
        <div data-testid="team-assignments">
          <Typography.Text type="secondary">
            {t('desktop.labelled', {
              label: t(
                kind === 'guidance' ? 'guidance.assignedVillages' : 'guidance.assignedTownships',
              ),
            })}
          </Typography.Text>
          {team.assignments.length === 0 && (
            <Typography.Text type="warning">{t('guidance.notAssigned')}</Typography.Text>
          )}
          {team.assignments.map((a) => {
            const value = a.region?.id ?? a.zone?.id ?? '';
            const label =
              a.region?.name ??
              t('guidance.zoneLabel', { name: a.zone?.name ?? '', count: a.villageCount });
            return (
              <Tag
                key={a.id}
                color="blue"
                closable={editable}
                onClose={(e) => {
                  e.preventDefault();
                  void run(() => unassign({ teamId: team.id, ...targetVars(value) }));
                }}
                data-testid="team-assignment"
                style={{ marginBlock: 2 }}
              >
                {label}
              </Tag>
            );
          })}
        </div>
        {editable && (
          <Space.Compact style={{ width: '100%' }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t(
                kind === 'guidance' ? 'guidance.pickVillage' : 'guidance.pickTownship',
              )}
              style={{ flex: 1 }}
              value={target}
              onChange={setTarget}
              options={targets.filter((o) => !assigned.has(o.value)).map((o) => ({ ...o }))}
              data-testid="assign-target"
            />
            <Button
              type="primary"
              ghost
              disabled={!target}
              onClick={() => {
                if (!target) return;
                void run(() => assign({ teamId: team.id, ...targetVars(target) })).then((done) => {
                  if (done) setTarget(undefined);
                });
              }}
              data-testid="assign-add"
            >
              {t('guidance.assign')}
            </Button>
          </Space.Compact>
        )}
      </Flex>
    </Card>
  );
}
