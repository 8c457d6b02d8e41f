import type { Action } from '@huanjie/domain';
import { addDays, isWithinAny } from '@huanjie/domain';
import { expect } from 'vitest';
import type { ItemView, SaveResult } from '../campaign-helpers.js';
import {
  SAVE,
  entry,
  expectType,
  nationalRuleSetId,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../campaign-helpers.js';
import type { TestApi } from '../harness.js';
import { refusal, refusalType } from '../harness.js';
import { allows } from '../permissions.js';
import type { Collected } from '../ws-client.js';
import { collect, settle, wsClient } from '../ws-client.js';
import type { Caller, ProbeModule } from './types.js';
import { pathOfGid } from './types.js';

/** One village in each township: every caller is inside one, outside the other, or both. */
const VILLAGES = ['t01v001', 't02v003'] as const;
const CLERKS: Record<(typeof VILLAGES)[number], string> = {
  t01v001: 'vil01001.clerk',
  t02v003: 'vil02003.clerk',
};

interface Fixture {
  admin: string;
  campaignId: string;
  ruleSetId: string;
  electionDay: string;
  /** Unit election id of each village's committee track (V or C). */
  units: Record<string, string>;
}

const fixtures = new WeakMap<TestApi, Promise<Fixture>>();

function fixture(api: TestApi): Promise<Fixture> {
  let pending = fixtures.get(api);
  if (!pending) {
    pending = build(api);
    fixtures.set(api, pending);
  }
  return pending;
}

const ITEM = `{ villageChecklist(campaignId: $c, villageId: $v) { units { track unitElectionId items { stageCode record { id version status } } } } }`;

async function build(api: TestApi): Promise<Fixture> {
  const admin = await api.login('county.admin', 'county');
  const started = await startCampaign(api, admin, {
    plan: 'village',
    daysAhead: 20,
    name: '探针换届',
  });
  const ruleSetId = await nationalRuleSetId(api, admin);
  const units: Record<string, string> = {};
  for (const key of VILLAGES) {
    const clerk = await api.login(CLERKS[key], 'village');
    const list = await api.gql<{
      villageChecklist: { units: { track: string; unitElectionId: string; items: ItemView[] }[] };
    }>(
      `query($c: ID!, $v: ID!) ${ITEM}`,
      { c: started.id, v: api.regionGid(key) },
      { token: clerk },
    );
    const committee = list.data!.villageChecklist.units.find(
      (u) => u.track === 'V' || u.track === 'C',
    )!;
    units[key] = committee.unitElectionId;
    const audit = committee.items.find((i) => i.stageCode === 'audit')!;
    const photoId = await uploadPhoto(api, clerk, key);
    const res = await api.gql<SaveResult>(
      SAVE,
      entry(
        { unitElectionId: committee.unitElectionId, stageCode: 'audit', record: audit.record },
        { doneDate: todayInChina(), photoId, submit: true, explanation: '探针' },
      ),
      { token: clerk },
    );
    expectType(res.data?.saveStage, 'StageItem', res);
    await api.gql(
      `mutation($c: ID!, $v: ID!) { setVillageRisk(campaignId: $c, villageId: $v, level: key, reason: "探针") { __typename } }`,
      { c: started.id, v: api.regionGid(key) },
      { token: admin },
    );
  }
  return { admin, campaignId: started.id, ruleSetId, electionDay: started.electionDay, units };
}

type CampaignEvents = Collected<{ campaignEvents: { regionId: string | null } }>;

function subscribe(api: TestApi, token: string, app: string, fx: Fixture): CampaignEvents {
  return collect(
    wsClient(api.server.url, token, app),
    'subscription($c: ID!) { campaignEvents(campaignId: $c) { kind regionId } }',
    { c: fx.campaignId },
  );
}

/** Sets the risk level of each of VILLAGES as the admin: one campaign event in each. */
async function setRisks(api: TestApi, fx: Fixture) {
  for (const key of VILLAGES) {
    const current = await api.gql<{
      campaign: { risks: { village: { id: string }; version: number }[] };
    }>(
      'query($id: ID!) { campaign(id: $id) { risks { village { id } version } } }',
      { id: fx.campaignId },
      { token: fx.admin },
    );
    const risk = current.data!.campaign.risks.find((r) => r.village.id === api.regionGid(key));
    await api.gql(
      'mutation($c: ID!, $v: ID!, $e: Int) { setVillageRisk(campaignId: $c, villageId: $v, level: key, reason: "订阅探针", expectedVersion: $e) { __typename } }',
      { c: fx.campaignId, v: api.regionGid(key), e: risk?.version ?? null },
      { token: fx.admin },
    );
  }
}

/**
 * The server registers a subscription some time after it was sent (a connection, a database
 * read; seconds on a busy machine): write until it has delivered an event, instead of sleeping a
 * fixed time and losing the events written before it listened.
 */
async function untilLive(api: TestApi, fx: Fixture, events: CampaignEvents) {
  const deadline = Date.now() + 60_000;
  while (events.events.length === 0) {
    if (Date.now() > deadline) throw new Error('the subscription delivered nothing in 60 s');
    await setRisks(api, fx);
    await events.waitFor(1, 2_000).catch(() => undefined);
  }
}

const may = (caller: Caller, action: Action, key: string, api: TestApi) =>
  allows(caller.role, action) && isWithinAny(api.demo.regionPaths.get(key)!, caller.scope);

/** Region ids ("Region:n") in a response under any key named `village` or `region`. */
function regionIdsIn(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => regionIdsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if ((k === 'village' || k === 'region') && v && typeof v === 'object') {
        const id = (v as { id?: unknown }).id;
        if (typeof id === 'string') into.push(id);
      }
      regionIdsIn(v, into);
    }
  }
  return into;
}

