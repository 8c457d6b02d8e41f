import type { RegionId, RegionLevel } from '@huanjie/domain';
import { allPathIds, can } from '@huanjie/domain';
import type { Context } from '../../context.js';
import { currentCampaignOf } from '../../shared/campaign.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { RegionRef } from '../../shared/scope.js';
import { actorOf, findRegion } from '../../shared/scope.js';
import { loadCampaign } from '../campaigns/campaigns.service.js';
import * as repo from './monitoring.repo.js';
import type { OverviewScope } from './monitoring.service.js';

/** One county of a province's or city's rollup: its current campaign's overview, if it has one. */
export interface CountyRollupRow {
  county: RegionRef;
  city: { id: number; name: string; level: RegionLevel } | null;
  overview: OverviewScope | null;
}

/**
 * The rollup of a province or city (issue 12, "Above the county"): each county below it with its
 * current campaign's overview, whose figures (villages done, in progress, overdue … of the
 * county's villages) carry their denominators. Read only: a province or city leader reads it, and
 * nothing in it is theirs to write.
 */
export async function countyRollup(ctx: Context, regionId: RegionId): Promise<CountyRollupRow[]> {
  const actor = actorOf(ctx);
  const region = await findRegion(ctx.db, regionId);
  if (!region || !can(actor, 'campaign.read', { regionPath: region.path })) {
    throw new NotFoundError('该区划不存在或无权查看');
  }
  if (region.level !== 'province' && region.level !== 'city' && region.level !== 'county') {
    throw new ValidationError('请选择省、市(州)或县', [
      { path: ['regionId'], message: '请选择省、市(州)或县' },
    ]);
  }
  const counties = await repo.countiesUnder(ctx.db, region.path);
  const cities = new Map(
    (await repo.citiesUnder(ctx.db, region.path)).map((c) => [c.id, c] as const),
  );
  const today = ctx.clock.today();
  const rows: CountyRollupRow[] = [];
  for (const county of counties) {
    const current = await currentCampaignOf(ctx.db, county.id);
    const campaign = current ? await loadCampaign(ctx.db, actor, current.id) : null;
    const city = allPathIds(county.path)
      .map((id) => cities.get(id))
      .find((c) => c !== undefined);
    rows.push({
      county,
      city: city ?? null,
      overview: campaign
        ? {
            campaign,
            region: county,
            track: null,
            today,
            scopeRoots: actor.scopeRoots,
            memo: new Map(),
          }
        : null,
    });
  }
  return rows;
}
