import type { Db } from '@huanjie/db';
import { queryRows } from '@huanjie/db';
import type { Track } from '@huanjie/domain';
import { addDays, daysBetween, todayInChina } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { subtreePattern } from '../../shared/sql.js';
import type { OverviewScope } from './monitoring.service.js';
import { parts } from './monitoring.service.js';

/**
 * How a region's elections came in, day by day: the villages whose results were all reported
 * (submitted or approved) and all approved by the township, by the end of each day, per child
 * region. Computed from the results' own dates (submitted_at, reviewed_at, in China time), so
 * the line reaches back to the first report whatever day it is first looked at.
 */
export interface ResultHistory {
  /** Every day from the first report (or the campaign's start) to today, at most MAX_DAYS. */
  days: string[];
  /** Villages and communities in the campaign under the region: every series' denominator. */
  villages: number;
  reported: number[];
  approved: number[];
  children: {
    id: number;
    name: string;
    level: string;
    villages: number;
    approved: number[];
    reported: number[];
  }[];
}

export const MAX_HISTORY_DAYS = 120;

interface VillageDates {
  child_id: number;
  reported_on: string | null;
  approved_on: string | null;
}

/**
 * Per village of the campaign under `root`: the child region it lies in and the days its last
 * unit election was reported and approved (null while any is not). A returned result counts as
 * not reported until it is submitted again.
 */
function villageDates(db: Db, campaignId: number, root: string, track: Track | null) {
  return queryRows<VillageDates>(
    db,
    sql`select split_part(substr(min(u.region_path), length(${root}) + 1), '.', 1)::int as child_id,
          case when bool_and(r.status in ('submitted', 'approved'))
            then to_char(max(r.submitted_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') end as reported_on,
          case when bool_and(r.status = 'approved')
            then to_char(max(r.reviewed_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') end as approved_on
        from unit_elections u
        left join election_results r on r.unit_election_id = u.id
        where u.campaign_id = ${campaignId} and u.region_path like ${subtreePattern(root)}
          ${track ? sql`and u.track = ${track}` : sql``}
          and u.region_path <> ${root}
        group by u.region_id`,
  );
}

/** For each day, how many of the dates fall on or before it. */
function cumulative(days: string[], dates: (string | null)[]): number[] {
  const sorted = dates.filter((d): d is string => d !== null).sort();
  let i = 0;
  return days.map((day) => {
    while (i < sorted.length && (sorted[i] ?? '') <= day) i += 1;
    return i;
  });
}

export async function resultHistory(ctx: Context, scope: OverviewScope): Promise<ResultHistory> {
  const { campaign, region, track, today } = scope;
  const [rows, overview] = await Promise.all([
    villageDates(ctx.db, campaign.id, region.path, track),
    parts(ctx, scope),
  ]);
  const started = campaign.startedAt ? todayInChina(campaign.startedAt) : today;
  const first = [...rows.flatMap((r) => (r.reported_on ? [r.reported_on] : []))].reduce(
    (earliest, day) => (day < earliest ? day : earliest),
    started,
  );
  const from =
    daysBetween(first, today) > MAX_HISTORY_DAYS - 1 ? addDays(today, 1 - MAX_HISTORY_DAYS) : first;
  const days: string[] = [];
  for (let day = from; day <= today; day = addDays(day, 1)) days.push(day);
  const byChild = new Map<number, VillageDates[]>();
  for (const r of rows) byChild.set(r.child_id, [...(byChild.get(r.child_id) ?? []), r]);
  return {
    days,
    villages: rows.length,
    reported: cumulative(
      days,
      rows.map((r) => r.reported_on),
    ),
    approved: cumulative(
      days,
      rows.map((r) => r.approved_on),
    ),
    children: overview.children.map((c) => {
      const own = byChild.get(c.id) ?? [];
      return {
        id: c.id,
        name: c.name,
        level: c.level,
        villages: own.length,
        reported: cumulative(
          days,
          own.map((r) => r.reported_on),
        ),
        approved: cumulative(
          days,
          own.map((r) => r.approved_on),
        ),
      };
    }),
  };
}
