import { errorCodeOf, type ResultOf } from '@huanjie/client';
import type { Education, PersonGender, PoliticalStatus, Post } from '@huanjie/domain';
import { addDays } from '@huanjie/domain';
import {
  EDUCATION_LEVELS,
  MAJORITY_ETHNICITY,
  POLITICAL_STATUSES,
  POST_LABEL,
  postsOf,
  sourcesFor,
} from '@huanjie/domain';
import {
  Button,
  Dialog,
  Form,
  Input,
  List,
  Popup,
  Selector,
  Space,
  Tag,
  TextArea,
  Toast,
} from 'antd-mobile';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { outcomeMessage, useLanguage } from '@huanjie/ui';
import { useT, type VillageT } from '../../i18n.js';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { FindingsList } from './findings-list.js';
import {
  DecideObjectionMutation,
  ElectionUnitQuery,
  RecordObjectionMutation,
  RecordPreliminaryVotesMutation,
  RecordVettingMutation,
  SaveCandidateMutation,
  SavePublicityMutation,
  SetCandidateStageMutation,
  SetElectionSetupMutation,
} from './unit-page.graphql.js';

type Unit = ResultOf<typeof ElectionUnitQuery>['electionUnit'];
type Candidate = Unit['candidates'][number];

async function report(
  t: VillageT,
  result: { data?: Record<string, { __typename: string }> | null; error?: { message: string } },
  ok: string,
) {
  const value = result.data ? Object.values(result.data)[0] : undefined;
  if (!value) {
    await Dialog.alert({
      content: t(result.error ? 'village.save.offline' : 'village.save.failed'),
    });
    return false;
  }
  const message = outcomeMessage(value);
  if (message) {
    await Dialog.alert({
      title: t('village.save.notSaved'),
      content: <div data-testid="mutation-error">{message}</div>,
    });
    return false;
  }
  Toast.show({ content: ok });
  return true;
}

/** `/elections/:id`: one election of a village — seats, candidates, vetting, 公示, then the results. */
export function ElectionUnitPage() {
  const { id = '' } = useParams();
  const [result] = useQuery({ query: ElectionUnitQuery, variables: { id } });
  const navigate = useNavigate();
  const t = useT();
  if (!result.data)
    return result.error ? <PageError code={errorCodeOf(result.error)} /> : <PageLoading />;
  const unit = result.data.electionUnit;
  const locked = unit.result !== null && unit.result.status !== 'draft';
  return (
    <div data-testid="election-unit">
      <div className="hj-m-section">
        <h1 className="hj-m-title">
          {unit.region.name} · {unit.bodyLabel}
        </h1>
        <div className="hj-m-muted">
          {unit.campaignName} · {t('village.electionDay', { day: unit.electionDay })}
          {unit.result && (
            <Tag style={{ marginLeft: 8 }} data-testid="unit-result-status">
              {unit.result.statusLabel}
            </Tag>
          )}
        </div>
      </div>
      <FindingsList
        findings={unit.candidateFindings}
        testId="candidate-findings"
        header={t('village.unit.candidateChecks')}
      />
      <Seats unit={unit} locked={locked} />
      <Candidates unit={unit} locked={locked} />
      <PreliminaryVotes unit={unit} locked={locked} />
      <Publicity unit={unit} locked={locked} />
      <List mode="card">
        <List.Item
          clickable
          data-testid="open-result"
          onClick={() => void navigate(`/elections/${encodeURIComponent(unit.id)}/result`)}
        >
          {t('village.unit.openResult')}
        </List.Item>
        <List.Item
          clickable
          data-testid="open-print"
          onClick={() => void navigate(`/elections/${encodeURIComponent(unit.id)}/print`)}
        >
          {t('village.unit.openPrint')}
        </List.Item>
      </List>
    </div>
  );
}

