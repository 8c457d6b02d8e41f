import type { CampaignId, Finding, Gender, GroupLeaderPost, RegionId } from '@huanjie/domain';
import {
  GENDERS,
  GROUP_LEADER_POSTS,
  REPRESENTATIVE_METHODS,
  can,
  checkGroupLeaders,
  checkRepresentatives,
  groupLeaderProblem,
  householdsPerRepresentative,
  isVillageLevel,
  isWithinAny,
  readRepresentativeRules,
  roleAllows,
} from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext } from '../../context.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { assertOpen, resolveCampaign, ruleValuesOf } from '../../shared/campaign.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { RegionRef } from '../../shared/scope.js';
import { authorize, findRegion } from '../../shared/scope.js';
import { parseInput, text } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './representatives.repo.js';
import type { GroupLeaderRow, RepresentativeRow } from './representatives.repo.js';

export type { GroupLeaderRow, RepresentativeRow } from './representatives.repo.js';

const VILLAGE_NOT_FOUND = '所选村(社区)不存在或不在您的管辖范围内';
const FORBIDDEN = '只有本村(社区)、包村指导组和乡镇选举办可以登记村民代表和村民小组长';

/** One village's representatives and group leaders, with the rule checks on them. */
export interface RepresentativesView {
  village: RegionRef;
  campaign: CampaignRef;
  households: number | null;
  groups: { id: number; name: string }[];
  representatives: RepresentativeRow[];
  leaders: GroupLeaderRow[];
  findings: Finding[];
  householdsPerRepresentative: number | null;
  canEdit: boolean;
}

/** A village the caller reads, else not found: one outside the caller's region does not exist for them. */
async function villageInScope(ctx: AuthenticatedContext, id: RegionId): Promise<RegionRef> {
  const village = await findRegion(ctx.db, id);
  if (
    !village ||
    !isVillageLevel(village.level) ||
    !can(ctx.actor, 'campaign.read', { regionPath: village.path })
  ) {
    throw new NotFoundError(VILLAGE_NOT_FOUND);
  }
  return village;
}

async function buildView(
  ctx: AuthenticatedContext,
  village: RegionRef,
  campaign: CampaignRef,
): Promise<RepresentativesView> {
  const [facts, representatives, leaders, values] = await Promise.all([
    repo.villageFacts(ctx.db, village.id),
    repo.representativesOf(ctx.db, campaign.id, village.id),
    repo.leadersOf(ctx.db, campaign.id, village.id),
    ruleValuesOf(ctx.db, campaign),
  ]);
  const rules = readRepresentativeRules(values);
  const input = { ...facts, representatives, leaders };
  return {
    village,
    campaign,
    households: facts.households,
    groups: facts.groups,
    representatives,
    leaders,
    findings: [...checkRepresentatives(input, rules), ...checkGroupLeaders(input, rules)],
    householdsPerRepresentative: householdsPerRepresentative(
      facts.households,
      representatives.length,
    ),
    canEdit:
      campaign.status !== 'closed' &&
      can(ctx.actor, 'representative.enter', { regionPath: village.path }),
  };
}

export async function villageRepresentatives(
  ctx: AuthenticatedContext,
  input: { villageId: RegionId; campaignId?: CampaignId | null },
): Promise<RepresentativesView> {
  const village = await villageInScope(ctx, input.villageId);
  const campaign = await resolveCampaign(ctx.db, village.path, input.campaignId);
  return buildView(ctx, village, campaign);
}

/** The village and campaign a write goes to, checked: in scope, allowed, campaign open. */
async function writable(
  ctx: AuthenticatedContext,
  villageId: RegionId,
  campaignId: CampaignId | null | undefined,
) {
  const village = await villageInScope(ctx, villageId);
  authorize(ctx.actor, 'representative.enter', village.path, FORBIDDEN);
  const campaign = await resolveCampaign(ctx.db, village.path, campaignId);
  assertOpen(campaign);
  return { village, campaign };
}

/** The villager group a record names: required, and one of the village's groups. */
function groupOf(
  groups: { id: number; name: string }[],
  groupId: number | null | undefined,
  what: string,
): number {
  if (groupId == null) {
    throw new ValidationError(`${what}：请选择所属村民小组`, [
      { path: ['input', 'groupId'], message: '请选择所属村民小组' },
    ]);
  }
  if (!groups.some((g) => g.id === groupId)) {
    throw new ValidationError(`${what}：所属村民小组须为本村的村民小组`, [
      { path: ['input', 'groupId'], message: '所属村民小组须为本村的村民小组' },
    ]);
  }
  return groupId;
}

const personFields = {
  name: text('姓名', 20, 'line'),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  partyMember: z.boolean({ error: '请选择是否中共党员' }),
};

