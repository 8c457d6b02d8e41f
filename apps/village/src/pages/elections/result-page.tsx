import { errorCodeOf, type ResultOf } from '@huanjie/client';
import type { MeetingCountField, Post } from '@huanjie/domain';
import {
  MEETING_COUNT_FIELDS,
  MIN_EXPLANATION_CHARS,
  POST_LABEL,
  isExplained,
  postsOf,
  votedOf,
} from '@huanjie/domain';
import {
  Button,
  Dialog,
  Input,
  List,
  NoticeBar,
  Selector,
  Space,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { outcomeMessage, submissionKey, useLanguage } from '@huanjie/ui';
import { useT, type VillageKey } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { FindingsList } from './findings-list.js';
import type { FindingView } from './findings-list.js';
import {
  ResultEntryQuery,
  SaveResultDraftMutation,
  SubmitResultMutation,
} from './result-page.graphql.js';
import type { CheckContext, MeetingForm, VoteForm, WriteInForm } from './result-sheet.js';
import {
  check,
  clearLocal,
  draftInput,
  emptyMeeting,
  emptyWriteIn,
  fieldKey,
  filledKeys,
  isShown,
  loadLocal,
  numericId,
  rulesFromList,
  saveLocal,
  toSheets,
  withoutMeeting,
} from './result-sheet.js';

type Unit = ResultOf<typeof ResultEntryQuery>['electionUnit'];

const FIELD_LABEL: Record<MeetingCountField, VillageKey> = {
  entitled: 'village.result.field.entitled',
  inPerson: 'village.result.field.inPerson',
  proxy: 'village.result.field.proxy',
  other: 'village.result.field.other',
  ballotsIssued: 'village.result.field.ballotsIssued',
  ballotsReturned: 'village.result.field.ballotsReturned',
  ballotsValid: 'village.result.field.ballotsValid',
  ballotsInvalid: 'village.result.field.ballotsInvalid',
};

const VOTE_PARTS: readonly (keyof VoteForm)[] = ['votesFor', 'against', 'abstain'];
const VOTE_PLACEHOLDER: Record<keyof VoteForm, VillageKey> = {
  votesFor: 'village.result.vote.votesFor',
  against: 'village.result.vote.against',
  abstain: 'village.result.vote.abstain',
};

/** `/elections/:id/result`: the election meeting as the clerk reads it off the tally sheet. */
export function ResultEntryPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: ResultEntryQuery, variables: { id } });
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  return <ResultEntry key={result.data.electionUnit.id} unit={result.data.electionUnit} />;
}

function formalIds(unit: Unit): string[] {
  const order = postsOf(unit.track);
  return unit.candidates
    .filter((c) => c.stage === 'formal')
    .sort((a, b) => order.indexOf(a.post) - order.indexOf(b.post))
    .map((c) => c.id);
}

function fromStored(
  meetings:
    NonNullable<Unit['result']>['meetings'] | NonNullable<NonNullable<Unit['result']>['draft']>,
): MeetingForm[] {
  const show = (n: number | null | undefined) =>
    n === null || n === undefined || n < 0 ? '' : String(n);
  return meetings.map((m) => ({
    round: m.round,
    heldOn: m.heldOn,
    counts: Object.fromEntries(MEETING_COUNT_FIELDS.map((f) => [f, show(m[f])])) as Record<
      MeetingCountField,
      string
    >,
    candidateIds: m.votes.map((v) => v.candidateId),
    votes: Object.fromEntries(
      m.votes.map((v) => [
        v.candidateId,
        { votesFor: show(v.votesFor), against: show(v.against), abstain: show(v.abstain) },
      ]),
    ),
    writeIns: m.writeIns.map((w) => ({
      name: w.name,
      gender: w.gender,
      birthDate: w.birthDate ?? '',
      post: w.post,
      votesFor: show(w.votesFor),
    })),
  }));
}

