/**
 * The audit log in words a person reads: every action code the API writes, the kinds of object it
 * changes, and the fields of their before/after snapshots, in Chinese; and the field-by-field
 * comparison of a before and an after.
 */
import {
  CASE_CATEGORY_LABEL,
  CASE_CHANNEL_LABEL,
  CASE_HANDLER_KIND_LABEL,
  CASE_MEASURE_LABEL,
  CASE_OUTCOME_LABEL,
  CASE_SEVERITY_LABEL,
  CASE_STATUS_LABEL,
} from './cases.js';
import { FOLLOW_UP_ITEMS } from './follow-up.js';
import { ORDERING_LABEL, RISK_LABEL, TRACK_LABEL } from './campaign.js';
import {
  CANDIDATE_STAGE_LABEL,
  NOMINATION_SOURCE_LABEL,
  VETTING_STATUS_LABEL,
} from './elections/candidates.js';
import { MEETING_COUNT_LABEL, ROUND_LABEL } from './elections/election-rules.js';
import { EDUCATION_LABEL, POLITICAL_STATUS_LABEL, POST_LABEL } from './elections/posts.js';
import { GENDER_LABEL, TEAM_KIND_LABEL, TEAM_ROLE_LABEL, VISIT_KIND_LABEL } from './guidance.js';
import { TOWNSHIP_KIND_LABEL } from './regions.js';
import { GROUP_LEADER_POST_LABEL, REPRESENTATIVE_METHOD_LABEL } from './representatives.js';
import { ROLE_INFO } from './roles.js';
import { RULES } from './rules.js';
import { STAGE_STATUS_LABEL } from './stage-workflow.js';
import { STAGE_TEMPLATE } from './stages.js';
import { FINDING_CATEGORY_LABEL } from './supervision.js';

