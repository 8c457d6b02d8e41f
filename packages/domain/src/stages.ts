import type { OrderingPolicy, Track } from './campaign.js';
import { addDays } from './dates.js';
import type { DaysRuleCode, Rules } from './rules.js';
import type { StageFact } from './stage-facts.js';

/**
 * The stage template: for each track, the stages a unit election goes through (PRODUCT.md §3),
 * their order, their gates and how each due date follows from the election day and the rule set.
 */

export type CountGroup = 'main' | 'addition' | 'removal';

export interface CountField {
  key: string;
  label: string;
  group: CountGroup;
  required: boolean;
}

export type DueRelation = 'before' | 'on' | 'after';

export interface StageDue {
  relation: DueRelation;
  /** The days rule that sets the distance from the election day; null for "on the day". */
  rule: DaysRuleCode | null;
}

/**
 * Which track a gate lives in, resolved per village: `home` is the village's committee track
 * (V or C), or P when the campaign has neither; `committee` is V or C; `party` is P.
 */
export type GateTrackKind = 'home' | 'committee' | 'party';

export interface GateRule {
  kind: GateTrackKind;
  code: string;
  /** The gate applies only under this ordering policy. */
  when?: OrderingPolicy;
  citation: string;
}

export interface StageDefinition {
  track: Track;
  code: string;
  name: string;
  /** 1-based order within the track. */
  position: number;
  /** Held once per village, in its home track (the term-end audit covers both bodies). */
  villageWide: boolean;
  due: StageDue;
  counts: readonly CountField[];
  photo: boolean;
  /** What the village must provide to complete it, in one line. */
  hint: string;
  gates: readonly GateRule[];
  /** The record that holds this stage's fact, when another does (stage-facts.ts); null when only its own. */
  fact: StageFact | null;
}

const AUDIT_GATE: GateRule = {
  kind: 'home',
  code: 'audit',
  citation: '“审计不结束不换届”；《村民委员会组织法》第三十五条（离任经济责任审计）',
};

function main(key: string, label: string, required = true): CountField {
  return { key, label, group: 'main', required };
}

/** Voter registration's four additions and four removals (四增四减). */
export const REGISTRATION_ADDITIONS: readonly CountField[] = [
  { key: 'addAge18', label: '新满18周岁', group: 'addition', required: false },
  { key: 'addMovedIn', label: '迁入', group: 'addition', required: false },
  { key: 'addRestored', label: '恢复政治权利', group: 'addition', required: false },
  { key: 'addOther', label: '其他增加', group: 'addition', required: false },
];
export const REGISTRATION_REMOVALS: readonly CountField[] = [
  { key: 'remDied', label: '死亡', group: 'removal', required: false },
  { key: 'remMovedOut', label: '迁出', group: 'removal', required: false },
  { key: 'remDeprived', label: '被剥夺政治权利', group: 'removal', required: false },
  { key: 'remOther', label: '其他减少', group: 'removal', required: false },
];

type Draft = Omit<StageDefinition, 'track' | 'position' | 'gates' | 'villageWide' | 'fact'> & {
  villageWide?: boolean;
  fact?: StageFact;
  gates?: readonly GateRule[];
};

const before = (rule: DaysRuleCode): StageDue => ({ relation: 'before', rule });
const after = (rule: DaysRuleCode): StageDue => ({ relation: 'after', rule });
const onTheDay: StageDue = { relation: 'on', rule: null };

const audit: Draft = {
  code: 'audit',
  name: '离任（届期）经济责任审计及公示',
  villageWide: true,
  due: before('schedule.audit_days_before'),
  counts: [],
  photo: true,
  hint: '审计完成并张榜公示：填写公示日期，上传公示照片',
};

