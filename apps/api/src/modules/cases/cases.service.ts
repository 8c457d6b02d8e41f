import type {
  Actor,
  Finding,
  CampaignId,
  CandidateId,
  CaseCategory,
  CaseDeadlines,
  CaseEvent,
  CaseHandlerKind,
  CaseId,
  CaseLateness,
  CaseMeasure,
  CaseStatus,
  GuidanceTeamId,
  RegionId,
} from '@huanjie/domain';
import {
  ANONYMOUS,
  CASE_CATEGORIES,
  CASE_CATEGORY_LABEL,
  CASE_CHANNELS,
  CASE_HANDLER_KINDS,
  CASE_MEASURES,
  CASE_OUTCOMES,
  CASE_SEVERITIES,
  CASE_STATUSES,
  TEXT_LIMITS,
  caseDeadlines,
  caseLateness,
  caseTransition,
  finding,
  isBriberyFinding,
  isVillageLevel,
  isWithinAny,
  pathIds,
  roleAllows,
  rulesFrom,
  parentPathIn,
} from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext } from '../../context.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { assertOpen, resolveCampaign, ruleValuesOf } from '../../shared/campaign.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../shared/errors.js';
import { countyPathOf, findRegion } from '../../shared/scope.js';
import { optionalText, parseInput, pastDate, text } from '../../shared/validation.js';
import { globalId } from '../../shared/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './cases.repo.js';
import type { CaseActionRecord, CaseRecord } from './cases.repo.js';

/** A case as a caller sees it: the reporter's identity only when the caller may see it. */
export interface CaseView extends Omit<
  CaseRecord,
  'reporterName' | 'reporterPhone' | 'reporterIdNumber'
> {
  reporterVisible: boolean;
  /** The name (or 匿名 when the reporter gave none, or the caller may not see it). */
  reporterName: string;
  reporterPhone: string | null;
  reporterIdNumber: string | null;
  deadlines: CaseDeadlines;
  lateness: CaseLateness;
  actions: CaseActionRecord[];
  /** The caller may accept, investigate and close it. */
  canHandle: boolean;
  canAssign: boolean;
}

/** What the caller may know of the people around a case: the teams they sit on. */
interface Viewer {
  actor: Actor;
  teamIds: Set<number>;
}

async function viewerOf(ctx: AuthenticatedContext): Promise<Viewer> {
  return { actor: ctx.actor, teamIds: await repo.teamIdsOfUser(ctx.db, ctx.actor.userId) };
}

function inScope(actor: Actor, path: string): boolean {
  return isWithinAny(path, actor.scopeRoots);
}

/** The handling group: the team's members, or the office's own staff. */
function inHandlingGroup(viewer: Viewer, c: CaseRecord): boolean {
  const { actor } = viewer;
  switch (c.handlerKind) {
    case null:
      return false;
    case 'team':
      return c.handlerTeamId !== null && viewer.teamIds.has(c.handlerTeamId);
    case 'township_office':
      return actor.role === 'township_coordinator' && actor.homeRegionId === c.handlerRegionId;
    case 'county_office':
      return actor.role === 'county_admin' && actor.homeRegionId === c.handlerRegionId;
  }
}

/** PRODUCT.md §8: the reporter's identity is for the handling group (and the county admin) only. */
function seesReporter(viewer: Viewer, c: CaseRecord): boolean {
  return (
    (viewer.actor.role === 'county_admin' && inScope(viewer.actor, c.regionPath)) ||
    inHandlingGroup(viewer, c)
  );
}

/**
 * Who runs a case: its handling group, and the offices that run the queue — the county admin and
 * the township's election office (within their scope).
 */
function mayHandle(viewer: Viewer, c: CaseRecord): boolean {
  const { actor } = viewer;
  if (!roleAllows(actor.role, 'case.handle') || !inScope(actor, c.regionPath)) return false;
  return (
    actor.role === 'county_admin' ||
    actor.role === 'township_coordinator' ||
    inHandlingGroup(viewer, c)
  );
}

function mayAssign(actor: Actor, c: CaseRecord): boolean {
  return roleAllows(actor.role, 'case.assign') && inScope(actor, c.regionPath);
}