/** Every action the API records (recordAudit), with what a person would call it. */
export const AUDIT_ACTION_LABEL = {
  'stage.save': '保存阶段填报',
  'stage.submit': '提交阶段填报',
  'stage.approve': '审核通过阶段填报',
  'stage.return': '退回阶段填报',
  'stage.reopen': '重新打开阶段填报',
  'file.upload': '上传照片',
  'election.setup': '设置职数和推荐人数',
  'candidate.create': '登记候选人',
  'candidate.update': '修改候选人信息',
  'candidate.stage': '变更候选人阶段',
  'candidate.preliminary_votes': '录入预选得票',
  'candidate.vetting': '登记联审意见',
  'publicity.save': '登记公示',
  'objection.create': '登记异议',
  'objection.decide': '处理异议',
  'result.draft': '暂存选举结果',
  'result.submit': '提交选举结果',
  'result.approve': '审核通过选举结果',
  'result.return': '退回选举结果',
  'result.amend': '更正选举结果',
  'officeholder.import': '导入上届班子成员',
  'campaign.create': '创建换届工作',
  'campaign.update': '修改换届工作',
  'campaign.start': '启动换届工作',
  'campaign.close': '结束换届工作',
  'campaign.exclude': '暂缓村(社区)换届',
  'campaign.include': '恢复村(社区)换届',
  'campaign.rule_set': '更换规则集',
  'election_day.set': '设定选举日',
  'election_day.clear': '取消选举日',
  'risk.set': '标记风险村',
  'rule_set.create': '创建规则集',
  'guidance_team.create': '组建指导组',
  'guidance_team.update': '修改指导组',
  'guidance_team.delete': '撤销指导组',
  'guidance_team.member_set': '设置指导组成员',
  'guidance_team.member_remove': '移出指导组成员',
  'guidance_team.assign': '分派指导组联系村',
  'guidance_team.unassign': '取消指导组联系村',
  'supervision_team.create': '组建督导组',
  'supervision_team.update': '修改督导组',
  'supervision_team.delete': '撤销督导组',
  'supervision_team.member_set': '设置督导组成员',
  'supervision_team.member_remove': '移出督导组成员',
  'supervision_team.assign': '分派督导组联系乡镇',
  'supervision_team.unassign': '取消督导组联系乡镇',
  'village_responsibility.set': '设定包村责任人',
  'cadre.create': '添加干部',
  'cadre.update': '修改干部信息',
  'cadre.delete': '删除干部',
  'cadre.import': '导入干部名册',
  'visit.log': '记录走访谈话',
  'daily_report.submit': '报送日报',
  'daily_report.correct': '更正日报',
  'summary.narrative_save': '修改工作总结文字',
  'inspection.record': '记录督导检查',
  'correction.issue': '下发整改通知',
  'correction.answer': '回复整改通知',
  'comment.create': '批注村(社区)填报',
  'comment.escalate': '批注并交办乡镇',
  'escalation.resolve': '办结交办事项',
  'account.create': '创建账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.reset_password': '重置账号密码',
  'account.change_password': '修改本人密码',
  'region.import': '导入行政区划',
  'region.create': '新增区划',
  'region.update': '修改区划',
  'region.merge': '撤并村(社区)',
  'zone.create': '新建片区',
  'zone.update': '修改片区',
  'zone.delete': '删除片区',
  'zone.assign': '调整片区所辖村(社区)',
  'case.open': '登记信访举报',
  'case.assign': '交办信访举报',
  'case.acknowledge': '受理信访举报',
  'case.investigate': '登记调查处理情况',
  'case.close': '办结信访举报',
  'risk_plan.create': '制定一村一策方案',
  'risk_plan.update': '修改一村一策方案',
  'risk_plan.escalate': '提请县级协调风险村',
  'risk_plan.answer': '答复风险村协调请求',
  'risk_plan.resolve': '标记风险村已化解',
  'risk_measure.create': '添加化解措施',
  'risk_measure.complete': '完成化解措施',
  'risk_measure.drop': '撤销化解措施',
  'follow_up.record': '登记换届后续工作',
  'representative.create': '登记村民代表',
  'representative.update': '修改村民代表',
  'representative.delete': '删除村民代表',
  'group_leader.create': '登记村民小组长',
  'group_leader.update': '修改村民小组长',
  'group_leader.delete': '删除村民小组长',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABEL;

/** The kinds of action, by the code prefix the log is filtered on. */
export const AUDIT_ACTION_KIND_LABEL: Record<string, string> = {
  'stage.': '阶段填报',
  'file.': '照片',
  'election.': '职数',
  'candidate.': '候选人',
  'publicity.': '公示',
  'objection.': '异议',
  'result.': '选举结果',
  'officeholder.': '上届班子',
  'campaign.': '换届工作',
  'election_day.': '选举日',
  'risk.': '风险村',
  'rule_set.': '规则集',
  'guidance_team.': '指导组',
  'supervision_team.': '督导组',
  'village_responsibility.': '包村责任',
  'cadre.': '干部名册',
  'visit.': '走访谈话',
  'daily_report.': '日报',
  'summary.': '工作总结',
  'inspection.': '督导检查',
  'correction.': '整改通知',
  'comment.': '领导批注',
  'escalation.': '交办事项',
  'account.': '账号',
  'region.': '行政区划',
  'zone.': '片区',
  'case.': '信访举报',
  'risk_plan.': '一村一策',
  'risk_measure.': '化解措施',
  'follow_up.': '换届后续工作',
  'representative.': '村民代表',
  'group_leader.': '村民小组长',
};

/** What kind of object an entry changed. */
export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  stage_record: '阶段填报',
  stored_file: '照片',
  unit_election: '选举',
  candidate: '候选人',
  objection: '异议',
  election_result: '选举结果',
  previous_term: '上届班子',
  campaign: '换届工作',
  campaign_exclusion: '暂缓换届',
  election_day: '选举日',
  village_risk: '风险村',
  rule_set: '规则集',
  guidance_team: '指导组',
  village: '村(社区)',
  cadre: '干部',
  roster: '干部名册',
  visit_log: '走访谈话',
  daily_report: '日报',
  work_summary_narrative: '工作总结文字',
  inspection: '督导检查',
  correction_order: '整改通知',
  record_comment: '领导批注',
  user_account: '账号',
  region: '区划',
  region_tree: '行政区划',
  zone: '片区',
  case: '信访举报',
  risk_plan: '一村一策方案',
  risk_measure: '化解措施',
  follow_up_item: '换届后续工作',
  representative: '村民代表',
  group_leader: '村民小组长',
};

export function auditActionLabel(code: string): string {
  return (AUDIT_ACTION_LABEL as Record<string, string>)[code] ?? code;
}

export function auditEntityLabel(type: string): string {
  return AUDIT_ENTITY_LABEL[type] ?? type;
}

