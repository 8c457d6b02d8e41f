import { errorCodeOf, type ResultOf } from '@huanjie/client';
import type { Education, PersonGender, PoliticalStatus, Post } from '@huanjie/domain';
import {
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  MAJORITY_ETHNICITY,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABEL,
  POST_LABEL,
  postsOf,
  sourcesFor,
  NOMINATION_SOURCE_LABEL,
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
import { outcomeMessage } from '@huanjie/ui';
import { PageError, PageLoading } from '../../layout/page-state.js';
import { FindingsList } from './findings-list.js';
import {
  DecideObjectionMutation,
  ElectionUnitQuery,
  RecordObjectionMutation,
  RecordVettingMutation,
  SaveCandidateMutation,
  SavePublicityMutation,
  SetCandidateStageMutation,
  SetElectionSetupMutation,
} from './unit-page.graphql.js';

type Unit = ResultOf<typeof ElectionUnitQuery>['electionUnit'];
type Candidate = Unit['candidates'][number];

async function report(
  result: { data?: Record<string, { __typename: string }> | null; error?: { message: string } },
  ok: string,
) {
  const value = result.data ? Object.values(result.data)[0] : undefined;
  if (!value) {
    await Dialog.alert({ content: result.error ? '网络不可用，请稍后重试' : '保存失败' });
    return false;
  }
  const message = outcomeMessage(value);
  if (message) {
    await Dialog.alert({
      title: '未保存',
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
          {unit.campaignName} · 选举日 {unit.electionDay}
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
        header="候选人名单检查"
      />
      <Seats unit={unit} locked={locked} />
      <Candidates unit={unit} locked={locked} />
      <Publicity unit={unit} locked={locked} />
      <List mode="card">
        <List.Item
          clickable
          data-testid="open-result"
          onClick={() => void navigate(`/elections/${encodeURIComponent(unit.id)}/result`)}
        >
          录入选举大会结果
        </List.Item>
        <List.Item
          clickable
          data-testid="open-print"
          onClick={() => void navigate(`/elections/${encodeURIComponent(unit.id)}/print`)}
        >
          打印正式候选人名单(按姓氏笔画)
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
  const party = unit.track === 'P';
  const submit = async () => {
    const res = await save({
      unitId: unit.id,
      seats: postsOf(unit.track).map((post) => ({ post, seats: Number(seats[post] || 0) })),
      partyRoundParticipants: party && rounds.party !== '' ? Number(rounds.party) : null,
      massRoundParticipants: party && rounds.mass !== '' ? Number(rounds.mass) : null,
    });
    await report(res, '职数已保存');
  };
  return (
    <List mode="card" header="职数" data-testid="seats">
      {postsOf(unit.track).map((post) => (
        <List.Item
          key={post}
          extra={`正式候选人 ${String(unit.seats.find((s) => s.post === post)?.formalCandidates ?? 0)} 名`}
        >
          <Space align="center">
            <span style={{ width: 56, display: 'inline-block' }}>{POST_LABEL[post].zh}</span>
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
            名
          </Space>
        </List.Item>
      ))}
      {party && (
        <>
          <List.Item>
            <Space align="center">
              党员推荐参加人数
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
              群众推荐参加人数
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
            保存职数
          </Button>
        </List.Item>
      )}
    </List>
  );
}

function Candidates({ unit, locked }: { unit: Unit; locked: boolean }) {
  const [adding, setAdding] = useState(false);
  return (
    <List mode="card" header={`候选人(${String(unit.candidates.length)})`} data-testid="candidates">
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
            ＋ 添加候选人
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
    if (await report(res, `已添加${v.name ?? ''}`)) onDone();
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
            保存候选人
          </Button>
        }
      >
        <Form.Header>添加候选人({NOMINATION_SOURCE_LABEL[source]})</Form.Header>
        <Form.Item name="name" label="姓名">
          <Input className="hj-m-box" data-testid="candidate-name" placeholder="如：王芳" />
        </Form.Item>
        <Form.Item name="post" label="职务" {...choice('请选择职务')}>
          <Selector
            data-testid="candidate-post"
            options={posts.map((p) => ({ label: POST_LABEL[p].zh, value: p }))}
          />
        </Form.Item>
        <Form.Item name="gender" label="性别" {...choice('请选择性别')}>
          <Selector
            data-testid="candidate-gender"
            options={[
              { label: '男', value: 'male' },
              { label: '女', value: 'female' },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label="出生日期">
          <Input className="hj-m-box" data-testid="candidate-birth" type="date" />
        </Form.Item>
        <Form.Item name="ethnicity" label="民族">
          <Input className="hj-m-box" data-testid="candidate-ethnicity" />
        </Form.Item>
        <Form.Item name="education" label="文化程度" {...choice('请选择文化程度')}>
          <Selector
            data-testid="candidate-education"
            options={EDUCATION_LEVELS.map((e) => ({ label: EDUCATION_LABEL[e], value: e }))}
          />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌" {...choice('请选择政治面貌')}>
          <Selector
            data-testid="candidate-political"
            options={POLITICAL_STATUSES.map((p) => ({
              label: POLITICAL_STATUS_LABEL[p],
              value: p,
            }))}
          />
        </Form.Item>
        <Form.Item name="votesA" label={party ? '党员推荐票' : '联名人数'}>
          <Input
            className="hj-m-box"
            data-testid="candidate-votes-a"
            type="number"
            inputMode="numeric"
          />
        </Form.Item>
        {party && (
          <Form.Item name="votesB" label="群众推荐票">
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
    await report(await setStage({ candidateId: c.id, stage: to }), ok);
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
    await report(await vet({ candidateId: c.id, answers: list }), '联审意见已保存');
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
          {c.person.gender === 'female' ? '女' : '男'}
          {c.person.age !== null ? ` · ${String(c.person.age)}岁` : ''} ·{' '}
          {c.person.politicalStatusLabel} · {c.person.educationLabel ?? '文化程度未填'}
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
          <div className="hj-m-muted">资格联审</div>
          {unit.vettingDepartments.map((d) => (
            <div key={d} style={{ display: 'flex', gap: 8, alignItems: 'center', margin: '4px 0' }}>
              <span style={{ width: 52 }}>{d}</span>
              <div data-testid={`vet-${d}`}>
                <Selector
                  columns={2}
                  value={answers[d]?.result ? [answers[d].result] : []}
                  options={[
                    { label: '通过', value: 'pass' as const },
                    { label: '不通过', value: 'fail' as const },
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
                  placeholder="原因"
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
              保存联审意见
            </Button>
            <Button size="mini" data-testid="vet-all-pass" onClick={() => void saveVetting(true)}>
              其余部门均通过
            </Button>
            {c.stage === 'initial' && (
              <Button
                size="mini"
                color="primary"
                data-testid="stage-preliminary"
                onClick={() => void stage('preliminary', '已列为预备人选')}
              >
                列为预备人选
              </Button>
            )}
            {c.stage === 'preliminary' && (
              <Button
                size="mini"
                color="primary"
                data-testid="stage-formal"
                onClick={() => void stage('formal', '已确定为正式候选人')}
              >
                确定为正式候选人
              </Button>
            )}
            {c.stage !== 'withdrawn' && (
              <Button
                size="mini"
                color="danger"
                data-testid="stage-withdrawn"
                onClick={() => void stage('withdrawn', '已退出')}
              >
                退出
              </Button>
            )}
          </Space>
        </div>
      )}
    </List.Item>
  );
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
  const nameOf = (id: string | null) =>
    unit.candidates.find((c) => c.id === id)?.person.name ?? '(未指明)';
  return (
    <List mode="card" header="公示" data-testid="publicity">
      <List.Item description="候选人(预备人选)公示期">
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
          至
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
                }).then((r) => report(r, '公示期已保存'))
              }
            >
              保存
            </Button>
          )}
        </Space>
      </List.Item>
      {pub?.objections.map((o) => (
        <List.Item
          key={o.id}
          data-testid="objection"
          description={`${o.receivedOn} 收到 · 针对 ${nameOf(o.candidateId)}`}
          extra={
            <Tag>
              {o.decision === 'pending' ? '待处理' : o.decision === 'upheld' ? '成立' : '不成立'}
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
                  }).then((r) => report(r, '已处理'))
                }
              >
                成立
              </Button>
              <Button
                size="mini"
                onClick={() =>
                  void decide({
                    objectionId: o.id,
                    decision: 'rejected',
                    decidedOn: unit.today,
                  }).then((r) => report(r, '已处理'))
                }
              >
                不成立
              </Button>
            </Space>
          )}
        </List.Item>
      ))}
      {pub && !locked && (
        <List.Item description="登记公示期间收到的异议">
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
            placeholder="异议内容"
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
              }).then((r) => report(r, '异议已登记'))
            }
          >
            登记异议
          </Button>
        </List.Item>
      )}
      <List.Item description="正式候选人名单公布日期(村委会应在选举日前5日以前)">
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
                  (r) => report(r, '公布日期已保存'),
                )
              }
            >
              保存
            </Button>
          )}
        </Space>
      </List.Item>
    </List>
  );
}