function expectInScope(api: TestApi, caller: Caller, data: unknown, label: string) {
  for (const id of regionIdsIn(data)) {
    const path = pathOfGid(api, id);
    const inside =
      isWithinAny(path, caller.scope) || caller.scope.some((root) => root.startsWith(path));
    expect(inside, `${caller.username} got ${id} through ${label}`).toBe(true);
  }
}

async function mutate(
  api: TestApi,
  caller: Caller,
  query: string,
  variables: Record<string, unknown>,
) {
  const res = await api.gql<Record<string, { __typename: string; message?: string }>>(
    query,
    variables,
    {
      token: caller.token,
    },
  );
  expect(res.errors, query).toBeUndefined();
  return Object.values(res.data ?? {})[0]!;
}

const CAMPAIGN_INPUT = (ruleSetId: string, day: string) => ({
  name: '探针新建',
  tracks: ['V', 'C'],
  termNumbers: [
    { track: 'V', term: 12 },
    { track: 'C', term: 7 },
  ],
  electionDayPlan: 'county',
  electionDay: day,
  ordering: 'parallel',
  ruleSetId,
});

const CREATE = `mutation($i: CampaignInput!) { createCampaign(input: $i) { __typename ... on Campaign { id version } } }`;

async function draftCampaign(api: TestApi, fx: Fixture) {
  const res = await api.gql<{
    createCampaign: { __typename: string; id: string; version: number };
  }>(CREATE, { i: CAMPAIGN_INPUT(fx.ruleSetId, addDays(todayInChina(), 40)) }, { token: fx.admin });
  return expectType(res.data?.createCampaign, 'Campaign', res);
}

/** Admin-only mutations: the county admin succeeds, everyone else is refused. */
function adminOnly(
  run: (api: TestApi, caller: Caller, fx: Fixture) => Promise<{ __typename: string }>,
  successType: string,
) {
  return async (api: TestApi, caller: Caller) => {
    const fx = await fixture(api);
    const result = await run(api, caller, fx);
    expect(refusalType(result.__typename), caller.username).toBe(
      allows(caller.role, 'campaign.manage') ? successType : 'refused',
    );
  };
}