/** Field names of the before/after snapshots (stage counts and rule codes are named from their own tables). */
export const AUDIT_FIELD_LABEL: Record<string, string> = {
  // work summary narratives
  paragraph: '段落',
  body: '正文',
  // stage records
  status: '状态',
  doneDate: '完成日期',
  counts: '数字',
  note: '备注',
  explanation: '情况说明',
  photoFileId: '照片',
  reviewComment: '审核意见',
  track: '类别',
  tracks: '换届类别',
  stage: '阶段',
  // files
  mimeType: '文件类型',
  size: '大小(字节)',
  sha256: '校验值',
  // candidates and persons
  person: '本人',
  name: '姓名',
  gender: '性别',
  birthDate: '出生日期',
  birthPrecision: '出生日期精度',
  ethnicity: '民族',
  education: '学历',
  politicalStatus: '政治面貌',
  tags: '标签',
  post: '职务',
  nominationSource: '提名方式',
  partyVotes: '党员推荐票',
  massVotes: '群众推荐票',
  jointNominators: '联名人数',
  preliminaryVotes: '预选得票',
  candidateId: '候选人',
  votes: '得票',
  department: '审查部门',
  result: '审查结果',
  kind: '类型',
  startsOn: '开始日期',
  endsOn: '结束日期',
  receivedOn: '收到日期',
  content: '内容',
  decision: '处理结果',
  decisionNote: '处理说明',
  // setup
  seats: '职数',
  partyRoundParticipants: '党员推荐参加人数',
  massRoundParticipants: '群众推荐参加人数',
  // results
  sheet: '选举结果表',
  meetings: '选举会议',
  round: '轮次',
  heldOn: '选举日期',
  votesFor: '得票(赞成票)',
  against: '反对票',
  abstain: '弃权票',
  writeIns: '另选他人',
  elected: '当选',
  electedWriteIns: '另选他人当选',
  revision: '版本',
  reason: '理由',
  // campaigns
  termNumbers: '届次',
  electionDayPlan: '选举日安排',
  electionDay: '选举日',
  windowStart: '选举期开始',
  windowEnd: '选举期结束',
  ordering: '先后顺序',
  ruleSetId: '规则集',
  basedOnId: '基于规则集',
  campaignId: '换届工作',
  regionId: '区划',
  unitElections: '开展选举的村数',
  day: '日期',
  level: '风险等级',
  plan: '化解措施',
  // office holders, guidance
  villages: '村数',
  createdPersons: '新建人员数',
  row: '行号',
  members: '成员',
  role: '角色',
  rank: '职级',
  phone: '电话',
  unit: '单位',
  title: '职务',
  cadreId: '干部',
  teamId: '指导组',
  visitedOn: '走访日期',
  summary: '摘要',
  date: '日期',
  // supervision and comments
  inspectedOn: '检查日期',
  findings: '发现问题',
  category: '问题类别',
  text: '内容',
  issuedOn: '下发日期',
  deadline: '整改期限',
  requirement: '整改要求',
  inspectionId: '督导检查',
  answer: '整改情况',
  answeredOn: '回复日期',
  escalated: '交办乡镇',
  unitElectionId: '选举',
  stageCode: '阶段',
  resolution: '办理结果',
  // accounts
  username: '用户名',
  displayName: '显示名称',
  disabled: '已停用',
  mustChangePassword: '须修改密码',
  oneTimePassword: '一次性密码',
  // regions and zones
  code: '统计用区划代码',
  townshipKind: '乡镇类型',
  households: '户数',
  population: '人口',
  villagerGroups: '村民小组数',
  mergedOn: '撤并日期',
  mergedIntoId: '撤并入',
  mergedInto: '撤并入',
  parentCode: '上级代码',
  parentId: '上级区划',
  created: '新增',
  updated: '修改',
  merged: '撤并',
  unchanged: '未变',
  headName: '片区负责人',
  villageIds: '村(社区)',
  zoneId: '片区',
  // cases
  channel: '来源渠道',
  severity: '严重程度',
  allegation: '反映内容',
  reporter: '举报人信息',
  handlerKind: '办理单位类型',
  handlerTeamId: '办理组',
  acknowledgedOn: '受理日期',
  closedOn: '办结日期',
  outcome: '办理结果',
  measures: '处理措施',
  measuresNote: '处理情况',
  reply: '答复举报人',
  actionOn: '处理日期',
  actor: '经办人',
  action: '处理情况',
  // risk plans (一村一策)
  ownerCadreId: '责任人',
  planDate: '方案制定日期',
  escalatedOn: '提请县级协调日期',
  escalationNote: '提请事项',
  escalatedBy: '提请人',
  answeredBy: '答复人',
  resolvedOn: '化解日期',
  resolutionNote: '化解情况',
  description: '措施内容',
  doneOn: '完成日期',
  dropReason: '撤销原因',
  // track F checklist (follow-up.ts)
  itemCode: '事项',
  doneBy: '经办人',
  fileId: '附件',
  // representatives and group leaders
  groupId: '村民小组',
  partyMember: '中共党员',
  method: '推选方式',
  groupPost: '小组职务',
  representativeId: '兼任村民代表',
};

const STAGE_NAME = new Map(
  Object.values(STAGE_TEMPLATE).flatMap((stages) => stages.map((s) => [s.code, s.name] as const)),
);
const COUNT_LABEL = new Map<string, string>([
  ...Object.values(STAGE_TEMPLATE).flatMap((stages) =>
    stages.flatMap((s) => s.counts.map((c) => [c.key, c.label] as const)),
  ),
  ...Object.entries(MEETING_COUNT_LABEL),
]);

