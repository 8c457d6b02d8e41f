import type { Actor, CampaignId, CorrectionOrderId, InspectionId, RegionId } from '@huanjie/domain';
import { FINDING_CATEGORIES, can, isVillageLevel } from '@huanjie/domain';
import type { FindingCategory } from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext, Context } from '../../context.js';
import type { CampaignRef } from '../../shared/campaign.js';
import { assertOpen, resolveCampaign } from '../../shared/campaign.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { RegionRef } from '../../shared/scope.js';
import { authorize, findRegion, villagesUnder } from '../../shared/scope.js';
import { isoDate, parseInput, pastDate, plainText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './supervision.repo.js';
import type { InspectionRow, OrderFilter, OrderRow } from './supervision.repo.js';

export type { InspectionRow, OrderFilter, OrderRow } from './supervision.repo.js';

const NOT_FOUND = '该乡镇不存在或无权查看';

/**
 * A region the actor reads, else not found: a supervisor asking about a township not assigned to
 * them learns nothing of it, not even that it exists.
 */
async function regionInScope(ctx: AuthenticatedContext, id: RegionId): Promise<RegionRef> {
  const region = await findRegion(ctx.db, id);
  if (!region || !can(ctx.actor, 'campaign.read', { regionPath: region.path })) {
    throw new NotFoundError(NOT_FOUND);
  }
  return region;
}

/** A township the actor may inspect, and the campaign the inspection belongs to. */
async function townshipToInspect(
  ctx: AuthenticatedContext,
  townshipId: RegionId,
  campaignId: CampaignId | null | undefined,
) {
  const township = await regionInScope(ctx, townshipId);
  authorize(
    ctx.actor,
    'inspection.record',
    township.path,
    '只有县督导组可以记录督导检查和整改通知',
  );
  if (township.level !== 'township') {
    throw new ValidationError('请选择乡镇(街道)', [
      { path: ['input', 'townshipId'], message: '督导检查的对象是乡镇(街道)' },
    ]);
  }
  const campaign = await resolveCampaign(ctx.db, township.path, campaignId);
  assertOpen(campaign);
  return { township, campaign };
}

export interface InspectionInput {
  townshipId: RegionId;
  campaignId?: CampaignId | null;
  date: string;
  villageIds: RegionId[];
  findings: { category: FindingCategory; text: string }[];
}

/** A county supervisor records an inspection of one of their townships; audited. */
export async function recordInspection(
  ctx: AuthenticatedContext,
  input: InspectionInput,
): Promise<InspectionRow> {
  const { township, campaign } = await townshipToInspect(ctx, input.townshipId, input.campaignId);
  const villages = await villagesUnder(ctx.db, township.path);
  const inTownship = new Set(villages.filter((v) => isVillageLevel(v.level)).map((v) => v.id));
  const { date, villageIds, findings } = parseInput(
    z.object({
      date: pastDate(ctx.clock.today(), '检查日期不能晚于今天'),
      villageIds: z
        .array(z.number())
        .min(1, { message: '请选择检查的村(社区)' })
        .refine((ids) => ids.every((id) => inTownship.has(id)), {
          message: `检查的村(社区)须属于${township.name}`,
        })
        .transform((ids) => [...new Set(ids)]),
      findings: z
        .array(
          z.object({
            category: z.enum(FINDING_CATEGORIES, { error: '请选择问题类别' }),
            text: plainText('发现问题', { required: true, max: 1000 }),
          }),
        )
        .min(1, { message: '请至少填写一条发现的问题（没有问题也请写明“未发现问题”）' })
        .max(50, { message: '发现问题一次最多50条' }),
    }),
    input,
    '督导检查记录有误',
  );
  const values = {
    campaignId: campaign.id,
    regionId: township.id,
    regionPath: township.path,
    inspectedOn: date,
    villageIds,
    findings,
    userId: ctx.actor.userId,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const inspectionId = await repo.insertInspection(tx, values);
    await recordAudit(tx, ctx, {
      action: 'inspection.record',
      entityType: 'inspection',
      entityId: inspectionId,
      regionPath: township.path,
      after: {
        inspectedOn: date,
        villageIds,
        findings: findings.map((f) => ({
          category: f.category,
          text: f.text,
        })),
      },
    });
    return inspectionId;
  });
  const row = await repo.findInspection(ctx.db, id);
  if (!row) throw new Error('inspection vanished');
  return row;
}

/** The campaign and the subtrees a list covers: one region in scope, or everything the actor reads. */
async function listScope(
  ctx: AuthenticatedContext,
  regionId: RegionId | null | undefined,
  campaignId: CampaignId | null | undefined,
): Promise<{ campaign: CampaignRef; paths: string[] }> {
  if (regionId != null) {
    const region = await regionInScope(ctx, regionId);
    return {
      campaign: await resolveCampaign(ctx.db, region.path, campaignId),
      paths: [region.path],
    };
  }
  const paths = readRoots(ctx.actor);
  return { campaign: await resolveCampaign(ctx.db, ctx.actor.homePath, campaignId), paths };
}

/** What the actor reads of supervision: their scope roots (a supervisor: the assigned townships). */
function readRoots(actor: Actor): string[] {
  return actor.scopeRoots.filter((path) => can(actor, 'campaign.read', { regionPath: path }));
}

export async function listInspections(
  ctx: AuthenticatedContext,
  input: { regionId?: RegionId | null; campaignId?: CampaignId | null; first?: number | null },
): Promise<InspectionRow[]> {
  const { campaign, paths } = await listScope(ctx, input.regionId, input.campaignId);
  return repo.inspectionsUnder(
    ctx.db,
    campaign.id,
    paths,
    Math.min(Math.max(input.first ?? 100, 1), 500),
  );
}