function Seats({ unit, locked }: { unit: Unit; locked: boolean }) {
  const [seats, setSeats] = useState<Record<string, string>>(() =>
    Object.fromEntries(unit.seats.map((s) => [s.post, String(s.seats)])),
  );
  const [rounds, setRounds] = useState({
    party: unit.partyRoundParticipants?.toString() ?? '',
    mass: unit.massRoundParticipants?.toString() ?? '',
  });
  const [, save] = useMutation(SetElectionSetupMutation);
  const t = useT();
  const { language } = useLanguage();
  const party = unit.track === 'P';
  const submit = async () => {
    const res = await save({
      unitId: unit.id,
      seats: postsOf(unit.track).map((post) => ({ post, seats: Number(seats[post] || 0) })),
      partyRoundParticipants: party && rounds.party !== '' ? Number(rounds.party) : null,
      massRoundParticipants: party && rounds.mass !== '' ? Number(rounds.mass) : null,
    });
    await report(t, res, t('village.seats.saved'));
  };
  return (
    <List mode="card" header={t('village.seats.header')} data-testid="seats">
      {postsOf(unit.track).map((post) => (
        <List.Item
          key={post}
          extra={t('village.seats.formal', {
            n: unit.seats.find((s) => s.post === post)?.formalCandidates ?? 0,
          })}
        >
          <Space align="center">
            <span style={{ width: 56, display: 'inline-block' }}>{POST_LABEL[post][language]}</span>
            <Input
              data-testid={`seats-${post}`}
              type="number"
              inputMode="numeric"
              style={{ width: 64 }}
              value={seats[post] ?? ''}
              disabled={locked}
              onChange={(v) => {
                setSeats((s) => ({ ...s, [post]: v }));
              }}
            />
            {t('village.seats.unit')}
          </Space>
        </List.Item>
      ))}
      {party && (
        <>
          <List.Item>
            <Space align="center">
              {t('village.seats.partyRound')}
              <Input
                data-testid="party-round"
                type="number"
                inputMode="numeric"
                style={{ width: 80 }}
                value={rounds.party}
                disabled={locked}
                onChange={(v) => {
                  setRounds((r) => ({ ...r, party: v }));
                }}
              />
            </Space>
          </List.Item>
          <List.Item>
            <Space align="center">
              {t('village.seats.massRound')}
              <Input
                data-testid="mass-round"
                type="number"
                inputMode="numeric"
                style={{ width: 80 }}
                value={rounds.mass}
                disabled={locked}
                onChange={(v) => {
                  setRounds((r) => ({ ...r, mass: v }));
                }}
              />
            </Space>
          </List.Item>
        </>
      )}
      {!locked && (
        <List.Item>
          <Button
            size="small"
            color="primary"
            data-testid="save-seats"
            onClick={() => void submit()}
          >
            {t('village.seats.save')}
          </Button>
        </List.Item>
      )}
    </List>
  );
}

function Candidates({ unit, locked }: { unit: Unit; locked: boolean }) {
  const [adding, setAdding] = useState(false);
  const t = useT();
  return (
    <List
      mode="card"
      header={t('village.candidates.header', { n: unit.candidates.length })}
      data-testid="candidates"
    >
      {unit.candidates.map((c) => (
        <CandidateRow key={c.id} unit={unit} candidate={c} locked={locked} />
      ))}
      {!locked && (
        <List.Item>
          <Button
            size="small"
            data-testid="add-candidate"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('village.candidates.add')}
          </Button>
        </List.Item>
      )}
      <Popup
        visible={adding}
        onMaskClick={() => {
          setAdding(false);
        }}
        bodyStyle={{ maxHeight: '90vh', overflowY: 'auto' }}
      >
        {adding && (
          <CandidateForm
            unit={unit}
            onDone={() => {
              setAdding(false);
            }}
          />
        )}
      </Popup>
    </List>
  );
}

/**
 * 预选 (V, C): one vote count per nominee in the preliminary vote (and per formal candidate it
 * produced), saved at once; the server checks the formal list against it (candidate findings).
 */
