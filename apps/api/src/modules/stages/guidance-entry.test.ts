import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWithinAny } from '@huanjie/domain';
import type { TestApi } from '../../../test/harness.js';
import { refusal, startTestApi } from '../../../test/harness.js';
import type { ItemView, SaveResult } from '../../../test/campaign-helpers.js';
import { ITEM_FIELDS, SAVE, entry } from '../../../test/campaign-helpers.js';

/** With the full demo: guidance members reach exactly the villages their teams are assigned. */
describe('a guidance member enters stages for assigned villages only', () => {
  let api: TestApi;
  let guide: string;
  let campaignId: string;

  beforeAll(async () => {
    api = await startTestApi({ fullDemo: true });
    guide = await api.login('town01.guide1', 'village');
    const admin = await api.login('county.admin', 'county');
    const res = await api.gql<{ campaigns: { id: string; status: string }[] }>(
      '{ campaigns { id status } }',
      {},
      { token: admin },
    );
    campaignId = res.data!.campaigns.find((c) => c.status === 'running')!.id;
  });
  afterAll(() => api.close());

  it('saves a draft for an assigned village, recorded as entered by a guidance member', async () => {
    const mine = await api.gql<{ myRegions: { id: string }[] }>(
      '{ myRegions { id } }',
      {},
      { token: guide },
    );
    const assigned = mine.data!.myRegions.map((r) => r.id);
    expect(assigned.length).toBeGreaterThan(0);
    let saved = false;
    for (const villageId of assigned) {
      const list = await api.gql<{
        villageChecklist: { units: { track: string; items: ItemView[] }[] };
      }>(
        `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { units { track items { ${ITEM_FIELDS} } } } }`,
        { c: campaignId, v: villageId },
        { token: guide },
      );
      expect(list.errors).toBeUndefined();
      const open = list
        .data!.villageChecklist.units.flatMap((u) => u.items)
        .find(
          (i) =>
            (i.status === 'not_started' || i.status === 'draft') &&
            i.gates.every((g) => g.approved),
        );
      if (!open) continue;
      const res = await api.gql<SaveResult>(SAVE, entry(open, { note: '指导员代为填报' }), {
        token: guide,
      });
      expect(res.data?.saveStage.__typename).toBe('StageItem');
      const who = await api.gql<{ stageItem: { record: { enteredRole: string; note: string } } }>(
        'query($u: ID!, $s: String!) { stageItem(unitElectionId: $u, stageCode: $s) { record { enteredRole note } } }',
        { u: open.unitElectionId, s: open.stageCode },
        { token: guide },
      );
      expect(who.data?.stageItem.record).toEqual({
        enteredRole: 'guidance_member',
        note: '指导员代为填报',
      });
      saved = true;
      break;
    }
    expect(saved).toBe(true);
  });

  it('is refused for a village of the same township that is not assigned', async () => {
    const mine = await api.gql<{ myRegions: { id: string }[] }>(
      '{ myRegions { id } }',
      {},
      { token: guide },
    );
    const roots = mine.data!.myRegions.map((r) => {
      const key = [...api.demo.regionIds].find(([, id]) => `Region:${id}` === r.id)![0];
      return api.demo.regionPaths.get(key)!;
    });
    const other = api.demoPlan.regions.find(
      (r) =>
        r.parentKey === 't01' &&
        r.level !== 'group' &&
        !isWithinAny(api.demo.regionPaths.get(r.key)!, roots),
    );
    expect(other, 'a village of the township outside the member’s assignment').toBeDefined();
    const res = await api.gql(
      `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) { today } }`,
      { c: campaignId, v: api.regionGid(other!.key) },
      { token: guide },
    );
    expect(refusal(res)).toBe('refused');
  });
});