function ResultEntry({ unit }: { unit: Unit }) {
  const t = useT();
  const { language } = useLanguage();
  const party = unit.track === 'P';
  const ctx: CheckContext = useMemo(
    () => ({
      track: unit.track,
      rules: rulesFromList(unit.rules),
      seats: Object.fromEntries(unit.seats.map((s) => [s.post, s.seats])),
      candidates: unit.candidates
        .filter((c) => c.stage !== 'withdrawn')
        .map((c) => ({
          id: numericId(c.id),
          name: c.person.name,
          post: c.post,
          female: c.person.gender === 'female',
          formal: c.stage === 'formal',
        })),
      today: unit.today,
      formalListPostedOn: unit.publicity.find((p) => p.kind === 'formal_list')?.startsOn ?? null,
    }),
    [unit],
  );
  const [forms, setForms] = useState<MeetingForm[]>(
    () =>
      loadLocal(unit.id) ??
      (unit.result?.draft ? fromStored(unit.result.draft) : null) ??
      (unit.result && unit.result.meetings.length > 0
        ? fromStored(unit.result.meetings)
        : null) ?? [emptyMeeting('regular', unit.electionDay, formalIds(unit))],
  );
  // checks show under a field once it is touched, and everywhere once 上报 was tried
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => filledKeys(forms));
  const [submitTried, setSubmitTried] = useState(false);
  const touch = (key: string) => {
    setTouched((seen) => (seen.has(key) ? seen : new Set(seen).add(key)));
  };
  const [serverFindings, setServerFindings] = useState<FindingView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [explanation, setExplanation] = useState('');
  const [, saveDraft] = useMutation(SaveResultDraftMutation);
  const [, submit] = useMutation(SubmitResultMutation);
  useEffect(() => {
    saveLocal(unit.id, forms);
  }, [unit.id, forms]);

  const evaluation = useMemo(() => check(forms, ctx), [forms, ctx]);
  const { byField, sheetFindings, listFindings } = useMemo(() => {
    const map = new Map<string, FindingView[]>();
    const sheet: FindingView[] = [];
    const list: FindingView[] = [];
    for (const f of evaluation.findings) {
      if (f.path?.[0] !== 'meetings') {
        list.push(f);
        continue;
      }
      const key = fieldKey(f.path, forms);
      if (key && !submitTried && !isShown(key, touched)) continue;
      sheet.push(f);
      if (key) map.set(key, [...(map.get(key) ?? []), f]);
    }
    return { byField: map, sheetFindings: sheet, listFindings: list };
  }, [evaluation, forms, touched, submitTried]);
  const errors = evaluation.findings.filter((f) => f.severity === 'error');
  // warnings (an uncontested race, a late posting, a vacancy…) are what happened: submitted with a
  // written explanation the township reads
  const warnings = evaluation.findings.filter((f) => f.severity === 'warning');
  const explained = isExplained(explanation);
  const status = unit.result?.status ?? null;
  const locked = status === 'approved';
  const nameOf = (gid: string) => unit.candidates.find((c) => c.id === gid)?.person.name ?? '';
  const postOf = (gid: string) => unit.candidates.find((c) => c.id === gid)?.post ?? 'member';

  const update = (i: number, key: string, change: (m: MeetingForm) => MeetingForm) => {
    setServerFindings(null);
    touch(key);
    setForms((all) => all.map((m, j) => (j === i ? change(m) : m)));
  };
  // 另选他人 (组织法 §15) exists in villagers' and residents' committee elections only
  const writeInPosts = party
    ? []
    : postsOf(unit.track).filter((p) => unit.seats.some((s) => s.post === p && s.seats > 0));
  const changeWriteIn = (i: number, wi: number, change: Partial<WriteInForm>) => {
    update(i, `${String(i)}.writeIns.${String(wi)}`, (x) => ({
      ...x,
      writeIns: (x.writeIns ?? []).map((w, k) => (k === wi ? { ...w, ...change } : w)),
    }));
  };
  const removeWriteIn = (i: number, wi: number) => {
    setServerFindings(null);
    setForms((all) =>
      all.map((m, j) =>
        j === i ? { ...m, writeIns: (m.writeIns ?? []).filter((_, k) => k !== wi) } : m,
      ),
    );
  };

  const lastOutcome = evaluation.meetings[evaluation.meetings.length - 1];
  const vacancies = Object.entries(evaluation.vacancies).filter(([, n]) => n > 0) as [
    Post,
    number,
  ][];
  const canAddRunoff =
    errors.length === 0 && vacancies.length > 0 && forms.length < 4 && lastOutcome !== undefined;
  const addRunoff = () => {
    const elected = new Set(evaluation.elected.map((e) => e.candidateId));
    const best = new Map<string, number>();
    for (const m of forms)
      for (const id of m.candidateIds)
        best.set(id, Math.max(best.get(id) ?? 0, Number(m.votes[id]?.votesFor ?? 0)));
    const ids = vacancies.flatMap(([post, n]) =>
      [...best.entries()]
        .filter(([id]) => postOf(id) === post && !elected.has(numericId(id)))
        .sort((a, b) => b[1] - a[1])
        .slice(0, party ? undefined : n + 1)
        .map(([id]) => id),
    );
    const first = forms[0];
    setForms((all) => [
      ...all,
      emptyMeeting('runoff', first?.heldOn ?? unit.today, ids, first?.counts.entitled ?? ''),
    ]);
  };

  const doDraft = async () => {
    setBusy(true);
    const res = await saveDraft({ unitId: unit.id, sheet: draftInput(forms, party) });
    setBusy(false);
    const value = res.data?.saveResultDraft;
    if (!value) Toast.show({ content: t('village.result.offlineDraft') });
    else if (outcomeMessage(value)) await Dialog.alert({ content: outcomeMessage(value) });
    else Toast.show({ content: t('village.result.draftSaved') });
  };

  const doSubmit = async () => {
    if (errors.length > 0) {
      setSubmitTried(true);
      await Dialog.alert({
        title: t('village.result.blocked'),
        content: (
          <div data-testid="submit-blocked">
            {errors.map((e) => (
              <p key={e.message}>{e.message}</p>
            ))}
          </div>
        ),
      });
      return;
    }
    if (warnings.length > 0 && !explained) {
      setSubmitTried(true);
      await Dialog.alert({
        title: t('village.result.blocked'),
        content: (
          <div data-testid="submit-blocked">
            {t('village.result.explanationMissing', {
              n: warnings.length,
              min: MIN_EXPLANATION_CHARS,
            })}
          </div>
        ),
      });
      return;
    }
    const { input } = toSheets(forms, party);
    const key = submissionKey(
      unit.id,
      `${String(unit.result?.revision ?? 0)}/${status ?? 'none'}`,
      input,
    );
    setBusy(true);
    const res = await submit({
      unitId: unit.id,
      sheet: input,
      idempotencyKey: key,
      explanation: warnings.length > 0 ? explanation.trim() : null,
    });
    setBusy(false);
    const value = res.data?.submitResult;
    if (!value) {
      Toast.show({ content: t('village.result.offlineSubmit') });
      return;
    }
    if (value.__typename === 'RuleViolationError' && 'findings' in value) {
      setServerFindings(value.findings);
      await Dialog.alert({
        title: t('village.result.refused'),
        content: <div data-testid="submit-refused">{value.message}</div>,
      });
      return;
    }
    const message = outcomeMessage(value);
    if (message) {
      await Dialog.alert({ content: <div data-testid="submit-refused">{message}</div> });
      return;
    }
    clearLocal(unit.id);
    Toast.show({ content: t('village.result.submitted') });
  };

  return (
    <div data-testid="result-entry">
      <div className="hj-m-section">
        <h1 className="hj-m-title">
          {t('village.result.title', { region: unit.region.name, body: unit.bodyLabel })}
        </h1>
        <Space>
          <Link to={`/elections/${encodeURIComponent(unit.id)}`}>
            {t('village.result.backToCandidates')}
          </Link>
          <Tag data-testid="result-status" data-status={status ?? 'none'}>
            {unit.result?.statusLabel ?? t('village.result.notSubmitted')}
          </Tag>
        </Space>
        {unit.result?.returnReason && status === 'returned' && (
          <NoticeBar
            content={t('village.result.returned', { reason: unit.result.returnReason })}
            color="alert"
          />
        )}
        {locked && <NoticeBar content={t('village.result.locked')} color="info" />}
      </div>
      {forms.map((m, i) => (
        <List
          key={`${m.round}-${String(i)}`}
          mode="card"
          data-testid={`meeting-${String(i)}`}
          header={
            <Space>
              {i === 0 ? t('village.result.meeting') : t('village.result.runoff', { n: i })}
              {i > 0 && !locked && (
                <Button
                  size="mini"
                  fill="none"
                  onClick={() => {
                    setForms((all) => all.filter((_, j) => j !== i));
                    setTouched((seen) => withoutMeeting(seen, i));
                  }}
                >
                  {t('village.delete')}
                </Button>
              )}
            </Space>
          }
        >
          <List.Item>
            <div className="hj-m-field">
              <span className="hj-m-field-label">{t('village.result.heldOn')}</span>
              <Input
                className="hj-m-box"
                data-testid={`m${String(i)}-heldOn`}
                type="date"
                value={m.heldOn}
                disabled={locked}
                onChange={(v) => {
                  update(i, `${String(i)}.heldOn`, (x) => ({ ...x, heldOn: v }));
                }}
                onBlur={() => {
                  touch(`${String(i)}.heldOn`);
                }}
              />
            </div>
            <FieldErrors
              list={byField.get(`${String(i)}.heldOn`)}
              testId={`err-${String(i)}-heldOn`}
            />
          </List.Item>
          {MEETING_COUNT_FIELDS.filter((f) => !(party && f === 'proxy')).map((f) => (
            <List.Item key={f}>
              <div className="hj-m-field">
                <span className="hj-m-field-label">{t(FIELD_LABEL[f])}</span>
                <Input
                  className="hj-m-box"
                  data-testid={`m${String(i)}-${f}`}
                  type="number"
                  inputMode="numeric"
                  value={m.counts[f]}
                  disabled={locked}
                  onChange={(v) => {
                    update(i, `${String(i)}.${f}`, (x) => ({
                      ...x,
                      counts: { ...x.counts, [f]: v },
                    }));
                  }}
                  onBlur={() => {
                    touch(`${String(i)}.${f}`);
                  }}
                />
              </div>
              <FieldErrors
                list={byField.get(`${String(i)}.${f}`)}
                testId={`err-${String(i)}-${f}`}
              />
            </List.Item>
          ))}
          <List.Item extra={<span data-testid={`m${String(i)}-voted`}>{String(sumVoted(m))}</span>}>
            {t('village.result.voted')}
          </List.Item>
          {party && m.candidateIds.length > 0 && (
            <List.Item>
              <div className="hj-m-field hj-m-muted">
                <span className="hj-m-field-label">{t('village.result.candidate')}</span>
                {VOTE_PARTS.map((part) => (
                  <span key={part} className="hj-m-column">
                    {t(VOTE_PLACEHOLDER[part])}
                  </span>
                ))}
              </div>
            </List.Item>
          )}
          {m.candidateIds.map((gid) => (
            <List.Item
              key={gid}
              description={
                <>
                  {POST_LABEL[postOf(gid)][language]}
                  {evaluation.elected.some(
                    (e) => e.candidateId === numericId(gid) && e.meetingIndex === i,
                  ) && (
                    <Tag color="success" style={{ marginLeft: 8 }}>
                      {t('village.result.elected')}
                    </Tag>
                  )}
                </>
              }
            >
              <div className="hj-m-field">
                <span className="hj-m-field-label">{nameOf(gid)}</span>
                {(party ? VOTE_PARTS : VOTE_PARTS.slice(0, 1)).map((part) => (
                  <Input
                    key={part}
                    className="hj-m-box"
                    data-testid={
                      part === 'votesFor' ? `m${String(i)}-vote-${nameOf(gid)}` : undefined
                    }
                    type="number"
                    inputMode="numeric"
                    placeholder={t(
                      part === 'votesFor' && !party
                        ? 'village.result.votes'
                        : VOTE_PLACEHOLDER[part],
                    )}
                    value={m.votes[gid]?.[part] ?? ''}
                    disabled={locked}
                    onChange={(v) => {
                      update(i, `${String(i)}.votes.${gid}`, (x) => ({
                        ...x,
                        votes: {
                          ...x.votes,
                          [gid]: {
                            ...(x.votes[gid] ?? { votesFor: '', against: '', abstain: '' }),
                            [part]: v,
                          },
                        },
                      }));
                    }}
                    onBlur={() => {
                      touch(`${String(i)}.votes.${gid}`);
                    }}
                  />
                ))}
              </div>
              <FieldErrors
                list={byField.get(`${String(i)}.votes.${gid}`)}
                testId={`err-${String(i)}-vote-${nameOf(gid)}`}
              />
            </List.Item>
          ))}
          {(m.writeIns ?? []).map((w, wi) => (
            <List.Item
              key={`w${String(wi)}`}
              data-testid={`m${String(i)}-writeIn-${String(wi)}`}
              description={
                <Space wrap align="center">
                  {t('village.result.writeIn.title')} · {POST_LABEL[w.post][language]}
                  {evaluation.electedWriteIns.some(
                    (e) =>
                      e.meetingIndex === i && e.post === w.post && e.writeIn.name === w.name.trim(),
                  ) && <Tag color="success">{t('village.result.elected')}</Tag>}
                  {!locked && (
                    <Button
                      size="mini"
                      fill="none"
                      onClick={() => {
                        removeWriteIn(i, wi);
                      }}
                    >
                      {t('village.delete')}
                    </Button>
                  )}
                </Space>
              }
            >
              <Space direction="vertical" block>
                <Input
                  className="hj-m-box"
                  data-testid={`m${String(i)}-writeIn-${String(wi)}-name`}
                  placeholder={t('village.result.writeIn.name')}
                  value={w.name}
                  disabled={locked}
                  onChange={(v) => {
                    changeWriteIn(i, wi, { name: v });
                  }}
                />
                <Selector
                  columns={2}
                  options={[
                    { label: t('village.person.male'), value: 'male' },
                    { label: t('village.person.female'), value: 'female' },
                  ]}
                  value={[w.gender]}
                  disabled={locked}
                  onChange={(v) => {
                    const gender = v[0];
                    if (gender === 'male' || gender === 'female') changeWriteIn(i, wi, { gender });
                  }}
                />
                <Input
                  className="hj-m-box"
                  type="date"
                  aria-label={t('village.result.writeIn.birthDate')}
                  placeholder={t('village.result.writeIn.birthDate')}
                  value={w.birthDate}
                  disabled={locked}
                  onChange={(v) => {
                    changeWriteIn(i, wi, { birthDate: v });
                  }}
                />
                <Input
                  className="hj-m-box"
                  data-testid={`m${String(i)}-writeIn-${String(wi)}-votes`}
                  type="number"
                  inputMode="numeric"
                  placeholder={t('village.result.votes')}
                  value={w.votesFor}
                  disabled={locked}
                  onChange={(v) => {
                    changeWriteIn(i, wi, { votesFor: v });
                  }}
                />
              </Space>
              <FieldErrors
                list={byField.get(`${String(i)}.writeIns.${String(wi)}`)}
                testId={`err-${String(i)}-writeIn-${String(wi)}`}
              />
            </List.Item>
          ))}
          {!locked && writeInPosts.length > 0 && (
            <List.Item>
              <Space wrap>
                {writeInPosts.map((post) => (
                  <Button
                    key={post}
                    size="small"
                    data-testid={`m${String(i)}-add-writeIn-${post}`}
                    onClick={() => {
                      setForms((all) =>
                        all.map((x, j) =>
                          j === i
                            ? { ...x, writeIns: [...(x.writeIns ?? []), emptyWriteIn(post)] }
                            : x,
                        ),
                      );
                    }}
                  >
                    {t('village.result.writeIn.add', { post: POST_LABEL[post][language] })}
                  </Button>
                ))}
              </Space>
            </List.Item>
          )}
          <FieldErrors list={byField.get(`${String(i)}.votes`)} testId={`err-${String(i)}-votes`} />
        </List>
      ))}
      <List mode="card" header={t('village.result.outcome')} data-testid="outcome">
        {evaluation.elected.map((e) => (
          <List.Item key={e.candidateId} extra={t('village.result.voteCount', { n: e.votes })}>
            {POST_LABEL[e.post][language]} ·{' '}
            {unit.candidates.find((c) => numericId(c.id) === e.candidateId)?.person.name}{' '}
            {e.round === 'runoff' ? t('village.result.runoffMark') : ''}
          </List.Item>
        ))}
        {evaluation.electedWriteIns.map((e) => (
          <List.Item
            key={`w-${e.post}-${e.writeIn.name}-${String(e.meetingIndex)}`}
            extra={t('village.result.voteCount', { n: e.votes })}
          >
            {POST_LABEL[e.post][language]} · {e.writeIn.name} ({t('village.result.writeIn.title')}){' '}
            {e.round === 'runoff' ? t('village.result.runoffMark') : ''}
          </List.Item>
        ))}
        {vacancies.map(([post, n]) => (
          <List.Item key={post} data-testid={`vacancy-${post}`}>
            <Tag color="warning">{t('village.result.vacant')}</Tag>{' '}
            {t('village.result.vacancy', { post: POST_LABEL[post][language], n })}
          </List.Item>
        ))}
        {canAddRunoff && !locked && (
          <List.Item>
            <Button size="small" color="warning" data-testid="add-runoff" onClick={addRunoff}>
              {t('village.result.addRunoff')}
            </Button>
          </List.Item>
        )}
      </List>
      <FindingsList
        findings={listFindings}
        testId="result-unit-findings"
        header={t('village.unit.candidateChecks')}
      />
      <FindingsList
        findings={sheetFindings}
        testId="result-findings"
        header={t('village.result.sheetChecks')}
      />
      {serverFindings && (
        <FindingsList
          findings={serverFindings}
          testId="server-findings"
          header={t('village.result.serverFindings')}
        />
      )}
      {!locked && warnings.length > 0 && (
        <List mode="card" header={t('village.result.explanation')} data-testid="explanation">
          <List.Item description={t('village.result.explanationHint', { n: warnings.length })}>
            <TextArea
              data-testid="result-explanation"
              className="hj-m-box"
              rows={3}
              maxLength={500}
              placeholder={t('village.result.explanationPlaceholder')}
              value={explanation}
              onChange={setExplanation}
            />
          </List.Item>
          {submitTried && !explained && (
            <List.Item>
              <span style={{ color: '#c8161d', fontSize: 13 }} data-testid="err-explanation">
                {t('village.result.explanationMissing', {
                  n: warnings.length,
                  min: MIN_EXPLANATION_CHARS,
                })}
              </span>
            </List.Item>
          )}
        </List>
      )}
      {!locked && (
        <div className="hj-m-actions">
          <Space direction="vertical" block>
            <Button block disabled={busy} data-testid="save-draft" onClick={() => void doDraft()}>
              {t('village.result.saveDraft')}
            </Button>
            <Button
              block
              color="primary"
              disabled={busy}
              data-testid="submit-result"
              onClick={() => void doSubmit()}
            >
              {t(
                status === 'submitted' || status === 'returned'
                  ? 'village.result.resubmit'
                  : 'village.result.submit',
              )}
            </Button>
          </Space>
        </div>
      )}
    </div>
  );
}

function sumVoted(m: MeetingForm): number | string {
  const n = votedOf({
    entitled: 0,
    inPerson: Number(m.counts.inPerson || 0),
    proxy: Number(m.counts.proxy || 0),
    other: Number(m.counts.other || 0),
    ballotsIssued: 0,
    ballotsReturned: 0,
    ballotsValid: 0,
    ballotsInvalid: 0,
  });
  return Number.isFinite(n) ? n : '—';
}

function FieldErrors({ list, testId }: { list: FindingView[] | undefined; testId: string }) {
  if (!list || list.length === 0) return null;
  return (
    <div data-testid={testId}>
      {list.map((f) => (
        <div
          key={f.rule + f.message}
          style={{ color: f.severity === 'error' ? '#c8161d' : '#b36b00', fontSize: 13 }}
        >
          {f.message}
        </div>
      ))}
    </div>
  );
}
