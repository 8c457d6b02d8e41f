import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveResult } from '../../../test/campaign-helpers.js';
import {
  SAVE,
  checklist,
  entry,
  itemOf,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../../../test/campaign-helpers.js';
import type { TestApi } from '../../../test/harness.js';
import { refusal, refusalType, startTestApi } from '../../../test/harness.js';

/**
 * A guidance member enters and submits stage data for an assigned village (the record says who,
 * in which role), cannot for another village, and loses that right on the next request after
 * the village is unassigned.
 */
describe('guidance members report stages for their villages', () => {
  let api: TestApi;
  let campaignId: string;
  let coordinator: string;
  let guide: string;
  let teamId: string;
  const today = todayInChina();
  let mine: string;
  let other: string;

  async function ok(token: string, query: string, variables: Record<string, unknown>) {
    const res = await api.gql<Record<string, { __typename: string; id?: string }>>(
      query,
      variables,
      {
        token,
      },
    );
    const value = Object.values(res.data ?? {})[0];
    expect(value?.__typename, JSON.stringify(res)).not.toMatch(/Error$/);
    return value!;
  }

  beforeAll(async () => {
    api = await startTestApi();
    // two villages (not communities: their committee track is V)
    [mine, other] = api.demoPlan.regions
      .filter((r) => r.parentKey === 't01' && r.level === 'village')
      .map((r) => r.key) as [string, string];
    const admin = await api.login('county.admin', 'county');
    coordinator = await api.login('town01.coordinator', 'township');
    guide = await api.login('town01.guide1', 'village');
    campaignId = (await startCampaign(api, admin, { daysAhead: 40 })).id;

    const cadre = await ok(
      coordinator,
      `mutation($r: ID!, $i: CadreInput!) { createCadre(regionId: $r, input: $i) { __typename ... on Cadre { id } } }`,
      {
        r: api.regionGid('t01'),
        i: { name: '包村干部甲', gender: 'male', rank: 'staff', username: 'town01.guide1' },
      },
    );
    const team = await ok(
      coordinator,
      `mutation($o: ID!, $c: ID, $n: String!) { createGuidanceTeam(ownerId: $o, campaignId: $c, name: $n) { __typename ... on GuidanceTeam { id } } }`,
      { o: api.regionGid('t01'), c: campaignId, n: '第一指导组' },
    );
    teamId = team.id!;
    await ok(
      coordinator,
      `mutation($t: ID!, $c: ID!) { setTeamMember(teamId: $t, cadreId: $c, role: cadre) { __typename } }`,
      { t: teamId, c: cadre.id },
    );
    await ok(
      coordinator,
      `mutation($t: ID!, $r: ID!) { assignTeam(teamId: $t, regionId: $r) { __typename } }`,
      { t: teamId, r: api.regionGid(mine) },
    );
  });
  afterAll(() => api.close());

  it('enters and submits a stage of an assigned village, recorded as a guidance member', async () => {
    const audit = await itemOf(api, guide, campaignId, mine, 'V', 'audit');
    const photoId = await uploadPhoto(api, guide, mine);
    const res = await api.gql<SaveResult>(
      `mutation($input: StageEntryInput!) { saveStage(input: $input) { __typename
        ... on StageItem { status record { enteredRole enteredByName } } ... on Error { message } } }`,
      entry(audit, { doneDate: today, photoId, submit: true }),
      { token: guide },
    );
    expect(res.data?.saveStage).toMatchObject({
      __typename: 'StageItem',
      status: 'submitted',
      record: { enteredRole: 'guidance_member' },
    });
  });

  it('cannot read or write the stages of a village that is not assigned', async () => {
    expect(refusal(await checklist(api, guide, campaignId, other))).toBe('refused');
    const coordinatorView = await itemOf(api, coordinator, campaignId, other, 'V', 'audit');
    const res = await api.gql<SaveResult>(SAVE, entry(coordinatorView, { doneDate: today }), {
      token: guide,
    });
    expect(refusalType(res.data?.saveStage.__typename)).toBe('refused');
  });

  it('loses the village on the next request once it is unassigned', async () => {
    const committee = await itemOf(api, guide, campaignId, mine, 'V', 'committee');
    await ok(
      coordinator,
      `mutation($t: ID!, $r: ID!) { unassignTeam(teamId: $t, regionId: $r) { __typename } }`,
      { t: teamId, r: api.regionGid(mine) },
    );
    expect(refusal(await checklist(api, guide, campaignId, mine))).toBe('refused');
    const res = await api.gql<SaveResult>(SAVE, entry(committee, { note: '补充说明' }), {
      token: guide,
    });
    expect(refusalType(res.data?.saveStage.__typename)).toBe('refused');
  });
});