function PreliminaryVotes({ unit, locked }: { unit: Unit; locked: boolean }) {
  const stood = postsOf(unit.track).flatMap((post) =>
    unit.candidates.filter(
      (c) => c.post === post && (c.stage === 'preliminary' || c.stage === 'formal'),
    ),
  );
  const [votes, setVotes] = useState<Record<string, string>>(() =>
    Object.fromEntries(stood.map((c) => [c.id, c.preliminaryVotes?.toString() ?? ''])),
  );
  const [, save] = useMutation(RecordPreliminaryVotesMutation);
  const t = useT();
  const held = stood.some((c) => c.preliminaryVotes !== null);
  if (unit.track === 'P' || stood.length === 0 || (locked && !held)) return null;
  if (!stood.some((c) => c.stage === 'preliminary') && !held) return null;
  const submit = async () => {
    const res = await save({
      unitId: unit.id,
      votes: stood.map((c) => {
        const typed = votes[c.id]?.trim() ?? '';
        return { candidateId: c.id, votes: typed === '' ? null : Number(typed) };
      }),
    });
    await report(t, res, t('village.preliminary.saved'));
  };
  return (
    <List mode="card" header={t('village.preliminary.header')} data-testid="preliminary-votes">
      <List.Item>
        <span className="hj-m-muted">{t('village.preliminary.hint')}</span>
      </List.Item>
      {stood.map((c) => (
        <List.Item
          key={c.id}
          extra={<Tag color={c.stage === 'formal' ? 'primary' : 'default'}>{c.stageLabel}</Tag>}
        >
          <Space align="center">
            <span style={{ minWidth: 96, display: 'inline-block' }}>
              {c.postLabel} · {c.person.name}
            </span>
            <Input
              data-testid={`preliminary-${c.person.name}`}
              type="number"
              inputMode="numeric"
              min={0}
              style={{ width: 80 }}
              value={votes[c.id] ?? ''}
              disabled={locked}
              onChange={(v) => {
                setVotes((all) => ({ ...all, [c.id]: v }));
              }}
            />
            {t('village.preliminary.votes')}
          </Space>
        </List.Item>
      ))}
      {!locked && (
        <List.Item>
          <Button
            size="small"
            color="primary"
            data-testid="save-preliminary"
            onClick={() => void submit()}
          >
            {t('village.preliminary.save')}
          </Button>
        </List.Item>
      )}
    </List>
  );
}

/** Chips hold an array; a person's fields start unpicked, so one skipped is asked for, not guessed. */
interface CandidateValues {
  name?: string;
  post: Post[];
  gender?: PersonGender[];
  birthDate?: string;
  ethnicity?: string;
  education?: Education[];
  politicalStatus?: PoliticalStatus[];
  votesA?: string;
  votesB?: string;
}

/** One chip of several, required; tapping the picked chip again keeps it picked. */
const choice = (message: string) => ({
  rules: [{ type: 'array' as const, required: true, min: 1, message }],
  normalize: (value: string[], previous: string[] | undefined) =>
    value.length > 0 ? value : previous,
});

