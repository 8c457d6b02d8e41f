import type { Db } from '@huanjie/db';
import type { CampaignId } from '@huanjie/domain';
import { ConflictError, NotFoundError } from './errors.js';
import type { CampaignRef } from './campaign.repo.js';
import * as repo from './campaign.repo.js';
import { countyIdOf } from './scope.js';

export type { CampaignRef } from './campaign.repo.js';

/** The county's current campaign (campaign.repo.ts says which one that is), or null. */
export async function currentCampaignOf(db: Db, countyId: number): Promise<CampaignRef | null> {
  return (await repo.currentCampaign(db, countyId)) ?? null;
}

export async function requireCampaign(db: Db, id: CampaignId): Promise<CampaignRef> {
  const campaign = await repo.findCampaignRef(db, id);
  if (!campaign) throw new NotFoundError('该换届届次不存在或无权查看');
  return campaign;
}

/** The rule values of a campaign's rule set. */
export async function ruleValuesOf(db: Db, campaign: CampaignRef) {
  return (await repo.ruleSetValues(db, campaign.ruleSetId)) ?? {};
}

/** The campaign named, which must belong to the region's county, or the county's current one. */
export async function resolveCampaign(
  db: Db,
  regionPath: string,
  campaignId: CampaignId | null | undefined,
): Promise<CampaignRef> {
  const countyId = countyIdOf(regionPath);
  const campaign =
    campaignId == null
      ? await repo.currentCampaign(db, countyId)
      : await repo.findCampaignRef(db, campaignId);
  if (!campaign || campaign.countyId !== countyId) {
    throw new NotFoundError(campaignId == null ? '本县尚无换届届次' : '该换届届次不存在或无权查看');
  }
  return campaign;
}

/** A closed campaign is a record: nothing in it changes any more. */
export function assertOpen(campaign: { name: string; status: string }): void {
  if (campaign.status === 'closed') {
    throw new ConflictError(`「${campaign.name}」已结束，不能再修改`);
  }
}