export const campaignProbes: ProbeModule = {
  probes: {
    'Query.campaigns': async (api, caller) => {
      const fx = await fixture(api);
      const res = await api.gql<{ campaigns: { id: string }[] }>(
        '{ campaigns { id risks { village { id } } exclusions { village { id } } electionDays { region { id } } } }',
        {},
        { token: caller.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.campaigns.map((c) => c.id)).toContain(fx.campaignId);
      expectInScope(api, caller, res.data, 'campaigns');
    },
    'Query.campaign': async (api, caller) => {
      const fx = await fixture(api);
      const res = await api.gql(
        'query($id: ID!) { campaign(id: $id) { id risks { village { id } reason } electionDays { region { id } } } }',
        { id: fx.campaignId },
        { token: caller.token },
      );
      expect(res.errors).toBeUndefined();
      expectInScope(api, caller, res.data, 'campaign');
    },
    'Query.ruleSets': async (api, caller) => {
      const res = await api.gql<{ ruleSets: { isNational: boolean }[] }>(
        '{ ruleSets { id isNational values { code citation } } }',
        {},
        { token: caller.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.ruleSets.some((r) => r.isNational)).toBe(true);
    },
    'Query.ruleSet': async (api, caller) => {
      const fx = await fixture(api);
      const res = await api.gql(
        'query($id: ID!) { ruleSet(id: $id) { id name } }',
        { id: fx.ruleSetId },
        {
          token: caller.token,
        },
      );
      expect(res.errors).toBeUndefined();
    },
    'Query.villageChecklist': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          `query($c: ID!, $v: ID!) ${ITEM}`,
          { c: fx.campaignId, v: api.regionGid(key) },
          {
            token: caller.token,
          },
        );
        if (may(caller, 'campaign.read', key, api)) expect(res.errors, key).toBeUndefined();
        else {
          expect(res.data, `${caller.username} must not read ${key}`).toBeNull();
          expect(refusal(res)).toBe('refused');
        }
      }
    },
    'Query.stageItem': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const res = await api.gql(
          'query($u: ID!) { stageItem(unitElectionId: $u, stageCode: "audit") { stageCode record { id note } } }',
          { u: fx.units[key] },
          { token: caller.token },
        );
        if (may(caller, 'campaign.read', key, api)) expect(res.errors, key).toBeUndefined();
        else expect(refusal(res), `${caller.username} reads ${key}`).toBe('refused');
      }
    },
    'Query.reviewQueue': async (api, caller) => {
      const fx = await fixture(api);
      for (const variables of [{}, { c: fx.campaignId }]) {
        const res = await api.gql<{ reviewQueue: { village: { id: string } }[] }>(
          'query($c: ID) { reviewQueue(campaignId: $c) { village { id } record { id } } }',
          variables,
          { token: caller.token },
        );
        expect(res.errors).toBeUndefined();
        expectInScope(api, caller, res.data, 'reviewQueue');
        const seen = res.data!.reviewQueue.map((i) => i.village.id);
        for (const key of VILLAGES) {
          if (may(caller, 'campaign.read', key, api)) expect(seen).toContain(api.regionGid(key));
        }
      }
    },
    'Query.campaignOverview': async (api, caller) => {
      const fx = await fixture(api);
      const query = `query($c: ID!, $r: ID) { campaignOverview(campaignId: $c, regionId: $r) {
        region { id } children { region { id } } overdue(limit: 500) { items { village { id } } }
        riskVillages { village { id } } } }`;
      for (const key of ['c', 't01', 't02', 't01v001']) {
        const res = await api.gql(
          query,
          { c: fx.campaignId, r: api.regionGid(key) },
          { token: caller.token },
        );
        if (may(caller, 'campaign.read', key, api)) {
          expect(res.errors, key).toBeUndefined();
          expectInScope(api, caller, res.data, `campaignOverview(${key})`);
        } else {
          expect(res.data).toBeNull();
          expect(refusal(res), `${caller.username} reads ${key}`).toBe('refused');
        }
      }
      const own = await api.gql(query, { c: fx.campaignId }, { token: caller.token });
      if (caller.scope.length === 0) expect(refusal(own)).toBe('refused');
      else expectInScope(api, caller, own.data, 'campaignOverview()');
    },
    'Query.townshipMatrix': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of ['t01', 't02']) {
        const res = await api.gql(
          'query($c: ID!, $t: ID!) { townshipMatrix(campaignId: $c, townshipId: $t) { rows { village { id } } } }',
          { c: fx.campaignId, t: api.regionGid(key) },
          { token: caller.token },
        );
        if (may(caller, 'campaign.read', key, api)) {
          expect(res.errors).toBeUndefined();
          expectInScope(api, caller, res.data, 'townshipMatrix');
        } else expect(refusal(res), `${caller.username} reads ${key}`).toBe('refused');
      }
    },
    'Query.auditLog': async (api, caller) => {
      const res = await api.gql<{ auditLog: { items: unknown[] } }>(
        '{ auditLog(first: 200) { total items { region { id } } } }',
        {},
        { token: caller.token },
      );
      if (allows(caller.role, 'audit.read')) {
        expect(res.errors).toBeUndefined();
        expectInScope(api, caller, res.data, 'auditLog');
      } else expect(refusal(res)).toBe('refused');
      const t01 = await api.gql(
        'query($r: ID) { auditLog(regionId: $r) { items { region { id } } } }',
        { r: api.regionGid('t01') },
        { token: caller.token },
      );
      if (!may(caller, 'audit.read', 't01', api)) expect(refusal(t01)).toBe('refused');
    },
    'Query.auditChainStatus': async (api, caller) => {
      const res = await api.gql<{ auditChainStatus: { ok: boolean } }>(
        '{ auditChainStatus { ok } }',
        {},
        {
          token: caller.token,
        },
      );
      if (allows(caller.role, 'audit.read')) expect(res.data?.auditChainStatus.ok).toBe(true);
      else expect(refusal(res)).toBe('refused');
    },
    'Mutation.createCampaign': adminOnly(
      async (api, caller, fx) =>
        mutate(api, caller, CREATE, {
          i: CAMPAIGN_INPUT(fx.ruleSetId, addDays(todayInChina(), 40)),
        }),
      'Campaign',
    ),
    'Mutation.updateCampaign': adminOnly(async (api, caller, fx) => {
      const draft = await draftCampaign(api, fx);
      return mutate(
        api,
        caller,
        'mutation($id: ID!, $v: Int!, $i: CampaignInput!) { updateCampaign(id: $id, expectedVersion: $v, input: $i) { __typename } }',
        {
          id: draft.id,
          v: draft.version,
          i: CAMPAIGN_INPUT(fx.ruleSetId, addDays(todayInChina(), 41)),
        },
      );
    }, 'Campaign'),
    'Mutation.startCampaign': adminOnly(async (api, caller, fx) => {
      const draft = await draftCampaign(api, fx);
      return mutate(
        api,
        caller,
        'mutation($id: ID!, $v: Int!) { startCampaign(id: $id, expectedVersion: $v) { __typename } }',
        {
          id: draft.id,
          v: draft.version,
        },
      );
    }, 'Campaign'),
    'Mutation.closeCampaign': adminOnly(async (api, caller, fx) => {
      const started = await startCampaign(api, fx.admin, { tracks: ['S'], name: '探针关闭' });
      return mutate(
        api,
        caller,
        'mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { __typename } }',
        {
          id: started.id,
          v: started.version,
        },
      );
    }, 'Campaign'),
    'Mutation.excludeVillage': adminOnly(async (api, caller, fx) => {
      const draft = await draftCampaign(api, fx);
      return mutate(
        api,
        caller,
        'mutation($c: ID!, $v: ID!) { excludeVillage(campaignId: $c, villageId: $v, reason: "撤并") { __typename } }',
        {
          c: draft.id,
          v: api.regionGid('t01v002'),
        },
      );
    }, 'Campaign'),
    'Mutation.includeVillage': adminOnly(async (api, caller, fx) => {
      const draft = await draftCampaign(api, fx);
      await mutate(
        api,
        { username: 'county.admin', role: 'county_admin', token: fx.admin, scope: [] },
        'mutation($c: ID!, $v: ID!) { excludeVillage(campaignId: $c, villageId: $v, reason: "撤并") { __typename } }',
        { c: draft.id, v: api.regionGid('t02v004') },
      );
      return mutate(
        api,
        caller,
        'mutation($c: ID!, $v: ID!) { includeVillage(campaignId: $c, villageId: $v) { __typename } }',
        {
          c: draft.id,
          v: api.regionGid('t02v004'),
        },
      );
    }, 'Campaign'),
    'Mutation.createRuleSet': adminOnly(
      async (api, caller, fx) =>
        mutate(
          api,
          caller,
          'mutation($b: ID!) { createRuleSet(basedOnId: $b, overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "某省村委会选举办法" }]) { __typename } }',
          { b: fx.ruleSetId },
        ),
      'RuleSet',
    ),
    'Mutation.changeCampaignRuleSet': adminOnly(async (api, caller, fx) => {
      const draft = await draftCampaign(api, fx);
      const copy = await api.gql<{ createRuleSet: { id: string } }>(
        'mutation($b: ID!) { createRuleSet(basedOnId: $b, overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "某省" }]) { ... on RuleSet { id } } }',
        { b: fx.ruleSetId },
        { token: fx.admin },
      );
      return mutate(
        api,
        caller,
        'mutation($c: ID!, $v: Int!, $r: ID!) { changeCampaignRuleSet(campaignId: $c, expectedVersion: $v, ruleSetId: $r, reason: "省里规定") { __typename } }',
        { c: draft.id, v: draft.version, r: copy.data!.createRuleSet.id },
      );
    }, 'Campaign'),
    'Mutation.setElectionDay': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const result = await mutate(
          api,
          caller,
          'mutation($c: ID!, $r: ID!, $d: String) { setElectionDay(campaignId: $c, regionId: $r, day: $d) { __typename } }',
          { c: fx.campaignId, r: api.regionGid(key), d: addDays(fx.electionDay, 1) },
        );
        const allowed =
          allows(caller.role, 'campaign.manage') || may(caller, 'election_day.set', key, api);
        expect(refusalType(result.__typename), `${caller.username} sets ${key}`).toBe(
          allowed ? 'Campaign' : 'refused',
        );
      }
    },
    'Mutation.setVillageRisk': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const current = await api.gql<{
          campaign: { risks: { village: { id: string }; version: number }[] };
        }>(
          'query($id: ID!) { campaign(id: $id) { risks { village { id } version } } }',
          { id: fx.campaignId },
          { token: fx.admin },
        );
        const risk = current.data!.campaign.risks.find((r) => r.village.id === api.regionGid(key));
        const result = await mutate(
          api,
          caller,
          'mutation($c: ID!, $v: ID!, $e: Int) { setVillageRisk(campaignId: $c, villageId: $v, level: difficult, reason: "探针", expectedVersion: $e) { __typename } }',
          { c: fx.campaignId, v: api.regionGid(key), e: risk?.version ?? null },
        );
        expect(refusalType(result.__typename), `${caller.username} sets risk of ${key}`).toBe(
          may(caller, 'risk.set', key, api) ? 'VillageRisk' : 'refused',
        );
      }
    },
    'Mutation.saveStage': async (api, caller) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const res = await api.gql<SaveResult>(
          SAVE,
          entry(
            { unitElectionId: fx.units[key]!, stageCode: 'committee', record: null },
            { counts: { members: 5 } },
          ),
          { token: caller.token },
        );
        const typename = res.data?.saveStage.__typename;
        // allowed callers pass authorization and meet the audit gate (submitted, not approved)
        expect(refusalType(typename), `${caller.username} saves ${key}`).toBe(
          may(caller, 'stage.enter', key, api) ? 'RuleViolationError' : 'refused',
        );
      }
    },
    'Mutation.reviewStage': async (api, caller, everyone) => {
      const fx = await fixture(api);
      for (const key of VILLAGES) {
        const read = await api.gql<{ stageItem: ItemView }>(
          `query($u: ID!) { stageItem(unitElectionId: $u, stageCode: "audit") { unitElectionId stageCode record { id version status } } }`,
          { u: fx.units[key] },
          { token: fx.admin },
        );
        const item = read.data!.stageItem;
        const result = await mutate(
          api,
          caller,
          'mutation($id: ID!, $v: Int!) { reviewStage(recordId: $id, expectedVersion: $v, decision: return, comment: "探针退回") { __typename } }',
          { id: item.record!.id, v: item.record!.version },
        );
        const allowed = may(caller, 'stage.review', key, api);
        expect(refusalType(result.__typename), `${caller.username} reviews ${key}`).toBe(
          allowed ? 'StageItem' : 'refused',
        );
        if (allowed) {
          // the village submits it again, so the other probes find it waiting
          const clerk = everyone.find((c) => c.username === CLERKS[key])!;
          const again = await api.gql<{ stageItem: ItemView }>(
            `query($u: ID!) { stageItem(unitElectionId: $u, stageCode: "audit") { unitElectionId stageCode record { id version status } } }`,
            { u: fx.units[key] },
            { token: fx.admin },
          );
          const photoId = await uploadPhoto(api, clerk.token, key);
          const res = await api.gql<SaveResult>(
            SAVE,
            entry(again.data!.stageItem, {
              doneDate: todayInChina(),
              photoId,
              submit: true,
              explanation: '探针',
            }),
            { token: clerk.token },
          );
          expectType(res.data?.saveStage, 'StageItem', res);
        }
      }
    },
    'Mutation.uploadStagePhoto': async (api, caller) => {
      for (const key of VILLAGES) {
        const result = await mutate(
          api,
          caller,
          'mutation($v: ID!) { uploadStagePhoto(villageId: $v, mimeType: "image/jpeg", dataBase64: "/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==") { __typename } }',
          { v: api.regionGid(key) },
        );
        expect(refusalType(result.__typename), `${caller.username} uploads for ${key}`).toBe(
          may(caller, 'stage.enter', key, api) ? 'StagePhoto' : 'refused',
        );
      }
    },
    'Subscription.campaignEvents': async (api, caller) => {
      const fx = await fixture(api);
      const app = caller.role.startsWith('county')
        ? 'county'
        : caller.role === 'township_coordinator'
          ? 'township'
          : 'village';
      const events = subscribe(api, caller.token, app, fx);
      const expected = VILLAGES.filter((key) =>
        isWithinAny(api.demo.regionPaths.get(key)!, caller.scope),
      ).map((key) => api.regionGid(key));
      // a caller who sees no village cannot show that its subscription is live: the admin's,
      // opened after it, stands witness (it sees both villages)
      const witness = expected.length > 0 ? events : subscribe(api, fx.admin, 'county', fx);
      await untilLive(api, fx, witness);
      const seen = witness.events.length;
      await setRisks(api, fx);
      await witness.waitFor(seen + (witness === events ? expected.length : VILLAGES.length));
      await settle();
      events.stop();
      witness.stop();
      expect(events.errors).toEqual([]);
      expect([...new Set(events.events.map((e) => e.campaignEvents.regionId))].sort()).toEqual(
        [...expected].sort(),
      );
    },
  },
  anonymousCalls: (api) => ({
    'Query.campaigns': '{ campaigns { id } }',
    'Query.campaign': '{ campaign(id: "Campaign:1") { id } }',
    'Query.ruleSets': '{ ruleSets { id } }',
    'Query.ruleSet': '{ ruleSet(id: "RuleSet:1") { id } }',
    'Query.villageChecklist': `{ villageChecklist(campaignId: "Campaign:1", villageId: "${api.regionGid('t01v001')}") { today } }`,
    'Query.stageItem':
      '{ stageItem(unitElectionId: "UnitElection:1", stageCode: "audit") { name } }',
    'Query.reviewQueue': '{ reviewQueue { stageCode } }',
    'Query.campaignOverview': '{ campaignOverview(campaignId: "Campaign:1") { today } }',
    'Query.townshipMatrix': `{ townshipMatrix(campaignId: "Campaign:1", townshipId: "${api.regionGid('t01')}") { today } }`,
    'Query.auditLog': '{ auditLog { total } }',
    'Query.auditChainStatus': '{ auditChainStatus { ok } }',
    'Mutation.createCampaign':
      'mutation { createCampaign(input: { name: "x", tracks: [V], termNumbers: [], electionDayPlan: county, electionDay: "2030-01-01", ordering: parallel, ruleSetId: "RuleSet:1" }) { __typename } }',
    'Mutation.updateCampaign':
      'mutation { updateCampaign(id: "Campaign:1", expectedVersion: 1, input: { name: "x", tracks: [V], termNumbers: [], electionDayPlan: county, electionDay: "2030-01-01", ordering: parallel, ruleSetId: "RuleSet:1" }) { __typename } }',
    'Mutation.startCampaign':
      'mutation { startCampaign(id: "Campaign:1", expectedVersion: 1) { __typename } }',
    'Mutation.closeCampaign':
      'mutation { closeCampaign(id: "Campaign:1", expectedVersion: 1) { __typename } }',
    'Mutation.excludeVillage': `mutation { excludeVillage(campaignId: "Campaign:1", villageId: "${api.regionGid('t01v001')}", reason: "x") { __typename } }`,
    'Mutation.includeVillage': `mutation { includeVillage(campaignId: "Campaign:1", villageId: "${api.regionGid('t01v001')}") { __typename } }`,
    'Mutation.setElectionDay': `mutation { setElectionDay(campaignId: "Campaign:1", regionId: "${api.regionGid('t01')}", day: "2030-01-01") { __typename } }`,
    'Mutation.setVillageRisk': `mutation { setVillageRisk(campaignId: "Campaign:1", villageId: "${api.regionGid('t01v001')}", level: key, reason: "x") { __typename } }`,
    'Mutation.createRuleSet':
      'mutation { createRuleSet(basedOnId: "RuleSet:1", overrides: [{ code: "v.formal_list_days_before", value: "7", citation: "x" }]) { __typename } }',
    'Mutation.changeCampaignRuleSet':
      'mutation { changeCampaignRuleSet(campaignId: "Campaign:1", expectedVersion: 1, ruleSetId: "RuleSet:1") { __typename } }',
    'Mutation.saveStage':
      'mutation { saveStage(input: { unitElectionId: "UnitElection:1", stageCode: "audit", counts: [], submit: false }) { __typename } }',
    'Mutation.reviewStage':
      'mutation { reviewStage(recordId: "StageRecord:1", expectedVersion: 1, decision: approve) { __typename } }',
    'Mutation.uploadStagePhoto': `mutation { uploadStagePhoto(villageId: "${api.regionGid('t01v001')}", mimeType: "image/jpeg", dataBase64: "") { __typename } }`,
  }),
};