function CandidateForm({ unit, onDone }: { unit: Unit; onDone: () => void }) {
  const party = unit.track === 'P';
  const posts = postsOf(unit.track);
  const [form] = Form.useForm<CandidateValues>();
  const [, save] = useMutation(SaveCandidateMutation);
  const t = useT();
  const { language } = useLanguage();
  const source = sourcesFor(unit.track)[0] ?? 'joint_nomination';
  const count = (text: string | undefined) => (text ? Number(text) : null);
  const submit = async (v: CandidateValues) => {
    const [post, gender, education, politicalStatus] = [
      v.post[0],
      v.gender?.[0],
      v.education?.[0],
      v.politicalStatus?.[0],
    ];
    // the form's rules have asked for each of these before onFinish runs
    if (!post || !gender || !education || !politicalStatus) return;
    const res = await save({
      input: {
        unitId: unit.id,
        post,
        nominationSource: source,
        partyVotes: party ? count(v.votesA) : null,
        massVotes: party ? count(v.votesB) : null,
        jointNominators: party ? null : count(v.votesA),
        person: {
          name: v.name ?? '',
          gender,
          birthDate: v.birthDate || null,
          ethnicity: v.ethnicity ?? '',
          education,
          politicalStatus,
          tags: [],
        },
      },
    });
    if (await report(t, res, t('village.candidates.added', { name: v.name ?? '' }))) onDone();
  };
  return (
    <div data-testid="candidate-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ post: posts.slice(-1), ethnicity: MAJORITY_ETHNICITY }}
        onFinish={(v: CandidateValues) => void submit(v)}
        footer={
          <Button block type="submit" color="primary" data-testid="candidate-save">
            {t('village.candidates.save')}
          </Button>
        }
      >
        <Form.Header>
          {t('village.candidates.formHeader', { source: t(`village.nomination.${source}`) })}
        </Form.Header>
        <Form.Item name="name" label={t('village.person.name')}>
          <Input
            className="hj-m-box"
            data-testid="candidate-name"
            placeholder={t('village.candidates.namePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="post"
          label={t('village.person.post')}
          {...choice(t('village.candidates.pickPost'))}
        >
          <Selector
            data-testid="candidate-post"
            options={posts.map((p) => ({ label: POST_LABEL[p][language], value: p }))}
          />
        </Form.Item>
        <Form.Item
          name="gender"
          label={t('village.person.gender')}
          {...choice(t('village.candidates.pickGender'))}
        >
          <Selector
            data-testid="candidate-gender"
            options={[
              { label: t('village.person.male'), value: 'male' },
              { label: t('village.person.female'), value: 'female' },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('village.person.birthDate')}>
          {/* text, not a date picker: a roster often knows only the month (YYYY-MM) */}
          <Input
            className="hj-m-box"
            data-testid="candidate-birth"
            inputMode="numeric"
            placeholder={t('village.person.birthDateHint')}
          />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('village.person.ethnicity')}>
          <Input className="hj-m-box" data-testid="candidate-ethnicity" />
        </Form.Item>
        <Form.Item
          name="education"
          label={t('village.person.education')}
          {...choice(t('village.candidates.pickEducation'))}
        >
          <Selector
            data-testid="candidate-education"
            options={EDUCATION_LEVELS.map((e) => ({
              label: t(`village.education.${e}`),
              value: e,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="politicalStatus"
          label={t('village.person.politicalStatus')}
          {...choice(t('village.candidates.pickPoliticalStatus'))}
        >
          <Selector
            data-testid="candidate-political"
            options={POLITICAL_STATUSES.map((p) => ({
              label: t(`village.political.${p}`),
              value: p,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="votesA"
          label={t(party ? 'village.candidates.partyVotes' : 'village.candidates.jointNominators')}
        >
          <Input
            className="hj-m-box"
            data-testid="candidate-votes-a"
            type="number"
            inputMode="numeric"
          />
        </Form.Item>
        {party && (
          <Form.Item name="votesB" label={t('village.candidates.massVotes')}>
            <Input
              className="hj-m-box"
              data-testid="candidate-votes-b"
              type="number"
              inputMode="numeric"
            />
          </Form.Item>
        )}
      </Form>
    </div>
  );
}

function CandidateRow({
  unit,
  candidate: c,
  locked,
}: {
  unit: Unit;
  candidate: Candidate;
  locked: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [, setStage] = useMutation(SetCandidateStageMutation);
  const [, vet] = useMutation(RecordVettingMutation);
  const t = useT();
  const [answers, setAnswers] = useState<
    Record<string, { result: 'pass' | 'fail' | ''; note: string }>
  >(() =>
    Object.fromEntries(
      unit.vettingDepartments.map((d) => {
        const a = c.vetting.find((x) => x.department === d);
        return [d, { result: a?.result ?? '', note: a?.note ?? '' }];
      }),
    ),
  );
  const stage = async (to: 'initial' | 'preliminary' | 'formal' | 'withdrawn', ok: string) => {
    await report(t, await setStage({ candidateId: c.id, stage: to }), ok);
  };
  const saveVetting = async (all: boolean) => {
    const list = unit.vettingDepartments
      .map((d) => ({
        department: d,
        ...(all
          ? { result: answers[d]?.result || 'pass', note: answers[d]?.note ?? '' }
          : (answers[d] ?? { result: '', note: '' })),
      }))
      .filter((a) => a.result !== '')
      .map((a) => ({
        department: a.department,
        result: a.result as 'pass' | 'fail',
        note: a.note || null,
      }));
    await report(t, await vet({ candidateId: c.id, answers: list }), t('village.vetting.saved'));
  };
  const color =
    c.vettingStatus === 'passed' ? 'success' : c.vettingStatus === 'failed' ? 'danger' : 'default';
  return (
    <List.Item
      data-testid={`candidate-${c.person.name}`}
      data-stage={c.stage}
      data-vetting={c.vettingStatus}
      description={
        <span>
          {t(c.person.gender === 'female' ? 'village.person.female' : 'village.person.male')}
          {c.person.age !== null
            ? ` · ${t('village.person.age', { age: c.person.age })}`
            : ''} · {c.person.politicalStatusLabel} ·{' '}
          {c.person.educationLabel ?? t('village.person.educationMissing')}
        </span>
      }
      extra={
        <Space direction="vertical" align="end">
          <Tag color={c.stage === 'formal' ? 'primary' : 'default'}>{c.stageLabel}</Tag>
          <Tag color={color}>{c.vettingStatusLabel}</Tag>
        </Space>
      }
      onClick={() => {
        setOpen((o) => !o);
      }}
    >
      {c.postLabel} · {c.person.name}
      {open && !locked && (
        <div
          onClick={(e) => {
            e.stopPropagation();
          }}
          style={{ marginTop: 8 }}
        >
          <div className="hj-m-muted">{t('village.vetting.title')}</div>
          {unit.vettingDepartments.map((d) => (
            <div key={d} style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '4px 0' }}>
              <span style={{ width: 52 }}>{d}</span>
              <div data-testid={`vet-${d}`}>
                <Selector
                  columns={2}
                  value={answers[d]?.result ? [answers[d].result] : []}
                  options={[
                    { label: t('village.vetting.pass'), value: 'pass' as const },
                    { label: t('village.vetting.fail'), value: 'fail' as const },
                  ]}
                  onChange={(v) => {
                    setAnswers((a) => ({
                      ...a,
                      [d]: { result: v[0] ?? '', note: a[d]?.note ?? '' },
                    }));
                  }}
                />
              </div>
              {answers[d]?.result === 'fail' && (
                <Input
                  data-testid={`vet-${d}-note`}
                  placeholder={t('village.vetting.reason')}
                  value={answers[d].note}
                  onChange={(v) => {
                    setAnswers((a) => ({ ...a, [d]: { result: 'fail', note: v } }));
                  }}
                />
              )}
            </div>
          ))}
          <Space wrap style={{ marginTop: 8 }}>
            <Button size="mini" data-testid="vet-save" onClick={() => void saveVetting(false)}>
              {t('village.vetting.save')}
            </Button>
            <Button size="mini" data-testid="vet-all-pass" onClick={() => void saveVetting(true)}>
              {t('village.vetting.allPass')}
            </Button>
            {c.stage === 'initial' && (
              <Button
                size="mini"
                color="primary"
                data-testid="stage-preliminary"
                onClick={() => void stage('preliminary', t('village.stage.preliminaryDone'))}
              >
                {t('village.stage.preliminary')}
              </Button>
            )}
            {c.stage === 'preliminary' && (
              <Button
                size="mini"
                color="primary"
                data-testid="stage-formal"
                onClick={() => void stage('formal', t('village.stage.formalDone'))}
              >
                {t('village.stage.formal')}
              </Button>
            )}
            {c.stage !== 'withdrawn' && (
              <Button
                size="mini"
                color="danger"
                data-testid="stage-withdrawn"
                onClick={() => void stage('withdrawn', t('village.stage.withdrawnDone'))}
              >
                {t('village.stage.withdraw')}
              </Button>
            )}
          </Space>
        </div>
      )}
    </List.Item>
  );
}

/** The posting deadline as the rule set in force says it (v.formal_list_days_before), with its date. */
function formalDateLabel(unit: Unit, t: ReturnType<typeof useT>): string {
  const rule = unit.rules.find((r) => r.code === 'v.formal_list_days_before');
  const days = rule ? Number(JSON.parse(rule.valueJson)) : NaN;
  if (unit.track === 'P' || !Number.isFinite(days)) return t('village.publicity.formalDateOnly');
  return t('village.publicity.formalDate', {
    days,
    date: addDays(unit.electionDay, -days),
  });
}

function Publicity({ unit, locked }: { unit: Unit; locked: boolean }) {
  const pub = unit.publicity.find((p) => p.kind === 'candidates');
  const formal = unit.publicity.find((p) => p.kind === 'formal_list');
  const [dates, setDates] = useState({
    start: pub?.startsOn ?? '',
    end: pub?.endsOn ?? '',
    formal: formal?.startsOn ?? '',
  });
  const [objection, setObjection] = useState({
    candidateId: '',
    content: '',
    receivedOn: unit.today,
  });
  const [, savePub] = useMutation(SavePublicityMutation);
  const [, addObjection] = useMutation(RecordObjectionMutation);
  const [, decide] = useMutation(DecideObjectionMutation);
  const t = useT();
  const nameOf = (id: string | null) =>
    unit.candidates.find((c) => c.id === id)?.person.name ?? t('village.publicity.unnamed');
  return (
    <List mode="card" header={t('village.publicity.header')} data-testid="publicity">
      <List.Item description={t('village.publicity.period')}>
        <Space wrap align="center">
          <Input
            data-testid="pub-start"
            type="date"
            value={dates.start}
            disabled={locked}
            onChange={(v) => {
              setDates((d) => ({ ...d, start: v }));
            }}
            style={{ width: 150 }}
          />
          {t('village.publicity.to')}
          <Input
            data-testid="pub-end"
            type="date"
            value={dates.end}
            disabled={locked}
            onChange={(v) => {
              setDates((d) => ({ ...d, end: v }));
            }}
            style={{ width: 150 }}
          />
          {!locked && (
            <Button
              size="mini"
              data-testid="pub-save"
              onClick={() =>
                void savePub({
                  unitId: unit.id,
                  kind: 'candidates',
                  startsOn: dates.start,
                  endsOn: dates.end,
                }).then((r) => report(t, r, t('village.publicity.saved')))
              }
            >
              {t('village.save.button')}
            </Button>
          )}
        </Space>
      </List.Item>
      {pub?.objections.map((o) => (
        <List.Item
          key={o.id}
          data-testid="objection"
          description={t('village.publicity.objectionLine', {
            date: o.receivedOn,
            name: nameOf(o.candidateId),
          })}
          extra={
            <Tag>
              {t(
                o.decision === 'pending'
                  ? 'village.publicity.pending'
                  : o.decision === 'upheld'
                    ? 'village.publicity.upheld'
                    : 'village.publicity.rejected',
              )}
            </Tag>
          }
        >
          {o.content}
          {o.decision === 'pending' && !locked && (
            <Space style={{ marginTop: 4 }}>
              <Button
                size="mini"
                onClick={() =>
                  void decide({
                    objectionId: o.id,
                    decision: 'upheld',
                    decidedOn: unit.today,
                  }).then((r) => report(t, r, t('village.publicity.decided')))
                }
              >
                {t('village.publicity.uphold')}
              </Button>
              <Button
                size="mini"
                onClick={() =>
                  void decide({
                    objectionId: o.id,
                    decision: 'rejected',
                    decidedOn: unit.today,
                  }).then((r) => report(t, r, t('village.publicity.decided')))
                }
              >
                {t('village.publicity.reject')}
              </Button>
            </Space>
          )}
        </List.Item>
      ))}
      {pub && !locked && (
        <List.Item description={t('village.publicity.recordHint')}>
          <Selector
            columns={3}
            value={objection.candidateId ? [objection.candidateId] : []}
            options={unit.candidates.map((c) => ({ label: c.person.name, value: c.id }))}
            onChange={(v) => {
              setObjection((o) => ({ ...o, candidateId: v[0] ?? '' }));
            }}
          />
          <TextArea
            data-testid="objection-content"
            placeholder={t('village.publicity.objectionContent')}
            value={objection.content}
            onChange={(v) => {
              setObjection((o) => ({ ...o, content: v }));
            }}
            rows={2}
          />
          <Button
            size="mini"
            onClick={() =>
              void addObjection({
                publicityId: pub.id,
                candidateId: objection.candidateId || null,
                receivedOn: objection.receivedOn,
                content: objection.content,
              }).then((r) => report(t, r, t('village.publicity.objectionSaved')))
            }
          >
            {t('village.publicity.recordObjection')}
          </Button>
        </List.Item>
      )}
      <List.Item description={formalDateLabel(unit, t)}>
        <Space align="center">
          <Input
            data-testid="formal-date"
            type="date"
            value={dates.formal}
            disabled={locked}
            onChange={(v) => {
              setDates((d) => ({ ...d, formal: v }));
            }}
            style={{ width: 150 }}
          />
          {!locked && (
            <Button
              size="mini"
              data-testid="formal-save"
              onClick={() =>
                void savePub({ unitId: unit.id, kind: 'formal_list', startsOn: dates.formal }).then(
                  (r) => report(t, r, t('village.publicity.formalSaved')),
                )
              }
            >
              {t('village.save.button')}
            </Button>
          )}
        </Space>
      </List.Item>
    </List>
  );
}
