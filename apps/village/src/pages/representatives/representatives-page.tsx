import type { ResultOf } from '@huanjie/client';
import { errorCodeOf } from '@huanjie/client';
import type { GroupLeaderPost, RepresentativeMethod } from '@huanjie/domain';
import {
  GROUP_LEADER_POSTS,
  GROUP_LEADER_POST_LABEL,
  REPRESENTATIVE_METHODS,
  REPRESENTATIVE_METHOD_LABEL,
} from '@huanjie/domain';
import { outcomeMessage } from '@huanjie/ui';
import { Button, Checkbox, Input, List, NoticeBar, Selector, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { StageFindings } from '../campaign/stage-findings.js';
import {
  RemoveGroupLeaderMutation,
  RemoveRepresentativeMutation,
  SaveGroupLeaderMutation,
  SaveRepresentativeMutation,
  VillageRepresentativesQuery,
} from './representatives-page.graphql.js';

type View = ResultOf<typeof VillageRepresentativesQuery>['villageRepresentatives'];
type Gender = 'female' | 'male';

/**
 * `/campaigns/:campaignId/villages/:villageId/representatives`: the village records its 村民代表 and
 * 村民小组长 after the committee election; every save answers with the checks (women at least a
 * third, one representative per 5–15 households, every group led), shown at once.
 */
export function RepresentativesPage() {
  const { campaignId = '', villageId = '' } = useParams();
  const [result] = useQuery({
    query: VillageRepresentativesQuery,
    variables: { villageId, campaignId },
    requestPolicy: 'cache-and-network',
  });
  // a save answers with the refreshed list and checks; until then the query's answer is shown
  const [saved, setSaved] = useState<{ villageId: string; view: View } | null>(null);
  const view =
    (saved?.villageId === villageId ? saved.view : null) ??
    result.data?.villageRepresentatives ??
    null;
  const setView = (next: View) => {
    setSaved({ villageId, view: next });
  };
  if (!view) {
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  }
  return <Representatives view={view} onView={setView} />;
}

function Representatives({ view, onView }: { view: View; onView: (v: View) => void }) {
  const t = useT();
  const groupName = (id: string) => view.groups.find((g) => g.id === id)?.name ?? '';
  return (
    <div data-testid="representatives">
      <div className="hj-m-section">
        <div className="hj-m-crumbs">{view.campaignName}</div>
        <h1 className="hj-m-title">
          {view.village.name} · {t('village.reps.title')}
        </h1>
        <div className="hj-m-crumbs" data-testid="reps-summary">
          {t('village.reps.summary', {
            reps: view.representatives.length,
            women: view.women,
            party: view.partyMembers,
            households: view.households ?? '—',
            perRep:
              view.householdsPerRepresentative === null
                ? t('village.reps.householdsUnknown')
                : t('village.reps.perRep', { n: view.householdsPerRepresentative }),
          })}
        </div>
      </div>
      {view.groups.length === 0 && (
        <NoticeBar color="alert" wrap content={t('village.reps.noGroups')} />
      )}
      <div data-testid="reps-checks" data-count={view.findings.length}>
        {view.findings.length === 0 && view.representatives.length > 0 ? (
          <NoticeBar color="info" wrap content={t('village.reps.allClear')} />
        ) : (
          <StageFindings findings={view.findings} title={t('village.reps.checks')} />
        )}
      </div>
      <RepresentativeSection view={view} onView={onView} groupName={groupName} />
      <LeaderSection view={view} onView={onView} groupName={groupName} />
    </div>
  );
}

interface RepDraft {
  id: string | null;
  name: string;
  groupId: string | null;
  gender: Gender;
  partyMember: boolean;
  method: RepresentativeMethod;
}

const emptyRep = (): RepDraft => ({
  id: null,
  name: '',
  groupId: null,
  gender: 'female',
  partyMember: false,
  method: 'households',
});

function RepresentativeSection({
  view,
  onView,
  groupName,
}: {
  view: View;
  onView: (v: View) => void;
  groupName: (id: string) => string;
}) {
  const t = useT();
  const [draft, setDraft] = useState<RepDraft>(emptyRep);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(SaveRepresentativeMutation);
  const [, remove] = useMutation(RemoveRepresentativeMutation);

  const submit = async () => {
    const res = await save({
      input: {
        id: draft.id,
        villageId: view.village.id,
        campaignId: view.campaignId,
        groupId: draft.groupId,
        name: draft.name,
        gender: draft.gender,
        partyMember: draft.partyMember,
        method: draft.method,
      },
    });
    const outcome = res.data?.saveVillageRepresentative;
    const failure = outcome ? outcomeMessage(outcome, t) : t('village.reps.failed');
    setError(failure);
    if (outcome?.__typename === 'VillageRepresentatives') {
      onView(outcome);
      setDraft({ ...emptyRep(), groupId: draft.groupId, method: draft.method });
      Toast.show({ icon: 'success', content: t('village.reps.saved') });
    }
  };

  const drop = async (id: string) => {
    const res = await remove({ id });
    const outcome = res.data?.removeVillageRepresentative;
    if (outcome?.__typename === 'VillageRepresentatives') onView(outcome);
    else setError(outcome ? outcomeMessage(outcome, t) : t('village.reps.failed'));
  };

  return (
    <>
      <List mode="card" header={t('village.reps.list')} data-testid="reps-list">
        {view.representatives.length === 0 && <List.Item>{t('village.reps.none')}</List.Item>}
        {view.representatives.map((r) => (
          <List.Item
            key={r.id}
            data-testid="rep-item"
            clickable={view.canEdit}
            onClick={() => {
              if (view.canEdit)
                setDraft({
                  id: r.id,
                  name: r.name,
                  groupId: r.groupId,
                  gender: r.gender,
                  partyMember: r.partyMember,
                  method: r.method,
                });
            }}
            description={`${groupName(r.groupId)} · ${r.methodLabel}`}
            extra={
              view.canEdit && (
                <Button
                  size="mini"
                  color="danger"
                  fill="none"
                  data-testid="rep-remove"
                  onClick={(e) => {
                    e.stopPropagation();
                    void drop(r.id);
                  }}
                >
                  {t('village.reps.remove')}
                </Button>
              )
            }
          >
            {r.name} · {r.genderLabel}
            {r.partyMember && (
              <Tag color="danger" style={{ marginLeft: 6 }}>
                {t('village.reps.partyTag')}
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
      {view.canEdit && (
        <List
          mode="card"
          header={draft.id ? t('village.reps.edit') : t('village.reps.add')}
          data-testid="rep-form"
        >
          <List.Item title={t('village.reps.name')}>
            <Input
              value={draft.name}
              maxLength={20}
              onChange={(name) => {
                setDraft({ ...draft, name });
              }}
              data-testid="rep-name"
            />
          </List.Item>
          <List.Item title={t('village.reps.group')}>
            <Selector
              columns={3}
              value={draft.groupId ? [draft.groupId] : []}
              onChange={(v) => {
                setDraft({ ...draft, groupId: v[0] ?? null });
              }}
              options={view.groups.map((g) => ({ label: g.name, value: g.id }))}
              data-testid="rep-group"
            />
          </List.Item>
          <List.Item title={t('village.reps.gender')}>
            <Selector
              columns={2}
              value={[draft.gender]}
              onChange={(v) => {
                if (v[0]) setDraft({ ...draft, gender: v[0] });
              }}
              options={[
                { label: t('village.reps.female'), value: 'female' as const },
                { label: t('village.reps.male'), value: 'male' as const },
              ]}
              data-testid="rep-gender"
            />
          </List.Item>
          <List.Item title={t('village.reps.method')}>
            <Selector
              columns={3}
              value={[draft.method]}
              onChange={(v) => {
                if (v[0]) setDraft({ ...draft, method: v[0] });
              }}
              options={REPRESENTATIVE_METHODS.map((m) => ({
                label: REPRESENTATIVE_METHOD_LABEL[m],
                value: m,
              }))}
            />
          </List.Item>
          <List.Item>
            <Checkbox
              checked={draft.partyMember}
              onChange={(partyMember) => {
                setDraft({ ...draft, partyMember });
              }}
              data-testid="rep-party"
            >
              {t('village.reps.party')}
            </Checkbox>
          </List.Item>
          <List.Item>
            {error && (
              <div className="hj-m-error" data-testid="rep-error">
                {error}
              </div>
            )}
            <Button
              block
              color="primary"
              loading={fetching}
              onClick={() => void submit()}
              data-testid="rep-save"
            >
              {t('village.reps.save')}
            </Button>
            {draft.id && (
              <Button
                block
                fill="none"
                onClick={() => {
                  setDraft(emptyRep());
                }}
                data-testid="rep-cancel"
              >
                {t('village.reps.cancel')}
              </Button>
            )}
          </List.Item>
        </List>
      )}
    </>
  );
}

interface LeaderDraft {
  id: string | null;
  name: string;
  groupId: string | null;
  post: GroupLeaderPost;
  gender: Gender;
  partyMember: boolean;
  representativeId: string | null;
}

const emptyLeader = (): LeaderDraft => ({
  id: null,
  name: '',
  groupId: null,
  post: 'leader',
  gender: 'male',
  partyMember: false,
  representativeId: null,
});

function LeaderSection({
  view,
  onView,
  groupName,
}: {
  view: View;
  onView: (v: View) => void;
  groupName: (id: string) => string;
}) {
  const t = useT();
  const [draft, setDraft] = useState<LeaderDraft>(emptyLeader);
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, save] = useMutation(SaveGroupLeaderMutation);
  const [, remove] = useMutation(RemoveGroupLeaderMutation);
  const repName = (id: string | null) => view.representatives.find((r) => r.id === id)?.name;

  const submit = async () => {
    const res = await save({
      input: {
        id: draft.id,
        villageId: view.village.id,
        campaignId: view.campaignId,
        groupId: draft.groupId,
        post: draft.post,
        name: draft.name,
        gender: draft.gender,
        partyMember: draft.partyMember,
        representativeId: draft.representativeId,
      },
    });
    const outcome = res.data?.saveGroupLeader;
    const failure = outcome ? outcomeMessage(outcome, t) : t('village.reps.failed');
    setError(failure);
    if (outcome?.__typename === 'VillageRepresentatives') {
      onView(outcome);
      setDraft(emptyLeader());
      Toast.show({ icon: 'success', content: t('village.reps.saved') });
    }
  };

  const drop = async (id: string) => {
    const res = await remove({ id });
    const outcome = res.data?.removeGroupLeader;
    if (outcome?.__typename === 'VillageRepresentatives') onView(outcome);
    else setError(outcome ? outcomeMessage(outcome, t) : t('village.reps.failed'));
  };

  return (
    <>
      <List mode="card" header={t('village.reps.leaders')} data-testid="leaders-list">
        {view.leaders.length === 0 && <List.Item>{t('village.reps.none')}</List.Item>}
        {view.leaders.map((l) => (
          <List.Item
            key={l.id}
            data-testid="leader-item"
            clickable={view.canEdit}
            onClick={() => {
              if (view.canEdit)
                setDraft({
                  id: l.id,
                  name: l.name,
                  groupId: l.groupId,
                  post: l.post,
                  gender: l.gender,
                  partyMember: l.partyMember,
                  representativeId: l.representativeId ?? null,
                });
            }}
            description={`${groupName(l.groupId)}${l.representativeId ? ` · ${t('village.reps.alsoRep')}` : ''}`}
            extra={
              view.canEdit && (
                <Button
                  size="mini"
                  color="danger"
                  fill="none"
                  onClick={(e) => {
                    e.stopPropagation();
                    void drop(l.id);
                  }}
                >
                  {t('village.reps.remove')}
                </Button>
              )
            }
          >
            {l.postLabel} · {l.name}
          </List.Item>
        ))}
      </List>
      {view.canEdit && (
        <List
          mode="card"
          header={draft.id ? t('village.reps.editLeader') : t('village.reps.addLeader')}
          data-testid="leader-form"
        >
          <List.Item title={t('village.reps.post')}>
            <Selector
              columns={2}
              value={[draft.post]}
              onChange={(v) => {
                if (v[0]) setDraft({ ...draft, post: v[0] });
              }}
              options={GROUP_LEADER_POSTS.map((p) => ({
                label: GROUP_LEADER_POST_LABEL[p],
                value: p,
              }))}
            />
          </List.Item>
          <List.Item title={t('village.reps.group')}>
            <Selector
              columns={3}
              value={draft.groupId ? [draft.groupId] : []}
              onChange={(v) => {
                setDraft({ ...draft, groupId: v[0] ?? null });
              }}
              options={view.groups.map((g) => ({ label: g.name, value: g.id }))}
              data-testid="leader-group"
            />
          </List.Item>
          <List.Item title={t('village.reps.alsoRep')}>
            <Selector
              columns={3}
              value={[draft.representativeId ?? '']}
              onChange={(v) => {
                const id = v[0] ? v[0] : null;
                setDraft({ ...draft, representativeId: id, name: repName(id) ?? draft.name });
              }}
              options={[
                { label: t('village.reps.notRep'), value: '' },
                ...view.representatives.map((r) => ({ label: r.name, value: r.id })),
              ]}
            />
          </List.Item>
          <List.Item title={t('village.reps.name')}>
            <Input
              value={draft.name}
              maxLength={20}
              onChange={(name) => {
                setDraft({ ...draft, name });
              }}
              data-testid="leader-name"
            />
          </List.Item>
          <List.Item title={t('village.reps.gender')}>
            <Selector
              columns={2}
              value={[draft.gender]}
              onChange={(v) => {
                if (v[0]) setDraft({ ...draft, gender: v[0] });
              }}
              options={[
                { label: t('village.reps.female'), value: 'female' as const },
                { label: t('village.reps.male'), value: 'male' as const },
              ]}
            />
          </List.Item>
          <List.Item>
            <Checkbox
              checked={draft.partyMember}
              onChange={(partyMember) => {
                setDraft({ ...draft, partyMember });
              }}
            >
              {t('village.reps.party')}
            </Checkbox>
          </List.Item>
          <List.Item>
            {error && (
              <div className="hj-m-error" data-testid="leader-error">
                {error}
              </div>
            )}
            <Button
              block
              color="primary"
              loading={fetching}
              onClick={() => void submit()}
              data-testid="leader-save"
            >
              {t('village.reps.save')}
            </Button>
          </List.Item>
        </List>
      )}
    </>
  );
}