/** The Chinese side of a bilingual label table. */
const zhOf = (table: Record<string, { zh: string }>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v.zh]));

const VALUE_LABEL: Record<string, Record<string, string>> = {
  status: {
    ...zhOf(CASE_STATUS_LABEL),
    ...STAGE_STATUS_LABEL,
    running: '进行中',
    closed: '已结束',
  },
  track: zhOf(TRACK_LABEL),
  post: zhOf(POST_LABEL),
  gender: GENDER_LABEL,
  education: EDUCATION_LABEL,
  politicalStatus: POLITICAL_STATUS_LABEL,
  nominationSource: NOMINATION_SOURCE_LABEL,
  round: ROUND_LABEL,
  ordering: ORDERING_LABEL,
  level: RISK_LABEL,
  result: VETTING_STATUS_LABEL,
  decision: { pending: '待处理', upheld: '异议成立', rejected: '异议不成立' },
  kind: {
    ...TEAM_KIND_LABEL,
    ...VISIT_KIND_LABEL,
    candidates: '候选人公示',
    formal_list: '正式候选人名单公示',
  },
  birthPrecision: { day: '到日', month: '到月' },
  role: {
    ...TEAM_ROLE_LABEL,
    ...Object.fromEntries(Object.entries(ROLE_INFO).map(([k, v]) => [k, v.label.zh])),
  },
  townshipKind: TOWNSHIP_KIND_LABEL,
  channel: zhOf(CASE_CHANNEL_LABEL),
  // findings of inspections and categories of cases share the field name
  category: { ...FINDING_CATEGORY_LABEL, ...zhOf(CASE_CATEGORY_LABEL) },
  severity: zhOf(CASE_SEVERITY_LABEL),
  outcome: zhOf(CASE_OUTCOME_LABEL),
  measures: zhOf(CASE_MEASURE_LABEL),
  handlerKind: zhOf(CASE_HANDLER_KIND_LABEL),
  itemCode: Object.fromEntries(FOLLOW_UP_ITEMS.map((i) => [i.code, i.name])),
  method: REPRESENTATIVE_METHOD_LABEL,
  groupPost: GROUP_LEADER_POST_LABEL,
};

/** A field's name: the dictionary above, a stage's count or a rule's label; else the key itself. */
export function auditFieldLabel(key: string): string {
  return (
    AUDIT_FIELD_LABEL[key] ??
    COUNT_LABEL.get(key) ??
    (RULES as Record<string, { label: string } | undefined>)[key]?.label ??
    key
  );
}

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (key === 'stage')
      return (
        (CANDIDATE_STAGE_LABEL as Record<string, string | undefined>)[value] ??
        STAGE_NAME.get(value) ??
        value
      );
    return VALUE_LABEL[key]?.[value] ?? value;
  }
  if (Array.isArray(value))
    return value.map((v) => valueText(key === 'tracks' ? 'track' : key, v)).join('、');
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Leaf {
  label: string;
  key: string;
  value: unknown;
}

/** Flattens a snapshot to its leaves, each named by the Chinese names of its path. */
function leaves(value: unknown, into: Map<string, Leaf>, path = '', label = '', key = ''): void {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const name = auditFieldLabel(k);
      leaves(v, into, path ? `${path}.${k}` : k, label ? `${label} · ${name}` : name, k);
    }
    return;
  }
  if (Array.isArray(value) && value.some((v) => isPlainObject(v) || Array.isArray(v))) {
    value.forEach((v, i) => {
      leaves(v, into, `${path}[${i}]`, `${label}${i + 1}`, key);
    });
    return;
  }
  into.set(path, { label: label || '值', key, value });
}

export interface AuditChange {
  /** The path in the snapshot, e.g. "counts.registered" or "meetings[0].votes[1].votesFor". */
  field: string;
  /** The same in words: "数字 · 本届登记选民数", "选举会议1 · 得票2 · 得票(赞成票)". */
  label: string;
  before: string | null;
  after: string | null;
}

/** The fields that differ between before and after, in words; every field of a creation or deletion. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = new Map<string, Leaf>();
  const now = new Map<string, Leaf>();
  leaves(before, was);
  leaves(after, now);
  const changes: AuditChange[] = [];
  const text = (leaf: Leaf | undefined) => {
    if (leaf === undefined) return null;
    const shown = valueText(leaf.key, leaf.value);
    return shown === '' ? null : shown;
  };
  for (const field of [...now.keys(), ...[...was.keys()].filter((k) => !now.has(k))]) {
    const a = was.get(field);
    const b = now.get(field);
    if (JSON.stringify(a?.value ?? null) === JSON.stringify(b?.value ?? null)) continue;
    const label = b?.label ?? a?.label ?? field;
    changes.push({ field, label, before: text(a), after: text(b) });
  }
  return changes;
}
