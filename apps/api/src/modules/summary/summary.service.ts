import type { CampaignId, RegionId } from '@huanjie/domain';
import { can, isWithinAny } from '@huanjie/domain';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { actorOf, findRegion } from '../../shared/scope.js';
import type { RegionRef } from '../../shared/scope.js';
import { checkedString, parseInput } from '../../shared/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { overview, parts, totals } from '../monitoring/monitoring.service.js';
import { statisticsOf } from '../statistics/statistics.service.js';
import {
  nextStepParagraphs,
  practiceParagraphs,
  problemParagraphs,
  profileParagraphs,
  resultParagraphs,
} from './summary-figures.js';
import type { SectionKey, SummaryParagraph, WorkSummaryDraft } from './summary-sections.js';
import { NARRATIVES, SECTIONS } from './summary-sections.js';
import { workSummaryDocx } from './summary-docx.js';
import * as repo from './summary.repo.js';

const HIDDEN = '该区划不存在或无权查看';

/**
 * The township or county the draft is about, inside the caller's scope; anything else does not
 * exist for them (NOT_FOUND, as for a region hidden by row-level security).
 */
async function summaryRegion(ctx: Context, regionId: RegionId): Promise<RegionRef> {
  const actor = actorOf(ctx);
  const region = await findRegion(ctx.db, regionId);
  if (
    !region ||
    !isWithinAny(region.path, actor.scopeRoots) ||
    !can(actor, 'election.read', { regionPath: region.path })
  )
    throw new NotFoundError(HIDDEN);
  if (region.level !== 'county' && region.level !== 'township')
    throw new ValidationError('工作总结只为乡镇（街道）或县生成', [
      { path: ['regionId'], message: '请选择乡镇（街道）或县' },
    ]);
  return region;
}

/** The 工作总结 draft of a township or the county: figures from the records, narratives as saved. */
export async function workSummaryDraft(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
): Promise<WorkSummaryDraft> {
  const actor = actorOf(ctx);
  const region = await summaryRegion(ctx, regionId);
  const scope = await overview(ctx, campaignId, regionId, null).catch((error: unknown) => {
    // a campaign of another county is not there for this caller
    if (error instanceof ForbiddenError) throw new NotFoundError('该换届工作不存在或无权查看');
    throw error;
  });
  const campaign = scope.campaign;
  const stats = await statisticsOf(ctx, regionId, null);
  if (stats.campaignId !== campaign.id)
    throw new ValidationError('选举结果统计只针对本县当前的换届工作，请选择当前换届工作', [
      { path: ['campaignId'], message: '不是本县当前的换届工作' },
    ]);
  const [overviewParts, progress, profile, work, narratives] = [
    await parts(ctx, scope),
    await totals(ctx, scope),
    await repo.profileOf(ctx.db, region.path),
    await repo.workCountsOf(ctx.db, campaign.id, region.path),
    await repo.narrativesOf(ctx.db, campaign.id, region.id),
  ];
  const policy = stats.policy;
  const figures: Record<SectionKey, string[]> = {
    profile: profileParagraphs({
      level: region.level,
      name: stats.name,
      profile,
      stats,
      campaignName: campaign.name,
      electionDay: campaign.electionDay,
    }),
    practices: practiceParagraphs({
      work,
      villagesInCampaign: stats.counts.villages,
      progress,
      policy,
    }),
    results: resultParagraphs(stats),
    problems: problemParagraphs({
      stats,
      progress,
      overdueTotal: overviewParts.overdueTotal,
      risks: overviewParts.risks,
      work,
      policy,
    }),
    next_steps: nextStepParagraphs({
      funnel: overviewParts.funnel,
      followUps: work.followUps,
      policy,
    }),
  };
  return {
    title: `${stats.name}${campaign.name}工作总结`,
    regionId: region.id,
    regionName: stats.name,
    regionLevel: region.level,
    campaignId: campaign.id,
    campaignName: campaign.name,
    generatedAt: ctx.clock.now(),
    mayEdit: can(actor, 'summary.write', { regionPath: region.path }),
    sections: SECTIONS.map((s) => {
      const own = NARRATIVES.filter((n) => n.section === s.key).map(
        (n): SummaryParagraph & { place: 'before' | 'after' } => ({
          kind: 'narrative',
          key: n.key,
          label: n.label,
          text: narratives.get(n.key) ?? '',
          max: n.max,
          place: n.place,
        }),
      );
      const strip = ({ place: _place, ...p }: SummaryParagraph & { place: string }) => p;
      return {
        key: s.key,
        heading: s.heading,
        paragraphs: [
          ...own.filter((n) => n.place === 'before').map(strip),
          ...figures[s.key].map((text): SummaryParagraph => ({ kind: 'figures', text })),
          ...own.filter((n) => n.place === 'after').map(strip),
        ],
      };
    }),
  };
}

export interface NarrativeInput {
  key: string;
  text: string;
}

/**
 * Saves the narrative paragraphs of a draft (all or nothing), each change audited. Figures are not
 * inputs: there is nothing of them to save.
 */
export async function saveNarratives(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
  items: NarrativeInput[],
): Promise<WorkSummaryDraft> {
  const actor = actorOf(ctx);
  const region = await summaryRegion(ctx, regionId);
  if (!can(actor, 'summary.write', { regionPath: region.path }))
    throw new ForbiddenError('只有乡镇（街道）或县换届办可以修改工作总结的文字');
  const parsed = items.map((item, i) => {
    const spec = NARRATIVES.find((n) => n.key === item.key);
    if (!spec)
      throw new ValidationError(`没有这个段落：${item.key}`, [
        { path: ['narratives', String(i), 'key'], message: '没有这个段落' },
      ]);
    const text = parseInput(
      z.object({ text: checkedString(spec.label, spec.max) }),
      { text: item.text.trim() },
      `「${spec.label}」填写有误`,
    ).text;
    return { spec, text, index: i };
  });
  const keys = parsed.map((p) => p.spec.key);
  if (new Set(keys).size !== keys.length)
    throw new ValidationError('同一段落提交了两次', [
      { path: ['narratives'], message: '段落重复' },
    ]);
  await ctx.db.transaction(async (tx) => {
    const scope = await overview({ ...ctx, db: tx }, campaignId, regionId, null).catch(
      (error: unknown) => {
        if (error instanceof ForbiddenError) throw new NotFoundError('该换届工作不存在或无权查看');
        throw error;
      },
    );
    const before = await repo.narrativesOf(tx, scope.campaign.id, region.id);
    for (const { spec, text } of parsed) {
      const previous = before.get(spec.key) ?? '';
      if (previous === text) continue;
      const id = await repo.upsertNarrative(tx, {
        campaignId: scope.campaign.id,
        regionId: region.id,
        regionPath: region.path,
        key: spec.key,
        body: text,
        updatedBy: actor.userId,
        updatedAt: ctx.clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'summary.narrative_save',
        entityType: 'work_summary_narrative',
        entityId: id,
        regionPath: region.path,
        before: before.has(spec.key) ? { paragraph: spec.label, body: previous } : null,
        after: { paragraph: spec.label, body: text },
      });
    }
  });
  return workSummaryDraft(ctx, campaignId, regionId);
}

/** The draft as a Word document (GET /exports/work-summary.docx), named by its title. */
export async function workSummaryDocument(
  ctx: Context,
  campaignId: CampaignId,
  regionId: RegionId,
): Promise<{ file: string; body: Buffer }> {
  const draft = await workSummaryDraft(ctx, campaignId, regionId);
  return { file: draft.title, body: await workSummaryDocx(draft) };
}