function view(
  viewer: Viewer,
  c: CaseRecord,
  actions: CaseActionRecord[],
  ruleValues: Parameters<typeof rulesFrom>[0],
  today: string,
): CaseView {
  const visible = seesReporter(viewer, c);
  const deadlines = caseDeadlines(c.receivedOn, c.acknowledgedOn, rulesFrom(ruleValues));
  const { reporterName, reporterPhone, reporterIdNumber, ...rest } = c;
  return {
    ...rest,
    reporterVisible: visible,
    reporterName: visible ? (reporterName ?? ANONYMOUS) : ANONYMOUS,
    reporterPhone: visible ? reporterPhone : null,
    reporterIdNumber: visible ? reporterIdNumber : null,
    deadlines,
    lateness: caseLateness(c, deadlines, today),
    actions,
    canHandle: c.status !== 'closed' && mayHandle(viewer, c),
    canAssign: mayAssign(viewer.actor, c) && caseTransition(c.status, { type: 'assign' }).ok,
  };
}

/** The handling group as the screens and exports name it. */
export function caseHandlerName(
  c: Pick<CaseRecord, 'handlerKind' | 'handlerTeamName' | 'handlerRegionName'>,
): string | null {
  switch (c.handlerKind) {
    case null:
      return null;
    case 'team':
      return c.handlerTeamName ?? '（已撤销的工作组）';
    case 'township_office':
      return `${c.handlerRegionName ?? ''}选举办`;
    case 'county_office':
      return `${c.handlerRegionName ?? ''}换届办`;
  }
}

/** A case the caller may read, or NOT_FOUND (a case outside the caller's scope does not exist for them). */
async function requireCase(ctx: AuthenticatedContext, id: CaseId): Promise<CaseRecord> {
  const c = await repo.findCase(ctx.db, id);
  if (!c || !inScope(ctx.actor, c.regionPath) || !roleAllows(ctx.actor.role, 'campaign.read')) {
    throw new NotFoundError('该案件不存在或无权查看');
  }
  return c;
}

async function campaignOf(ctx: AuthenticatedContext, c: CaseRecord): Promise<CampaignRef> {
  const campaign = await resolveCampaign(ctx.db, c.regionPath, c.campaignId as CampaignId);
  return campaign;
}

async function viewOne(ctx: AuthenticatedContext, id: CaseId): Promise<CaseView> {
  const c = await requireCase(ctx, id);
  const [viewer, campaign, actions] = await Promise.all([
    viewerOf(ctx),
    campaignOf(ctx, c),
    repo.actionsOf(ctx.db, [c.id]),
  ]);
  return view(viewer, c, actions, await ruleValuesOf(ctx.db, campaign), ctx.clock.today());
}

export function getCase(ctx: AuthenticatedContext, id: CaseId): Promise<CaseView> {
  return viewOne(ctx, id);
}