function committeeStages(people: '村民' | '居民'): Draft[] {
  return [
    audit,
    {
      code: 'committee',
      name: `推选${people}选举委员会`,
      due: before('schedule.election_committee_days_before'),
      counts: [main('members', '选举委员会成员人数')],
      photo: false,
      hint: `${people}会议或${people}代表会议推选，填写推选日期和成员人数`,
    },
    {
      code: 'registration',
      name: '选民登记',
      due: before('schedule.registration_days_before'),
      counts: [
        main('previous', '上届登记选民数', false),
        main('registered', '本届登记选民数'),
        ...REGISTRATION_ADDITIONS,
        ...REGISTRATION_REMOVALS,
      ],
      photo: false,
      hint: '按“四增四减”登记：填写本届选民数及增减人数（上届数已知时须能对上）',
    },
    {
      code: 'voter_list',
      name: '公布选民名单',
      due: before('voter_list.days_before'),
      counts: [main('listed', '公布的选民人数')],
      photo: true,
      hint: '选举日20日前张榜公布：填写张榜日期，上传张榜照片',
    },
    {
      code: 'objections',
      name: '选民资格申诉处理',
      due: before('schedule.objections_days_before'),
      counts: [
        main('received', '收到申诉件数'),
        main('upheld', '申诉成立件数'),
        main('rejected', '申诉不成立件数'),
      ],
      photo: false,
      hint: '公布之日起5日内受理申诉、3日内作出处理：无申诉时填0',
    },
    {
      code: 'nomination',
      name: '候选人提名',
      fact: 'nominations',
      due: before('schedule.nomination_days_before'),
      // the nominees are the candidates entered on the election's candidates page
      counts: [],
      photo: false,
      hint: '选民依法直接提名：提名人选在“候选人”页登记，此处填写提名完成日期',
    },
    {
      code: 'candidate_list',
      name: '公布正式候选人名单',
      fact: 'formal_list',
      due: before('v.formal_list_days_before'),
      // seats and formal candidates live on the candidates page, the posting date with the list
      counts: [],
      photo: true,
      hint: '按姓氏笔画排列张榜公布：职数、正式候选人和公布日期在“候选人”页登记，此处上传张榜照片',
    },
    {
      code: 'election',
      name: '召开选举大会',
      fact: 'result',
      due: onTheDay,
      counts: [],
      photo: false,
      hint: '在选举日召开选举大会（选举结果另行录入）',
    },
    {
      code: 'report',
      name: '选举结果报告乡镇',
      fact: 'result',
      due: after('results.report_days_after'),
      counts: [],
      photo: false,
      hint: '当天向乡镇报告选举结果',
    },
  ];
}

const partyStages: Draft[] = [
  audit,
  {
    code: 'review',
    name: '民主评议（述职测评）',
    due: before('schedule.review_days_before'),
    counts: [main('participants', '参加测评人数')],
    photo: false,
    hint: '班子述职、民主测评：填写日期和参加人数',
  },
  {
    code: 'nomination',
    name: '“两推”（党员推荐、群众推荐）',
    fact: 'nominations',
    due: before('schedule.nomination_days_before'),
    // the rounds' participants and the votes of each nominee are entered with the candidates
    counts: [main('partyMembers', '党员总数')],
    photo: false,
    hint: '党员推荐和群众推荐：推荐票数和参加人数在“候选人”页登记，此处填写日期和党员总数',
  },
  {
    code: 'vetting',
    name: '资格联审与组织考察',
    fact: 'vetting',
    due: before('schedule.vetting_days_before'),
    // each department's answer is entered per candidate
    counts: [],
    photo: false,
    hint: '纪委、组织、公安等部门联审并考察：各部门意见在“候选人”页逐人登记，此处填写完成日期',
  },
  {
    code: 'publicity',
    name: '候选人预备人选公示',
    fact: 'publicity',
    due: before('schedule.publicity_days_before'),
    // the period is entered with the 公示 on the candidates page
    counts: [],
    photo: true,
    hint: '在村务公开栏公示：公示起止日期在“候选人”页登记，此处填写结束日期并上传公示照片',
  },
  {
    code: 'approval',
    name: '乡镇党委审批候选人',
    fact: 'formal_candidates',
    due: before('schedule.approval_days_before'),
    counts: [],
    photo: false,
    hint: '报乡镇党委审批：填写批复日期',
  },
  {
    code: 'election',
    name: '召开党员大会选举',
    fact: 'result',
    due: onTheDay,
    counts: [],
    photo: false,
    hint: '在选举日召开党员大会（选举结果另行录入）',
  },
  {
    code: 'report',
    name: '选举结果报告乡镇',
    fact: 'result',
    due: after('results.report_days_after'),
    counts: [],
    photo: false,
    hint: '当天向乡镇党委报告选举结果',
  },
];

