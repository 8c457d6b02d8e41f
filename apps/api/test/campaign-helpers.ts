import { addDays, todayInChina as chinaDayAt } from '@huanjie/domain';
import { users } from '@huanjie/db';
import { eq } from 'drizzle-orm';
import type { GqlResponse, TestApi } from './harness.js';

/** Today in China by the system clock, which the test API runs on. */
export const todayInChina = () => chinaDayAt(new Date());

export interface CampaignSetup {
  daysAhead?: number;
  /** The county-wide election day; daysAhead from today when absent. */
  electionDay?: string;
  tracks?: string[];
  ordering?: 'party_first' | 'committee_first' | 'parallel';
  plan?: 'county' | 'township' | 'village';
  name?: string;
}

/** Throws with the response when a mutation's union result is not the expected type. */
export function expectType<T extends { __typename: string }>(
  value: T | undefined | null,
  typename: string,
  res?: GqlResponse<unknown>,
): T {
  if (!value || value.__typename !== typename) {
    throw new Error(
      `expected ${typename}, got ${JSON.stringify(value ?? res?.errors ?? res?.data)}`,
    );
  }
  return value;
}

export async function nationalRuleSetId(api: TestApi, token: string): Promise<string> {
  const res = await api.gql<{ ruleSets: { id: string; isNational: boolean }[] }>(
    '{ ruleSets { id isNational } }',
    {},
    { token },
  );
  const national = res.data?.ruleSets.find((r) => r.isNational);
  if (!national) throw new Error(`no national rule set: ${JSON.stringify(res)}`);
  return national.id;
}

/** Creates and starts a campaign as the county admin; returns its id and version. */
export async function startCampaign(api: TestApi, adminToken: string, setup: CampaignSetup = {}) {
  const day = setup.electionDay ?? addDays(todayInChina(), setup.daysAhead ?? 15);
  const ruleSetId = await nationalRuleSetId(api, adminToken);
  const created = await api.gql<{
    createCampaign: { __typename: string; id: string; version: number };
  }>(
    `mutation($input: CampaignInput!) { createCampaign(input: $input) {
      __typename ... on Campaign { id version } ... on Error { message } } }`,
    {
      input: {
        name: setup.name ?? '测试换届',
        tracks: setup.tracks ?? ['P', 'V', 'C', 'S', 'F'],
        termNumbers: [
          { track: 'P', term: 11 },
          { track: 'V', term: 12 },
          { track: 'C', term: 7 },
          { track: 'S', term: 3 },
        ],
        electionDayPlan: setup.plan ?? 'county',
        electionDay: day,
        windowStart: setup.plan === 'village' ? addDays(day, -5) : null,
        windowEnd: setup.plan === 'village' ? addDays(day, 5) : null,
        ordering: setup.ordering ?? 'parallel',
        ruleSetId,
      },
    },
    { token: adminToken },
  );
  const campaign = expectType(created.data?.createCampaign, 'Campaign', created);
  const started = await api.gql<{
    startCampaign: { __typename: string; id: string; version: number };
  }>(
    `mutation($id: ID!, $v: Int!) { startCampaign(id: $id, expectedVersion: $v) {
      __typename ... on Campaign { id version } ... on Error { message } } }`,
    { id: campaign.id, v: campaign.version },
    { token: adminToken },
  );
  return { ...expectType(started.data?.startCampaign, 'Campaign', started), electionDay: day };
}

export const ITEM_FIELDS = `
  key unitElectionId track stageCode name dueDate daysLeft status displayStatus dueRule dueCitation
  gates { code approved }
  findings { severity rule citation message }
  record { id status version doneDate reviewComment explanation warnings { rule } counts { key value } }
`;

export interface ItemView {
  key: string;
  unitElectionId: string;
  track: string;
  stageCode: string;
  name: string;
  dueDate: string;
  daysLeft: number;
  status: string;
  displayStatus: string;
  dueRule: string | null;
  dueCitation: string | null;
  gates: { code: string; approved: boolean }[];
  findings: { severity: string; rule: string; citation: string; message: string }[];
  record: {
    id: string;
    status: string;
    version: number;
    doneDate: string | null;
    reviewComment: string | null;
    explanation: string | null;
    warnings: { rule: string }[];
    counts: { key: string; value: number }[];
  } | null;
}

