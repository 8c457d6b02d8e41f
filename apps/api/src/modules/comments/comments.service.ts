import type { CampaignId, RecordCommentId, RegionId, UnitElectionId } from '@huanjie/domain';
import { can, findStage } from '@huanjie/domain';
import { z } from 'zod';
import type { AuthenticatedContext } from '../../context.js';
import { assertOpen, resolveCampaign, requireCampaign } from '../../shared/campaign.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { authorize, findRegion } from '../../shared/scope.js';
import { parseInput, plainText } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './comments.repo.js';
import type { CommentRow, EscalationFilter } from './comments.repo.js';

export type { CommentRow, EscalationFilter } from './comments.repo.js';

/** The unit election a comment is about, in the actor's scope (else not found), and its stage. */
async function subjectOf(
  ctx: AuthenticatedContext,
  unitElectionId: UnitElectionId,
  stageCode: string | null,
  action: 'record.comment' | null = null,
) {
  const unit = await repo.findUnit(ctx.db, unitElectionId);
  if (!unit || !can(ctx.actor, 'campaign.read', { regionPath: unit.regionPath })) {
    throw new NotFoundError('该村(社区)的填报不存在或无权查看');
  }
  if (action) authorize(ctx.actor, action, unit.regionPath, '只有县领导和县换届办可以批注');
  if (stageCode !== null && !findStage(unit.track, stageCode)) {
    throw new ValidationError('没有这个阶段', [
      { path: ['input', 'stageCode'], message: '该选举没有这个阶段' },
    ]);
  }
  return unit;
}

export interface CommentInput {
  unitElectionId: UnitElectionId;
  stageCode?: string | null;
  body: string;
  escalate: boolean;
}

/**
 * A county leader comments on a village's stage or result; escalated, the comment goes on the
 * township's queue (督办) until the township answers it. Audited.
 */
export async function commentOnRecord(
  ctx: AuthenticatedContext,
  input: CommentInput,
): Promise<CommentRow> {
  const stageCode = input.stageCode ?? null;
  const unit = await subjectOf(ctx, input.unitElectionId, stageCode, 'record.comment');
  if (stageCode === null && unit.resultId === null) {
    throw new ValidationError('该村(社区)尚未填报选举结果', [
      { path: ['input', 'stageCode'], message: '尚无选举结果可批注，请选择阶段' },
    ]);
  }
  const campaign = await requireCampaign(ctx.db, unit.campaignId as CampaignId);
  assertOpen(campaign);
  const { body } = parseInput(
    z.object({ body: plainText('批注', { required: true, max: 1000 }) }),
    input,
    '批注有误',
  );
  const values = {
    campaignId: unit.campaignId,
    regionId: unit.regionId,
    regionPath: unit.regionPath,
    unitElectionId: unit.id,
    stageCode,
    body,
    escalated: input.escalate,
    userId: ctx.actor.userId,
    createdAt: ctx.clock.now(),
  };
  const id = await ctx.db.transaction(async (tx) => {
    const commentId = await repo.insertComment(tx, values);
    await recordAudit(tx, ctx, {
      action: input.escalate ? 'comment.escalate' : 'comment.create',
      entityType: 'record_comment',
      entityId: commentId,
      regionPath: unit.regionPath,
      after: { unitElectionId: unit.id, stageCode, body, escalated: input.escalate },
    });
    return commentId;
  });
  return requireComment(ctx, id);
}

async function requireComment(ctx: AuthenticatedContext, id: number): Promise<CommentRow> {
  const row = await repo.findComment(ctx.db, id);
  if (!row || !can(ctx.actor, 'campaign.read', { regionPath: row.regionPath })) {
    throw new NotFoundError('该批注不存在或无权查看');
  }
  return row;
}

/** The comments on a village's stage (or, without a stage, its result). */
export async function recordComments(
  ctx: AuthenticatedContext,
  input: { unitElectionId: UnitElectionId; stageCode?: string | null },
): Promise<CommentRow[]> {
  const stageCode = input.stageCode ?? null;
  const unit = await subjectOf(ctx, input.unitElectionId, stageCode);
  return repo.commentsOn(ctx.db, unit.id, stageCode);
}

/** A township's queue of escalated comments (a county user: the whole county, or one region). */
export async function escalations(
  ctx: AuthenticatedContext,
  input: {
    regionId?: RegionId | null;
    campaignId?: CampaignId | null;
    filter?: EscalationFilter | null;
    first?: number | null;
  },
): Promise<CommentRow[]> {
  let paths: string[];
  if (input.regionId != null) {
    const region = await findRegion(ctx.db, input.regionId);
    if (!region || !can(ctx.actor, 'campaign.read', { regionPath: region.path })) {
      throw new NotFoundError('该区划不存在或无权查看');
    }
    paths = [region.path];
  } else {
    paths = ctx.actor.scopeRoots.filter((p) => can(ctx.actor, 'campaign.read', { regionPath: p }));
  }
  const campaign = await resolveCampaign(ctx.db, ctx.actor.homePath, input.campaignId);
  return repo.escalationsUnder(
    ctx.db,
    campaign.id,
    paths,
    input.filter ?? 'open',
    Math.min(Math.max(input.first ?? 100, 1), 500),
  );
}

/** The township answers an escalated comment and closes it. Audited. */
export async function resolveEscalation(
  ctx: AuthenticatedContext,
  input: { id: RecordCommentId; resolution: string },
): Promise<CommentRow> {
  const comment = await requireComment(ctx, input.id);
  authorize(ctx.actor, 'escalation.resolve', comment.regionPath, '只有乡镇选举办可以办结交办事项');
  if (!comment.escalated) throw new NotFoundError('该批注未交办乡镇');
  if (comment.resolvedAt !== null) throw new ConflictError('该交办事项已办结');
  const { resolution } = parseInput(
    z.object({ resolution: plainText('办理结果', { required: true, max: 2000 }) }),
    input,
    '办理结果有误',
  );
  const resolvedAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const done = await repo.resolveComment(tx, comment.id, {
      resolution,
      resolvedBy: ctx.actor.userId,
      resolvedAt,
    });
    if (!done) throw new ConflictError('该交办事项已办结');
    await recordAudit(tx, ctx, {
      action: 'escalation.resolve',
      entityType: 'record_comment',
      entityId: comment.id,
      regionPath: comment.regionPath,
      before: { resolution: null },
      after: { resolution },
    });
  });
  return requireComment(ctx, comment.id);
}
