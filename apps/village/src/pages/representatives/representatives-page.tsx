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
        <PersonForm
          testId="rep"
          header={draft.id ? t('village.reps.edit') : t('village.reps.add')}
          draft={draft}
          onDraft={setDraft}
          groups={view.groups}
          fields={[
            'name',
            'group',
            'gender',
            {
              title: t('village.reps.method'),
              columns: 3,
              value: draft.method,
              options: REPRESENTATIVE_METHODS.map((m) => ({
                label: REPRESENTATIVE_METHOD_LABEL[m],
                value: m,
              })),
              pick: (d, v) => {
                const method = REPRESENTATIVE_METHODS.find((m) => m === v);
                return method ? { ...d, method } : d;
              },
            },
            'party',
          ]}
          error={error}
          fetching={fetching}
          onSubmit={() => void submit()}
          onCancel={() => {
            setDraft(emptyRep());
          }}
        />
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
        <PersonForm
          testId="leader"
          header={draft.id ? t('village.reps.editLeader') : t('village.reps.addLeader')}
          draft={draft}
          onDraft={setDraft}
          groups={view.groups}
          fields={[
            {
              title: t('village.reps.post'),
              columns: 2,
              value: draft.post,
              options: GROUP_LEADER_POSTS.map((p) => ({
                label: GROUP_LEADER_POST_LABEL[p],
                value: p,
              })),
              pick: (d, v) => {
                const post = GROUP_LEADER_POSTS.find((p) => p === v);
                return post ? { ...d, post } : d;
              },
            },
            'group',
            {
              title: t('village.reps.alsoRep'),
              columns: 3,
              value: draft.representativeId ?? '',
              options: [
                { label: t('village.reps.notRep'), value: '' },
                ...view.representatives.map((r) => ({ label: r.name, value: r.id })),
              ],
              pick: (d, v) => {
                const id = v ? v : null;
                return { ...d, representativeId: id, name: repName(id) ?? d.name };
              },
            },
            'name',
            'gender',
            'party',
          ]}
          error={error}
          fetching={fetching}
          onSubmit={() => void submit()}
        />
      )}
    </>
  );
}

/** What the representative and the group leader forms share: who, in which group. */
interface PersonDraft {
  id: string | null;
  name: string;
  groupId: string | null;
  gender: Gender;
  partyMember: boolean;
}

/** A choice of the form's own (method, post, also a representative), picked with a selector. */
interface ChoiceField<D> {
  title: string;
  columns: number;
  value: string;
  options: { label: string; value: string }[];
  /** The draft with the option picked; `undefined` when the selected option was tapped off. */
  pick: (draft: D, value: string | undefined) => D;
}

type PersonField<D> = 'name' | 'group' | 'gender' | 'party' | ChoiceField<D>;

/**
 * The form of a representative or a group leader: the given fields in their order, the error,
 * save, and cancel when editing (if the form offers it). Test ids are `${testId}-name` and so on.
 */
function PersonForm<D extends PersonDraft>({
  testId,
  header,
  draft,
  onDraft,
  groups,
  fields,
  error,
  fetching,
  onSubmit,
  onCancel,
}: {
  testId: string;
  header: string;
  draft: D;
  onDraft: (draft: D) => void;
  groups: View['groups'];
  fields: PersonField<D>[];
  error: string | null;
  fetching: boolean;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const field = (f: PersonField<D>) => {
    switch (f) {
      case 'name':
        return (
          <List.Item key="name" title={t('village.reps.name')}>
            <Input
              value={draft.name}
              maxLength={20}
              onChange={(name) => {
                onDraft({ ...draft, name });
              }}
              data-testid={`${testId}-name`}
            />
          </List.Item>
        );
      case 'group':
        return (
          <List.Item key="group" title={t('village.reps.group')}>
            <Selector
              columns={3}
              value={draft.groupId ? [draft.groupId] : []}
              onChange={(v) => {
                onDraft({ ...draft, groupId: v[0] ?? null });
              }}
              options={groups.map((g) => ({ label: g.name, value: g.id }))}
              data-testid={`${testId}-group`}
            />
          </List.Item>
        );
      case 'gender':
        return (
          <List.Item key="gender" title={t('village.reps.gender')}>
            <Selector
              columns={2}
              value={[draft.gender]}
              onChange={(v) => {
                if (v[0]) onDraft({ ...draft, gender: v[0] });
              }}
              options={[
                { label: t('village.reps.female'), value: 'female' as const },
                { label: t('village.reps.male'), value: 'male' as const },
              ]}
              data-testid={`${testId}-gender`}
            />
          </List.Item>
        );
      case 'party':
        return (
          <List.Item key="party">
            <Checkbox
              checked={draft.partyMember}
              onChange={(partyMember) => {
                onDraft({ ...draft, partyMember });
              }}
              data-testid={`${testId}-party`}
            >
              {t('village.reps.party')}
            </Checkbox>
          </List.Item>
        );
      default:
        return (
          <List.Item key={f.title} title={f.title}>
            <Selector
              columns={f.columns}
              value={[f.value]}
              onChange={(v) => {
                onDraft(f.pick(draft, v[0]));
              }}
              options={f.options}
            />
          </List.Item>
        );
    }
  };
  return (
    <List mode="card" header={header} data-testid={`${testId}-form`}>
      {fields.map(field)}
      <List.Item>
        {error && (
          <div className="hj-m-error" data-testid={`${testId}-error`}>
            {error}
          </div>
        )}
        <Button
          block
          color="primary"
          loading={fetching}
          onClick={onSubmit}
          data-testid={`${testId}-save`}
        >
          {t('village.reps.save')}
        </Button>
        {draft.id && onCancel && (
          <Button block fill="none" onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('village.reps.cancel')}
          </Button>
        )}
      </List.Item>
    </List>
  );
}