export function villageNames(ctx: Pick<Context, 'db'>, ids: readonly number[]) {
  return repo.regionNames(ctx.db, ids);
}

export interface OrderInput {
  townshipId: RegionId;
  campaignId?: CampaignId | null;
  inspectionId?: InspectionId | null;
  issuedOn?: string | null;
  deadline: string;
  requirement: string;
}

/** A county supervisor orders one of their townships to correct something by a deadline. */
export async function issueCorrectionOrder(
  ctx: AuthenticatedContext,
  input: OrderInput,
): Promise<OrderRow> {
  const { township, campaign } = await townshipToInspect(ctx, input.townshipId, input.campaignId);
  const today = ctx.clock.today();
  const parsed = parseInput(
    z
      .object({
        issuedOn: pastDate(today, '下发日期不能晚于今天'),
        deadline: isoDate('整改期限'),
        requirement: plainText('整改要求', { required: true, max: 1000 }),
      })
      .refine((o) => o.deadline >= o.issuedOn, {
        message: '整改期限不能早于下发日期',
        path: ['deadline'],
      }),
    { ...input, issuedOn: input.issuedOn ?? today },
    '整改通知有误',
  );
  if (input.inspectionId != null) {
    const inspection = await repo.findInspection(ctx.db, input.inspectionId);
    if (inspection?.regionId !== township.id || inspection.campaignId !== campaign.id) {
      throw new NotFoundError('该督导检查记录不存在或不属于该乡镇');
    }
  }
  const values = {
    campaignId: campaign.id,
    regionId: township.id,
    regionPath: township.path,
    inspectionId: input.inspectionId ?? null,
    issuedOn: parsed.issuedOn,
    deadline: parsed.deadline,
    requirement: parsed.requirement,
    issuedBy: ctx.actor.userId,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const orderId = await repo.insertOrder(tx, values);
    await recordAudit(tx, ctx, {
      action: 'correction.issue',
      entityType: 'correction_order',
      entityId: orderId,
      regionPath: township.path,
      after: {
        inspectionId: values.inspectionId,
        issuedOn: values.issuedOn,
        deadline: values.deadline,
        requirement: values.requirement,
      },
    });
    return orderId;
  });
  return requireOrder(ctx, id);
}

async function requireOrder(ctx: AuthenticatedContext, id: number): Promise<OrderRow> {
  const row = await repo.findOrder(ctx.db, id);
  if (!row || !can(ctx.actor, 'campaign.read', { regionPath: row.regionPath })) {
    throw new NotFoundError('该整改通知不存在或无权查看');
  }
  return row;
}

/** The township answers a correction order once: what it corrected, and when. */
export async function answerCorrectionOrder(
  ctx: AuthenticatedContext,
  input: { id: CorrectionOrderId; answer: string; answeredOn?: string | null },
): Promise<OrderRow> {
  const order = await requireOrder(ctx, input.id);
  authorize(ctx.actor, 'correction.answer', order.regionPath, '只有该乡镇选举办可以回复整改通知');
  if (order.answeredOn !== null) throw new ConflictError('该整改通知已回复');
  const today = ctx.clock.today();
  const parsed = parseInput(
    z.object({
      answeredOn: pastDate(today, '回复日期不能晚于今天').refine((d) => d >= order.issuedOn, {
        message: `回复日期不能早于下发日期（${order.issuedOn}）`,
      }),
      answer: plainText('整改情况', { required: true, max: 2000 }),
    }),
    { ...input, answeredOn: input.answeredOn ?? today },
    '整改回复有误',
  );
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.answerOrder(tx, order.id, {
      answer: parsed.answer,
      answeredOn: parsed.answeredOn,
      answeredBy: ctx.actor.userId,
    });
    if (!updated) throw new ConflictError('该整改通知已回复');
    await recordAudit(tx, ctx, {
      action: 'correction.answer',
      entityType: 'correction_order',
      entityId: order.id,
      regionPath: order.regionPath,
      before: { answer: null, answeredOn: null },
      after: { answer: parsed.answer, answeredOn: parsed.answeredOn },
    });
  });
  return requireOrder(ctx, order.id);
}

export async function listCorrectionOrders(
  ctx: AuthenticatedContext,
  input: {
    regionId?: RegionId | null;
    campaignId?: CampaignId | null;
    filter?: OrderFilter | null;
    first?: number | null;
  },
): Promise<OrderRow[]> {
  const { campaign, paths } = await listScope(ctx, input.regionId, input.campaignId);
  return repo.ordersUnder(
    ctx.db,
    campaign.id,
    paths,
    input.filter ?? 'all',
    ctx.clock.today(),
    Math.min(Math.max(input.first ?? 100, 1), 500),
  );
}

export interface SupervisionSummary {
  campaign: CampaignRef;
  inspections: number;
  orders: number;
  unanswered: number;
  overdue: number;
  answered: number;
}

/** The county overview's supervision figures, counted from the records in the actor's scope. */
export async function supervisionSummary(
  ctx: AuthenticatedContext,
  input: { regionId?: RegionId | null; campaignId?: CampaignId | null },
): Promise<SupervisionSummary> {
  const { campaign, paths } = await listScope(ctx, input.regionId, input.campaignId);
  const c = await repo.counts(ctx.db, campaign.id, paths, ctx.clock.today());
  return { campaign, ...c, answered: c.orders - c.unanswered };
}