const supervisionStages: Draft[] = [
  {
    code: 'nomination',
    name: '监委会候选人提名',
    fact: 'nominations',
    due: before('schedule.nomination_days_before'),
    counts: [],
    photo: false,
    hint: '村（居）民会议或代表会议提名：提名人选在“候选人”页登记，此处填写日期',
  },
  {
    code: 'candidate_list',
    name: '公布监委会候选人名单',
    fact: 'formal_list',
    due: before('v.formal_list_days_before'),
    counts: [],
    photo: true,
    hint: '张榜公布候选人名单：职数和候选人在“候选人”页登记，此处填写日期并上传照片',
  },
  {
    code: 'election',
    name: '选举村（居）务监督委员会',
    fact: 'result',
    due: onTheDay,
    counts: [],
    photo: false,
    hint: '在村（居）委会选举后召开会议选举',
  },
  {
    code: 'report',
    name: '选举结果报告乡镇',
    fact: 'result',
    due: after('results.report_days_after'),
    counts: [],
    photo: false,
    hint: '当天向乡镇报告选举结果',
  },
];

const followUpStages: Draft[] = [
  {
    code: 'handover',
    name: '新老班子工作移交',
    due: after('handover.days_after'),
    counts: [],
    photo: false,
    hint: '印章、财务、资产、档案移交：填写移交完成日期',
  },
  {
    code: 'exit_talks',
    name: '离任、落选人员谈心谈话',
    due: after('exit_talks.days_after'),
    // one talk per outgoing member is an item of the follow-up checklist (follow-up.ts)
    counts: [],
    photo: false,
    hint: '每位离任、落选人员的谈话在「换届后续工作」清单中逐人登记；全部谈完后填写完成日期',
  },
  {
    code: 'supporting_bodies',
    name: '推选村（居）民小组长、代表等配套组织',
    due: after('supporting_bodies.days_after'),
    // the representatives and group leaders are records of their own (representatives.ts): their
    // numbers and the women's share are counted from them, never typed here
    counts: [],
    photo: false,
    hint: '村民代表和村民小组长在「村民代表和村民小组长」页逐人登记；推选完成后填写完成日期',
  },
  {
    code: 'rules',
    name: '建章立制',
    due: after('schedule.rules_days_after'),
    counts: [],
    photo: false,
    hint: '修订村规民约、议事规则等制度：填写完成日期',
  },
  {
    code: 'archive',
    name: '换届资料立卷归档',
    due: after('schedule.archive_days_after'),
    counts: [],
    photo: false,
    hint: '换届资料整理归档：填写完成日期',
  },
];

const ORDERING_CITATION = '县换届选举工作实施方案（换届顺序）';

