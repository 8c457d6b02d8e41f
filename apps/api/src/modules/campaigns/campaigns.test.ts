import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignRuleChanges, unitElections } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { eq, sql } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { errorCodes, refusalType, startTestApi } from '../../../test/harness.js';
import {
  expectType,
  itemOf,
  nationalRuleSetId,
  startCampaign,
  todayInChina,
} from '../../../test/campaign-helpers.js';

const CREATE = `mutation($input: CampaignInput!) { createCampaign(input: $input) {
  __typename ... on Campaign { id version status } ... on Error { message }
  ... on ValidationError { issues { path message } } } }`;

describe('campaign set-up', () => {
  let api: TestApi;
  let admin: string;
  let leader: string;
  let coordinator: string;
  let ruleSetId: string;

  const input = (over: Record<string, unknown> = {}) => ({
    name: '2026年村（社区）“两委”换届',
    tracks: ['P', 'V', 'C', 'S', 'F'],
    termNumbers: [
      { track: 'P', term: 11 },
      { track: 'V', term: 12 },
      { track: 'C', term: 7 },
      { track: 'S', term: 3 },
    ],
    electionDayPlan: 'county',
    electionDay: addDays(todayInChina(), 30),
    ordering: 'party_first',
    ruleSetId,
    ...over,
  });

  beforeAll(async () => {
    api = await startTestApi();
    [admin, leader, coordinator] = await Promise.all([
      api.login('county.admin', 'county'),
      api.login('county.leader', 'county'),
      api.login('town01.coordinator', 'township'),
    ]);
    ruleSetId = await nationalRuleSetId(api, admin);
  });
  afterAll(() => api.close());

  it('seeds the national rule set with every PRODUCT.md §4 default and its citation', async () => {
    const res = await api.gql<{
      ruleSets: {
        isNational: boolean;
        values: { code: string; value: string; citation: string }[];
      }[];
    }>('{ ruleSets { isNational values { code value citation } } }', {}, { token: leader });
    const national = res.data!.ruleSets.find((r) => r.isNational)!;
    const value = (code: string) => national.values.find((v) => v.code === code);
    expect(value('voter_list.days_before')).toMatchObject({
      value: '20',
      citation: expect.stringContaining('第十四条') as string,
    });
    expect(value('v.formal_list_days_before')?.value).toBe('5');
    expect(value('handover.days_after')?.value).toBe('10');
    expect(value('p.quorum')?.value).toBe('4/5');
    for (const v of national.values) expect(v.citation, v.code).not.toBe('');
  });

  it('refuses incomplete set-ups, naming the field in Chinese', async () => {
    const noTerm = await api.gql<{
      createCampaign: { __typename: string; message: string; issues: { path: string[] }[] };
    }>(CREATE, { input: input({ termNumbers: [] }) }, { token: admin });
    expect(noTerm.data?.createCampaign.__typename).toBe('ValidationError');
    expect(noTerm.data?.createCampaign.message).toContain('届次');
    const noWindow = await api.gql<{ createCampaign: { __typename: string; message: string } }>(
      CREATE,
      { input: input({ electionDayPlan: 'village' }) },
      { token: admin },
    );
    expect(noWindow.data?.createCampaign.message).toContain('窗口');
    const badDay = await api.gql<{ createCampaign: { __typename: string; message: string } }>(
      CREATE,
      { input: input({ electionDay: '2026-02-30' }) },
      { token: admin },
    );
    expect(badDay.data?.createCampaign.message).toContain('选举日');
    const byLeader = await api.gql<{ createCampaign: { __typename: string } }>(
      CREATE,
      { input: input() },
      { token: leader },
    );
    expect(byLeader.data?.createCampaign.__typename).toBe('ForbiddenError');
  });

  it('starts a campaign: one unit election per village and track, C for communities, none for excluded villages', async () => {
    const created = await api.gql<{
      createCampaign: { __typename: string; id: string; version: number };
    }>(CREATE, { input: input() }, { token: admin });
    const campaign = expectType(created.data?.createCampaign, 'Campaign', created);
    const excluded = api.demoPlan.regions.find(
      (r) => r.parentKey === 't02' && r.level === 'village',
    )!;
    const ex = await api.gql<{ excludeVillage: { __typename: string } }>(
      `mutation($c: ID!, $v: ID!) { excludeVillage(campaignId: $c, villageId: $v, reason: "行政村撤并") { __typename } }`,
      { c: campaign.id, v: api.regionGid(excluded.key) },
      { token: admin },
    );
    expect(ex.data?.excludeVillage.__typename).toBe('Campaign');
    const draft = await api.gql<{ campaign: { version: number } }>(
      'query($id: ID!) { campaign(id: $id) { version } }',
      { id: campaign.id },
      { token: admin },
    );
    const started = await api.gql<{ startCampaign: { __typename: string; status: string } }>(
      `mutation($id: ID!, $v: Int!) { startCampaign(id: $id, expectedVersion: $v) { __typename ... on Campaign { status } } }`,
      { id: campaign.id, v: draft.data!.campaign.version },
      { token: admin },
    );
    expect(started.data?.startCampaign.status).toBe('running');
    const id = Number(campaign.id.split(':')[1]);
    const rows = await api.database.db
      .select({ track: unitElections.track, n: sql<number>`count(*)::int` })
      .from(unitElections)
      .where(eq(unitElections.campaignId, id))
      .groupBy(unitElections.track);
    const by = Object.fromEntries(rows.map((r) => [r.track, r.n]));
    const villages = api.demoPlan.regions.filter((r) => r.level === 'village').length - 1;
    const communities = api.demoPlan.regions.filter((r) => r.level === 'community').length;
    expect(by).toEqual({
      P: villages + communities,
      V: villages,
      C: communities,
      S: villages + communities,
      F: villages + communities,
    });
    // a running campaign cannot be started again
    const again = await api.gql<{ startCampaign: { __typename: string; message: string } }>(
      `mutation($id: ID!, $v: Int!) { startCampaign(id: $id, expectedVersion: $v) { __typename ... on Error { message } } }`,
      { id: campaign.id, v: 99 },
      { token: admin },
    );
    expect(again.data?.startCampaign.__typename).toBe('ConflictError');
  });

  it('lets a county copy a rule set with an override, versioned, with its citation', async () => {
    const res = await api.gql<{
      createRuleSet: {
        __typename: string;
        id: string;
        version: number;
        changes: { code: string; from: string; to: string; citation: string }[];
      };
    }>(
      `mutation($b: ID!) { createRuleSet(basedOnId: $b, name: "本县规则", overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "某省村委会选举办法第二十条" }]) {
        __typename ... on RuleSet { id version changes { code from to citation } } ... on Error { message } } }`,
      { b: ruleSetId },
      { token: admin },
    );
    expect(res.data?.createRuleSet.changes).toEqual([
      {
        code: 'v.formal_list_days_before',
        from: '5',
        to: '7',
        citation: '某省村委会选举办法第二十条',
      },
    ]);
    const bad = await api.gql<{ createRuleSet: { __typename: string; message: string } }>(
      `mutation($b: ID!) { createRuleSet(basedOnId: $b, overrides: [{ code: "voter_list.days_before", value: "20.5", citation: "" }]) {
        __typename ... on Error { message } } }`,
      { b: ruleSetId },
      { token: admin },
    );
    expect(bad.data?.createRuleSet.__typename).toBe('ValidationError');
    expect(bad.data?.createRuleSet.message).toMatch(/依据|整数/);
    const override = (code: string, value: string, citation: string) =>
      api.gql<{ createRuleSet: { __typename: string; message?: string } }>(
        `mutation($b: ID!, $o: [RuleOverrideInput!]!) { createRuleSet(basedOnId: $b, overrides: $o) {
          __typename ... on Error { message } } }`,
        { b: ruleSetId, o: [{ code, value, citation }] },
        { token: admin },
      );
    // below the law on a county's own say: refused, naming the rule and the law
    const loose = await override('v.majority', '1/3', '本县实施方案');
    expect(loose.data?.createRuleSet.__typename).toBe('ValidationError');
    expect(loose.data?.createRuleSet.message).toContain('村委会候选人当选');
    expect(loose.data?.createRuleSet.message).toContain('村民委员会组织法');
    expect(loose.data?.createRuleSet.message).toContain('省级法规');
    // a citation printed beside the rule holds no control, zero-width or bidi character
    for (const citation of ['第二十条\u0000', '第二十\u202e条', '第二十\u200b条']) {
      const hidden = await override('v.formal_list_days_before', '7', citation);
      expect(hidden.data?.createRuleSet.__typename).toBe('ValidationError');
      expect(hidden.data?.createRuleSet.message).toContain('依据条文');
    }
    // the same value on a named provincial regulation is stored
    const provincial = await override('v.majority', '1/3', '《浙江省村民委员会选举办法》第三十条');
    expect(provincial.data?.createRuleSet.__typename).toBe('RuleSet');
    // values that do not parse are refused whatever the citation
    for (const [code, value] of [
      ['v.quorum', '过半数'],
      ['v.committee_min', '1e1'],
      ['v.competitive', '也许'],
      ['composition.age_bands', '35,abc'],
    ] as const) {
      const bad = await override(code, value, '《浙江省村民委员会选举办法》');
      expect(bad.data?.createRuleSet.__typename, code).toBe('ValidationError');
      expect(bad.data?.createRuleSet.message, code).toMatch(/「.+」/);
    }
    const byTownship = await api.gql<{ createRuleSet: { __typename: string } }>(
      `mutation($b: ID!) { createRuleSet(basedOnId: $b, overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "x" }]) { __typename } }`,
      { b: ruleSetId },
      { token: coordinator },
    );
    expect(byTownship.data?.createRuleSet.__typename).toBe('ForbiddenError');
  });

  it('records a running campaign’s switch of rule sets with its reason, and moves due dates', async () => {
    const running = await startCampaign(api, admin, { daysAhead: 20 });
    const village = api.demoPlan.regions.find(
      (r) => r.parentKey === 't01' && r.level === 'village',
    )!;
    const clerk = await api.login(
      `vil${village.key.slice(1, 3)}${village.key.slice(4)}.clerk`,
      'village',
    );
    const before = await itemOf(api, clerk, running.id, village.key, 'V', 'candidate_list');
    const copy = await api.gql<{ createRuleSet: { id: string } }>(
      `mutation($b: ID!) { createRuleSet(basedOnId: $b, overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "某省办法" }]) { ... on RuleSet { id } } }`,
      { b: ruleSetId },
      { token: admin },
    );
    const noReason = await api.gql<{
      changeCampaignRuleSet: { __typename: string; message: string };
    }>(
      `mutation($c: ID!, $v: Int!, $r: ID!) { changeCampaignRuleSet(campaignId: $c, expectedVersion: $v, ruleSetId: $r) { __typename ... on Error { message } } }`,
      { c: running.id, v: running.version, r: copy.data!.createRuleSet.id },
      { token: admin },
    );
    expect(noReason.data?.changeCampaignRuleSet.__typename).toBe('ValidationError');
    const changed = await api.gql<{ changeCampaignRuleSet: { __typename: string } }>(
      `mutation($c: ID!, $v: Int!, $r: ID!) { changeCampaignRuleSet(campaignId: $c, expectedVersion: $v, ruleSetId: $r, reason: "省里规定提前7天") { __typename } }`,
      { c: running.id, v: running.version, r: copy.data!.createRuleSet.id },
      { token: admin },
    );
    expect(changed.data?.changeCampaignRuleSet.__typename).toBe('Campaign');
    const after = await itemOf(api, clerk, running.id, village.key, 'V', 'candidate_list');
    expect(after.dueDate).toBe(addDays(before.dueDate, -2));
    expect(after.dueCitation).toBe('某省办法');
    const history = await api.gql<{
      campaign: { ruleChanges: { reason: string; from: { id: string }; to: { id: string } }[] };
    }>(
      'query($id: ID!) { campaign(id: $id) { ruleChanges { reason from { id } to { id } } } }',
      { id: running.id },
      { token: coordinator },
    );
    expect(history.data?.campaign.ruleChanges).toEqual([
      {
        reason: '省里规定提前7天',
        from: { id: ruleSetId },
        to: { id: copy.data!.createRuleSet.id },
      },
    ]);
    expect((await api.database.db.select().from(campaignRuleChanges)).length).toBe(1);
  });

  it('lets a township set risk levels of its own villages only, with a reason', async () => {
    const running = await startCampaign(api, admin, { tracks: ['V', 'C'] });
    const own = api.demoPlan.regions.find((r) => r.parentKey === 't01' && r.level === 'village')!;
    const foreign = api.demoPlan.regions.find(
      (r) => r.parentKey === 't02' && r.level === 'village',
    )!;
    const set = (villageKey: string, level: string, reason: string | null, token: string) =>
      api.gql<{ setVillageRisk: { __typename: string; message?: string; level?: string } }>(
        `mutation($c: ID!, $v: ID!, $l: RiskLevel!, $r: String) { setVillageRisk(campaignId: $c, villageId: $v, level: $l, reason: $r) {
          __typename ... on VillageRisk { level } ... on Error { message } } }`,
        { c: running.id, v: api.regionGid(villageKey), l: level, r: reason },
        { token },
      );
    expect(
      (await set(own.key, 'difficult', null, coordinator)).data?.setVillageRisk.message,
    ).toContain('原因');
    expect(
      (await set(own.key, 'difficult', '宗族矛盾', coordinator)).data?.setVillageRisk.level,
    ).toBe('difficult');
    expect(
      refusalType(
        (await set(foreign.key, 'key', '外出务工多', coordinator)).data?.setVillageRisk.__typename,
      ),
    ).toBe('refused');
    // a second write without the version read is a conflict, not a silent overwrite
    expect((await set(own.key, 'key', '再议', coordinator)).data?.setVillageRisk.__typename).toBe(
      'ConflictError',
    );
    const read = await api.gql(
      'query($id: ID!) { campaign(id: $id) { risks { village { id } } } }',
      { id: running.id },
      { token: await api.login('vil02003.clerk', 'village') },
    );
    expect(errorCodes(read)).toEqual([]);
    expect(JSON.stringify(read.data)).not.toContain(api.regionGid(own.key));
  });
});