export interface RepresentativeInput {
  id?: number | null;
  villageId: RegionId;
  campaignId?: CampaignId | null;
  groupId?: number | null;
  name: string;
  gender: Gender;
  partyMember: boolean;
  method: string;
}

/** Records or edits one representative of a village; audited; refused whole on bad input. */
export async function saveRepresentative(
  ctx: AuthenticatedContext,
  input: RepresentativeInput,
): Promise<RepresentativesView> {
  const { village, campaign } = await writable(ctx, input.villageId, input.campaignId);
  const existing = input.id == null ? null : await repo.findRepresentative(ctx.db, input.id);
  if (
    input.id != null &&
    (!existing || existing.regionId !== village.id || existing.campaignId !== campaign.id)
  ) {
    throw new NotFoundError('该村民代表不存在或无权查看');
  }
  const what = '村民代表信息有误';
  const facts = await repo.villageFacts(ctx.db, village.id);
  const groupId = groupOf(facts.groups, input.groupId, what);
  const parsed = parseInput(
    z.object({
      ...personFields,
      method: z.enum(REPRESENTATIVE_METHODS, { error: '请选择推选方式' }),
    }),
    input,
    what,
  );
  const values = { ...parsed, groupId, enteredBy: ctx.actor.userId };
  await ctx.db.transaction(async (tx) => {
    if (existing) {
      await repo.updateRepresentative(tx, existing.id, values);
      await recordAudit(tx, ctx, {
        action: 'representative.update',
        entityType: 'representative',
        entityId: existing.id,
        regionPath: village.path,
        before: repSnapshot(existing),
        after: repSnapshot(values),
      });
    } else {
      const id = await repo.insertRepresentative(tx, {
        ...values,
        campaignId: campaign.id,
        regionId: village.id,
        regionPath: village.path,
      });
      await recordAudit(tx, ctx, {
        action: 'representative.create',
        entityType: 'representative',
        entityId: id,
        regionPath: village.path,
        after: repSnapshot(values),
      });
    }
  });
  return buildView(ctx, village, campaign);
}

function repSnapshot(r: {
  groupId: number;
  name: string;
  gender: string;
  partyMember: boolean;
  method: string;
}) {
  return {
    groupId: r.groupId,
    name: r.name,
    gender: r.gender,
    partyMember: r.partyMember,
    method: r.method,
  };
}

function leaderSnapshot(l: {
  groupId: number;
  post: string;
  name: string;
  gender: string;
  partyMember: boolean;
  representativeId: number | null;
}) {
  return {
    groupId: l.groupId,
    groupPost: l.post,
    name: l.name,
    gender: l.gender,
    partyMember: l.partyMember,
    representativeId: l.representativeId,
  };
}

export async function removeRepresentative(
  ctx: AuthenticatedContext,
  id: number,
): Promise<RepresentativesView> {
  const row = await repo.findRepresentative(ctx.db, id);
  if (!row || !isWithinAny(row.regionPath, ctx.actor.scopeRoots)) {
    throw new NotFoundError('该村民代表不存在或无权查看');
  }
  const { village, campaign } = await writable(
    ctx,
    row.regionId as RegionId,
    row.campaignId as CampaignId,
  );
  await ctx.db.transaction(async (tx) => {
    await repo.deleteRepresentative(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'representative.delete',
      entityType: 'representative',
      entityId: row.id,
      regionPath: village.path,
      before: repSnapshot(row),
    });
  });
  return buildView(ctx, village, campaign);
}

export interface GroupLeaderInput {
  id?: number | null;
  villageId: RegionId;
  campaignId?: CampaignId | null;
  groupId?: number | null;
  post: GroupLeaderPost;
  name: string;
  gender: Gender;
  partyMember: boolean;
  representativeId?: number | null;
}

/**
 * Records or edits a 村民小组长 / 副组长. Refused whole when the group is missing or not the
 * village's, or when it would give a group a second 组长 (so more group leaders than groups).
 */