export async function checklist(
  api: TestApi,
  token: string,
  campaignId: string,
  villageKey: string,
) {
  const res = await api.gql<{
    villageChecklist: { units: { track: string; unitElectionId: string; items: ItemView[] }[] };
  }>(
    `query($c: ID!, $v: ID!) { villageChecklist(campaignId: $c, villageId: $v) {
      units { track unitElectionId items { ${ITEM_FIELDS} } } } }`,
    { c: campaignId, v: api.regionGid(villageKey) },
    { token },
  );
  return res;
}

export async function itemOf(
  api: TestApi,
  token: string,
  campaignId: string,
  villageKey: string,
  track: string,
  code: string,
): Promise<ItemView> {
  const res = await checklist(api, token, campaignId, villageKey);
  const item = res.data?.villageChecklist.units
    .find((u) => u.track === track)
    ?.items.find((i) => i.stageCode === code);
  if (!item)
    throw new Error(`no ${track}.${code} for ${villageKey}: ${JSON.stringify(res.errors)}`);
  return item;
}

export const SAVE = `mutation($input: StageEntryInput!) { saveStage(input: $input) {
  __typename
  ... on StageItem { ${ITEM_FIELDS} }
  ... on Error { code message }
  ... on RuleViolationError { findings { severity rule citation message path } }
} }`;

export const REVIEW = `mutation($id: ID!, $v: Int!, $d: ReviewDecision!, $c: String) {
  reviewStage(recordId: $id, expectedVersion: $v, decision: $d, comment: $c) {
    __typename
    ... on StageItem { ${ITEM_FIELDS} }
    ... on Error { code message }
  } }`;

export interface SaveResult {
  saveStage: ItemView & {
    __typename: string;
    code?: string;
    message?: string;
    findings: {
      severity: string;
      rule: string;
      citation: string;
      message: string;
      path?: string[];
    }[];
  };
}

export function entry(
  item: Pick<ItemView, 'unitElectionId' | 'stageCode' | 'record'>,
  fields: {
    doneDate?: string | null;
    counts?: Record<string, number | null>;
    note?: string | null;
    explanation?: string | null;
    photoId?: string | null;
    submit?: boolean;
  },
) {
  return {
    input: {
      unitElectionId: item.unitElectionId,
      stageCode: item.stageCode,
      expectedVersion: item.record?.version ?? null,
      doneDate: fields.doneDate ?? null,
      counts: Object.entries(fields.counts ?? {}).map(([key, value]) => ({ key, value })),
      note: fields.note ?? null,
      explanation: fields.explanation ?? null,
      photoId: fields.photoId ?? null,
      submit: fields.submit ?? false,
    },
  };
}

/** A tiny valid JPEG (SOI … EOI), enough for the server's format check. */
export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]).toString('base64');

export async function uploadPhoto(api: TestApi, token: string, villageKey: string) {
  const res = await api.gql<{ uploadStagePhoto: { __typename: string; id: string } }>(
    `mutation($v: ID!, $d: String!) { uploadStagePhoto(villageId: $v, mimeType: "image/jpeg", dataBase64: $d) {
      __typename ... on StagePhoto { id } ... on Error { message } } }`,
    { v: api.regionGid(villageKey), d: TINY_JPEG },
    { token },
  );
  return expectType(res.data?.uploadStagePhoto, 'StagePhoto', res).id;
}

/**
 * A second township coordinator for the township `townshipKey`, with the demo password; returns
 * the new user's id. Disable it with `setUserDisabled` to leave the township one coordinator again.
 */
export async function addCoordinator(api: TestApi, username: string, townshipKey: string) {
  const db = api.database.db;
  const [model] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, `town${townshipKey.slice(1)}.coordinator`));
  const [row] = await db
    .insert(users)
    .values({
      username,
      passwordHash: model!.passwordHash,
      displayName: '副书记',
      role: 'township_coordinator',
      regionId: Number(api.regionGid(townshipKey).split(':')[1]),
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function setUserDisabled(api: TestApi, userId: number, disabled: boolean) {
  await api.database.db.update(users).set({ disabled }).where(eq(users.id, userId));
}

export async function userIdOf(api: TestApi, username: string) {
  const [row] = await api.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, username));
  return row!.id;
}