const enumOf = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label}无效，请从列表中选择` });

/** A date of the case: a real day, not after today and not before the case was received. */
const caseDate = (label: string, receivedOn: string, today: string) =>
  pastDate(today, `${label}不能晚于今天`).refine((d) => d >= receivedOn, {
    message: `${label}不能早于收到日期（${receivedOn}）`,
  });

export interface OpenCaseInput {
  villageId: RegionId;
  campaignId?: CampaignId | null;
  channel: string;
  category: string;
  severity: string;
  allegation: string;
  receivedOn: string;
  candidateId?: CandidateId | null;
  personConcerned?: string | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterIdNumber?: string | null;
}

export async function openCase(ctx: AuthenticatedContext, input: OpenCaseInput): Promise<CaseView> {
  const village = await findRegion(ctx.db, input.villageId);
  // a village outside the caller's region does not exist for them
  if (!village || !inScope(ctx.actor, village.path)) {
    throw new NotFoundError('所选村(社区)不存在或不在您的管辖范围内');
  }
  if (!isVillageLevel(village.level)) throw new ValidationError('请选择案件涉及的村(社区)');
  if (!roleAllows(ctx.actor.role, 'case.open')) throw new ForbiddenError('无权登记信访举报');
  const campaign = await resolveCampaign(ctx.db, village.path, input.campaignId);
  assertOpen(campaign);
  const today = ctx.clock.today();
  const parsed = parseInput(
    z.object({
      channel: enumOf(CASE_CHANNELS, '来源渠道'),
      category: enumOf(CASE_CATEGORIES, '问题类别'),
      severity: enumOf(CASE_SEVERITIES, '严重程度'),
      allegation: text('反映内容', TEXT_LIMITS.longText),
      receivedOn: pastDate(today, '收到日期不能晚于今天'),
      personConcerned: optionalText('涉及人员', TEXT_LIMITS.personName, 'line'),
      reporterName: optionalText('举报人姓名', TEXT_LIMITS.personName, 'line'),
      reporterPhone: optionalText('举报人电话', 20, 'line').refine(
        (s) => s === null || /^[0-9+\- ]{5,20}$/.test(s),
        { message: '举报人电话只能包含数字、空格、+ 和 -' },
      ),
      reporterIdNumber: optionalText('举报人身份证号', 18, 'line').refine(
        (s) => s === null || /^\d{17}[\dXx]$/.test(s),
        { message: '举报人身份证号应为18位' },
      ),
    }),
    input,
    '信访举报登记有误',
  );
  let candidateId: number | null = null;
  if (input.candidateId != null) {
    const candidate = await repo.findCandidate(ctx.db, input.candidateId);
    if (!candidate || candidate.regionPath !== village.path) {
      throw new ValidationError('信访举报登记有误：涉及的候选人不属于所选村(社区)', [
        { path: ['candidateId'], message: '涉及的候选人不属于所选村(社区)' },
      ]);
    }
    candidateId = candidate.id;
  }
  const values = {
    campaignId: campaign.id,
    regionId: village.id,
    regionPath: village.path,
    channel: parsed.channel,
    category: parsed.category,
    severity: parsed.severity,
    allegation: parsed.allegation,
    receivedOn: parsed.receivedOn,
    candidateId,
    personConcerned: parsed.personConcerned,
    reporterName: parsed.reporterName,
    reporterPhone: parsed.reporterPhone,
    reporterIdNumber: parsed.reporterIdNumber,
    openedBy: ctx.actor.userId,
    openedByRole: ctx.actor.role,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const caseId = await repo.insertCase(tx, values);
    await recordAudit(tx, ctx, {
      action: 'case.open',
      entityType: 'case',
      entityId: caseId,
      regionPath: village.path,
      after: auditSnapshot(values),
    });
    return caseId;
  });
  return viewOne(ctx, id as CaseId);
}

/**
 * What the audit log keeps of a case: never the reporter's identity (the log is read by people who
 * may not see it), only whether one was given.
 */
function auditSnapshot(v: {
  channel: string;
  category: string;
  severity: string;
  allegation: string;
  receivedOn: string;
  candidateId: number | null;
  personConcerned: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterIdNumber: string | null;
}) {
  const given = v.reporterName !== null || v.reporterPhone !== null || v.reporterIdNumber !== null;
  return {
    channel: v.channel,
    category: v.category,
    severity: v.severity,
    allegation: v.allegation,
    receivedOn: v.receivedOn,
    candidateId: v.candidateId,
    personConcerned: v.personConcerned,
    reporter: given ? '已登记（仅办理单位可见）' : ANONYMOUS,
  };
}

/** Applies one step of the workflow to a case, or refuses it in words. */
function step(c: CaseRecord, event: CaseEvent): CaseStatus {
  const t = caseTransition(c.status, event);
  if (!t.ok) throw new ConflictError(t.reason);
  return t.status;
}

async function save(
  ctx: AuthenticatedContext,
  c: CaseRecord,
  values: Parameters<typeof repo.updateCase>[3],
  audit: {
    action: 'case.assign' | 'case.acknowledge' | 'case.close';
    before: unknown;
    after: unknown;
  },
): Promise<CaseView> {
  const campaign = await campaignOf(ctx, c);
  assertOpen(campaign);
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.updateCase(tx, c.id, c.version, values, ctx.clock.now());
    if (!ok) throw new ConflictError();
    await recordAudit(tx, ctx, {
      action: audit.action,
      entityType: 'case',
      entityId: c.id,
      regionPath: c.regionPath,
      before: audit.before,
      after: audit.after,
    });
  });
  return viewOne(ctx, c.id as CaseId);
}

export interface AssignCaseInput {
  handlerKind: CaseHandlerKind;
  teamId?: GuidanceTeamId | null;
}

/**
 * Hands a case to a handling group: a guidance team of the village's township or a supervision
 * team of its county, the township's election office, or the county's.
 */
export async function assignCase(
  ctx: AuthenticatedContext,
  id: CaseId,
  input: AssignCaseInput,
): Promise<CaseView> {
  const c = await requireCase(ctx, id);
  if (!mayAssign(ctx.actor, c)) throw new ForbiddenError('无权交办该案件');
  if (!(CASE_HANDLER_KINDS as readonly string[]).includes(input.handlerKind)) {
    throw new ValidationError('办理单位类型无效');
  }
  const status = step(c, { type: 'assign' });
  const township = parentPath(c.regionPath);
  let handlerTeamId: number | null = null;
  let handlerRegionId: number | null = null;
  switch (input.handlerKind) {
    case 'team': {
      const team = input.teamId == null ? undefined : await repo.findTeam(ctx.db, input.teamId);
      const fits =
        team !== undefined &&
        team.campaignId === c.campaignId &&
        (team.kind === 'guidance'
          ? team.regionPath === township
          : team.regionPath === countyPathOf(c.regionPath));
      if (!fits) {
        throw new ValidationError('交办有误：请选择本乡镇的指导组或本县的督导组', [
          { path: ['teamId'], message: '请选择本乡镇的指导组或本县的督导组' },
        ]);
      }
      handlerTeamId = team.id;
      break;
    }
    case 'township_office':
      handlerRegionId = lastId(township);
      break;
    case 'county_office':
      handlerRegionId = lastId(countyPathOf(c.regionPath));
      break;
  }
  const assigned = {
    handlerKind: input.handlerKind,
    handlerTeamId,
    handlerRegionId,
    assignedOn: ctx.clock.today(),
  };
  return save(
    ctx,
    c,
    { ...assigned, status },
    {
      action: 'case.assign',
      before: {
        status: c.status,
        handlerKind: c.handlerKind,
        handlerTeamId: c.handlerTeamId,
      },
      after: { status, handlerKind: assigned.handlerKind, handlerTeamId },
    },
  );
}

/** "1.4.37." → "1.4.". */
function parentPath(path: string): string {
  return parentPathIn(path);
}

function lastId(path: string): number {
  const id = pathIds(path).at(-1);
  if (id === undefined) throw new Error(`empty region path: ${path}`);
  return id;
}

async function requireHandled(ctx: AuthenticatedContext, id: CaseId): Promise<CaseRecord> {
  const c = await requireCase(ctx, id);
  if (!mayHandle(await viewerOf(ctx), c)) {
    throw new ForbiddenError('只有办理单位可以受理、调查和办结该案件');
  }
  return c;
}

export async function acknowledgeCase(
  ctx: AuthenticatedContext,
  id: CaseId,
  input: { date?: string | null },
): Promise<CaseView> {
  const c = await requireHandled(ctx, id);
  const status = step(c, { type: 'acknowledge' });
  const { date } = parseInput(
    z.object({ date: caseDate('受理日期', c.receivedOn, ctx.clock.today()) }),
    { date: input.date ?? ctx.clock.today() },
    '受理有误',
  );
  return save(
    ctx,
    c,
    { status, acknowledgedOn: date },
    {
      action: 'case.acknowledge',
      before: { status: c.status },
      after: { status, acknowledgedOn: date },
    },
  );
}

export interface CaseActionInput {
  date: string;
  actor: string;
  action: string;
}

/** Records one step of the investigation; the first one puts the case under investigation. */
export async function addCaseAction(
  ctx: AuthenticatedContext,
  id: CaseId,
  input: CaseActionInput,
): Promise<CaseView> {
  const c = await requireHandled(ctx, id);
  const status = step(c, { type: 'investigate' });
  const parsed = parseInput(
    z.object({
      date: caseDate('处理日期', c.acknowledgedOn ?? c.receivedOn, ctx.clock.today()),
      actor: text('经办人', 60, 'line'),
      action: text('处理情况', TEXT_LIMITS.longText),
    }),
    input,
    '调查处理情况有误',
  );
  const campaign = await campaignOf(ctx, c);
  assertOpen(campaign);
  await ctx.db.transaction(async (tx) => {
    const actionId = await repo.insertAction(tx, {
      caseId: c.id,
      regionPath: c.regionPath,
      actionOn: parsed.date,
      actor: parsed.actor,
      action: parsed.action,
      enteredBy: ctx.actor.userId,
    });
    if (status !== c.status) {
      const ok = await repo.updateCase(tx, c.id, c.version, { status }, ctx.clock.now());
      if (!ok) throw new ConflictError();
    }
    await recordAudit(tx, ctx, {
      action: 'case.investigate',
      entityType: 'case',
      entityId: c.id,
      regionPath: c.regionPath,
      before: { status: c.status },
      after: {
        status,
        actionId,
        actionOn: parsed.date,
        actor: parsed.actor,
        action: parsed.action,
      },
    });
  });
  return viewOne(ctx, c.id as CaseId);
}

export interface CloseCaseInput {
  date: string;
  outcome: string;
  measures: string[];
  measuresNote?: string | null;
  reply: string;
}

/** Closes a case with its outcome, the measures taken and the answer given to the reporter. */
export async function closeCase(
  ctx: AuthenticatedContext,
  id: CaseId,
  input: CloseCaseInput,
): Promise<CaseView> {
  const c = await requireHandled(ctx, id);
  const status = step(c, { type: 'close' });
  const parsed = parseInput(
    z.object({
      date: caseDate('办结日期', c.acknowledgedOn ?? c.receivedOn, ctx.clock.today()),
      outcome: enumOf(CASE_OUTCOMES, '办理结果'),
      measures: z.array(enumOf(CASE_MEASURES, '处理措施')).max(CASE_MEASURES.length),
      measuresNote: optionalText('处理情况', TEXT_LIMITS.longText),
      reply: text('答复举报人', TEXT_LIMITS.longText),
    }),
    input,
    '办结有误',
  );
  const measures = [...new Set(parsed.measures)] as CaseMeasure[];
  const closed = {
    status,
    closedOn: parsed.date,
    outcome: parsed.outcome,
    measures,
    measuresNote: parsed.measuresNote,
    reply: parsed.reply,
  };
  return save(ctx, c, closed, {
    action: 'case.close',
    before: { status: c.status },
    after: closed,
  });
}

export interface CaseFilter {
  campaignId?: CampaignId | null;
  status?: CaseStatus | null;
  category?: CaseCategory | null;
  overdueOnly?: boolean | null;
  openOnly?: boolean | null;
}

/** The cases of a region's subtree, newest first; the overdue ones only when asked. */
export async function listCases(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  filter: CaseFilter,
): Promise<CaseView[]> {
  return (await casesOf(ctx, regionId, filter)).views;
}

/**
 * The list `cases` answers, with the region and campaign it belongs to: what an export of the
 * screen's list writes (the same rows, the reporter's identity as the caller may see it).
 */
export function caseListOf(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  filter: CaseFilter,
): Promise<{ region: { id: number; name: string }; campaign: CampaignRef; views: CaseView[] }> {
  return casesOf(ctx, regionId, filter);
}

async function casesOf(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  filter: CaseFilter,
): Promise<{ region: { id: number; name: string }; campaign: CampaignRef; views: CaseView[] }> {
  const region = await findRegion(ctx.db, regionId);
  if (!region || !inScope(ctx.actor, region.path) || !roleAllows(ctx.actor.role, 'campaign.read')) {
    throw new NotFoundError('该区划不存在或无权查看');
  }
  const campaign = await resolveCampaign(ctx.db, region.path, filter.campaignId);
  const [viewer, ruleValues, rows] = await Promise.all([
    viewerOf(ctx),
    ruleValuesOf(ctx.db, campaign),
    repo.casesUnder(ctx.db, campaign.id, region.path, {
      status: filter.status,
      category: filter.category,
      openOnly: filter.openOnly ?? false,
    }),
  ]);
  const actions = await repo.actionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byCase = new Map<number, CaseActionRecord[]>();
  for (const a of actions) byCase.set(a.caseId, [...(byCase.get(a.caseId) ?? []), a]);
  const today = ctx.clock.today();
  const views = rows.map((r) => view(viewer, r, byCase.get(r.id) ?? [], ruleValues, today));
  return {
    region: { id: region.id, name: region.name },
    campaign,
    views: filter.overdueOnly ? views.filter((v) => v.lateness !== 'on_time') : views,
  };
}

export interface CaseSummary {
  campaign: CampaignRef;
  total: number;
  open: number;
  closed: number;
  overdue: number;
  acceptOverdue: number;
  answerOverdue: number;
  byStatus: { status: CaseStatus; count: number }[];
  byCategory: { category: CaseCategory; label: string; count: number; open: number }[];
  /** Upheld (属实 or 部分属实) among the closed. */
  upheld: number;
}

/** Counts for an overview: every case of the subtree, open and overdue ones among them. */
export async function caseSummary(
  ctx: AuthenticatedContext,
  regionId: RegionId,
  campaignId?: CampaignId | null,
): Promise<CaseSummary> {
  const { campaign, views } = await casesOf(ctx, regionId, { campaignId });
  const open = views.filter((v) => v.status !== 'closed');
  return {
    campaign,
    total: views.length,
    open: open.length,
    closed: views.length - open.length,
    overdue: views.filter((v) => v.lateness !== 'on_time').length,
    acceptOverdue: views.filter((v) => v.lateness === 'accept_overdue').length,
    answerOverdue: views.filter((v) => v.lateness === 'answer_overdue').length,
    byStatus: CASE_STATUSES.map((status) => ({
      status,
      count: views.filter((v) => v.status === status).length,
    })),
    byCategory: CASE_CATEGORIES.map((category) => ({
      category,
      label: CASE_CATEGORY_LABEL[category].zh,
      count: views.filter((v) => v.category === category).length,
      open: open.filter((v) => v.category === category).length,
    })),
    upheld: views.filter((v) => v.outcome === 'upheld' || v.outcome === 'partly_upheld').length,
  };
}

/**
 * Open cases per village of a subtree (a village's open problems on its checklist and the
 * township board). Other modules call this, never the repo.
 */
export async function openCasesByVillage(
  ctx: AuthenticatedContext,
  campaignId: number,
  path: string,
): Promise<Map<number, number>> {
  const rows = await repo.openCaseCounts(ctx.db, campaignId, path);
  return new Map(rows.map((r) => [r.regionId, r.open]));
}

/**
 * An upheld (or partly upheld) 贿选 case on a candidate is a finding on the candidate's election:
 * 以贿赂等不正当手段当选的，当选无效.
 */
export async function briberyFindingsFor(
  ctx: Pick<AuthenticatedContext, 'db'>,
  candidates: readonly { id: number; name: string }[],
): Promise<Finding[]> {
  const found = await briberyFindingsOn(
    ctx,
    candidates.map((c) => c.id),
  );
  return candidates.flatMap((c) =>
    (found.get(c.id) ?? []).map((f) =>
      finding(
        'cases.bribery_upheld',
        '《村民委员会组织法》第十七条',
        `${c.name}：信访举报反映的贿选问题经查属实（${f.closedOn ?? ''}办结），须依法处理`,
        ['candidates', globalId('Candidate', c.id)],
      ),
    ),
  );
}

/** Closed 贿选 cases upheld on candidates: a finding on each one's election. */
export async function briberyFindingsOn(
  ctx: Pick<AuthenticatedContext, 'db'>,
  candidateIds: readonly number[],
): Promise<Map<number, { caseId: number; closedOn: string | null }[]>> {
  const rows = await repo.briberyCasesOnCandidates(ctx.db, candidateIds);
  const map = new Map<number, { caseId: number; closedOn: string | null }[]>();
  for (const r of rows) {
    if (r.candidateId === null || !isBriberyFinding(r)) continue;
    map.set(r.candidateId, [
      ...(map.get(r.candidateId) ?? []),
      { caseId: r.id, closedOn: r.closedOn },
    ]);
  }
  return map;
}