export async function saveGroupLeader(
  ctx: AuthenticatedContext,
  input: GroupLeaderInput,
): Promise<RepresentativesView> {
  const { village, campaign } = await writable(ctx, input.villageId, input.campaignId);
  const existing = input.id == null ? null : await repo.findLeader(ctx.db, input.id);
  if (
    input.id != null &&
    (!existing || existing.regionId !== village.id || existing.campaignId !== campaign.id)
  ) {
    throw new NotFoundError('该村民小组长不存在或无权查看');
  }
  const what = '村民小组长信息有误';
  const facts = await repo.villageFacts(ctx.db, village.id);
  const groupId = groupOf(facts.groups, input.groupId, what);
  const parsed = parseInput(
    z.object({
      ...personFields,
      post: z.enum(GROUP_LEADER_POSTS, { error: '请选择组长或副组长' }),
    }),
    input,
    what,
  );
  let representativeId: number | null = null;
  if (input.representativeId != null) {
    const rep = await repo.findRepresentative(ctx.db, input.representativeId);
    if (!rep || rep.regionId !== village.id || rep.campaignId !== campaign.id) {
      throw new ValidationError(`${what}：兼任的村民代表须为本村的村民代表`, [
        { path: ['input', 'representativeId'], message: '兼任的村民代表须为本村的村民代表' },
      ]);
    }
    representativeId = rep.id;
  }
  const others = (await repo.leadersOf(ctx.db, campaign.id, village.id)).filter(
    (l) => l.id !== existing?.id,
  );
  const problem = groupLeaderProblem(facts.groups, [...others, { groupId, post: parsed.post }]);
  if (problem) {
    throw new ValidationError(`${what}：${problem.message}`, [
      { path: ['input', problem.field], message: problem.message },
    ]);
  }
  const values = { ...parsed, groupId, representativeId, enteredBy: ctx.actor.userId };
  await ctx.db.transaction(async (tx) => {
    if (existing) {
      await repo.updateLeader(tx, existing.id, values);
      await recordAudit(tx, ctx, {
        action: 'group_leader.update',
        entityType: 'group_leader',
        entityId: existing.id,
        regionPath: village.path,
        before: leaderSnapshot(existing),
        after: leaderSnapshot(values),
      });
    } else {
      const id = await repo.insertLeader(tx, {
        ...values,
        campaignId: campaign.id,
        regionId: village.id,
        regionPath: village.path,
      });
      await recordAudit(tx, ctx, {
        action: 'group_leader.create',
        entityType: 'group_leader',
        entityId: id,
        regionPath: village.path,
        after: leaderSnapshot(values),
      });
    }
  });
  return buildView(ctx, village, campaign);
}

export async function removeGroupLeader(
  ctx: AuthenticatedContext,
  id: number,
): Promise<RepresentativesView> {
  const row = await repo.findLeader(ctx.db, id);
  if (!row || !isWithinAny(row.regionPath, ctx.actor.scopeRoots)) {
    throw new NotFoundError('该村民小组长不存在或无权查看');
  }
  const { village, campaign } = await writable(
    ctx,
    row.regionId as RegionId,
    row.campaignId as CampaignId,
  );
  await ctx.db.transaction(async (tx) => {
    await repo.deleteLeader(tx, row.id);
    await recordAudit(tx, ctx, {
      action: 'group_leader.delete',
      entityType: 'group_leader',
      entityId: row.id,
      regionPath: village.path,
      before: leaderSnapshot(row),
    });
  });
  return buildView(ctx, village, campaign);
}

/** Figures of representatives and leaders over a set of villages, each with its denominator. */
export interface RepresentativeTotals {
  /** Villages and communities in the subtree taking part: the denominator of villagesReporting. */
  villages: number;
  villagesReporting: number;
  representatives: number;
  women: number;
  partyMembers: number;
  alsoGroupLeader: number;
  groupLeaders: number;
  groupDeputies: number;
  /** Villager groups of the reporting villages: the denominator of groupLeaders. */
  groups: number;
}

/**
 * The figures of each region (disjoint subtrees, with the campaign's villages in each as the
 * denominator of villagesReporting), in their order, from one query: the statistics module and
 * the exports read this.
 */
export async function representativeTotalsByRegion(
  ctx: Pick<AuthenticatedContext, 'db'>,
  campaignId: number,
  regions: readonly { path: string; villages: number }[],
): Promise<RepresentativeTotals[]> {
  const rows = await repo.figuresByRegion(
    ctx.db,
    campaignId,
    regions.map((r) => r.path),
  );
  const byPath = new Map(rows.map((r) => [r.path, r]));
  return regions.map(({ path, villages }) => {
    const r = byPath.get(path);
    return {
      villages,
      villagesReporting: r?.villages_reporting ?? 0,
      representatives: r?.representatives ?? 0,
      women: r?.women ?? 0,
      partyMembers: r?.party_members ?? 0,
      alsoGroupLeader: r?.also_group_leader ?? 0,
      groupLeaders: r?.group_leaders ?? 0,
      groupDeputies: r?.group_deputies ?? 0,
      groups: r?.groups ?? 0,
    };
  });
}

/** The role may record representatives somewhere (the village app shows the entry then). */
export function mayEnter(ctx: AuthenticatedContext): boolean {
  return roleAllows(ctx.actor.role, 'representative.enter');
}