function gatesFor(track: Track, draft: Draft): GateRule[] {
  if (draft.villageWide) return [];
  switch (track) {
    case 'P':
      return draft.code === 'election'
        ? [
            AUDIT_GATE,
            {
              kind: 'committee',
              code: 'election',
              when: 'committee_first',
              citation: ORDERING_CITATION,
            },
          ]
        : [AUDIT_GATE];
    case 'V':
    case 'C':
      return draft.code === 'election'
        ? [
            AUDIT_GATE,
            { kind: 'party', code: 'election', when: 'party_first', citation: ORDERING_CITATION },
          ]
        : [AUDIT_GATE];
    case 'S':
      return draft.code === 'election'
        ? [
            AUDIT_GATE,
            {
              kind: 'committee',
              code: 'election',
              citation: '村（居）务监督委员会在村（居）民委员会选举后推选产生',
            },
          ]
        : [AUDIT_GATE];
    case 'F':
      return [
        {
          kind: 'home',
          code: 'election',
          citation: '换届后续工作在选举大会召开后进行',
        },
      ];
  }
}

function build(track: Track, drafts: Draft[]): StageDefinition[] {
  return drafts.map((draft, index) => ({
    ...draft,
    track,
    position: index + 1,
    villageWide: draft.villageWide ?? false,
    gates: gatesFor(track, draft),
    fact: draft.fact ?? null,
  }));
}

export const STAGE_TEMPLATE: Record<Track, readonly StageDefinition[]> = {
  P: build('P', partyStages),
  V: build('V', committeeStages('村民')),
  C: build('C', committeeStages('居民')),
  S: build('S', supervisionStages),
  F: build('F', followUpStages),
};

export function findStage(track: Track, code: string): StageDefinition | undefined {
  return STAGE_TEMPLATE[track].find((s) => s.code === code);
}

/** V or C, whichever the village holds. */
export function committeeTrack(villageTracks: readonly Track[]): Track | null {
  return villageTracks.find((t) => t === 'V' || t === 'C') ?? null;
}

/** The track that holds the village-wide stages (the audit): the committee, else the party. */
export function homeTrack(villageTracks: readonly Track[]): Track | null {
  return committeeTrack(villageTracks) ?? (villageTracks.includes('P') ? 'P' : null);
}

/** The stages one unit election goes through; village-wide stages only in the home track. */
export function stagesOfUnit(
  track: Track,
  villageTracks: readonly Track[],
): readonly StageDefinition[] {
  const home = homeTrack(villageTracks);
  return STAGE_TEMPLATE[track].filter((s) => !s.villageWide || track === home);
}

export interface ResolvedGate {
  track: Track;
  code: string;
  name: string;
  citation: string;
}

function resolveKind(kind: GateTrackKind, villageTracks: readonly Track[]): Track | null {
  switch (kind) {
    case 'home':
      return homeTrack(villageTracks);
    case 'committee':
      return committeeTrack(villageTracks);
    case 'party':
      return villageTracks.includes('P') ? 'P' : null;
  }
}

/** The stages (in this village) whose approval this stage waits for. */
export function gatesOf(
  stage: StageDefinition,
  ordering: OrderingPolicy,
  villageTracks: readonly Track[],
): ResolvedGate[] {
  return stage.gates.flatMap((gate) => {
    if (gate.when && gate.when !== ordering) return [];
    const track = resolveKind(gate.kind, villageTracks);
    if (!track || (track === stage.track && gate.code === stage.code)) return [];
    const target = findStage(track, gate.code);
    if (!target) return [];
    return [{ track, code: gate.code, name: target.name, citation: gate.citation }];
  });
}

/** Days from the election day to the due date: negative before, positive after. */
export function dueOffset(stage: StageDefinition, rules: Rules): number {
  const { relation, rule } = stage.due;
  if (relation === 'on' || rule === null) return 0;
  return relation === 'before' ? -rules.days(rule) : rules.days(rule);
}

export function dueDate(stage: StageDefinition, electionDay: string, rules: Rules): string {
  return addDays(electionDay, dueOffset(stage, rules));
}

export function dueRuleText(stage: StageDefinition, rules: Rules): string {
  const { relation, rule } = stage.due;
  if (relation === 'on' || rule === null) return '选举日当天';
  const days = rules.days(rule);
  if (days === 0) return '选举日当天';
  return relation === 'before' ? `选举日前${days}天` : `选举日后${days}天内`;
}
