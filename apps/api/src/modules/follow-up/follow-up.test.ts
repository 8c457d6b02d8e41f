import { queryRows } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SAVE,
  entry,
  itemOf,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../../../test/campaign-helpers.js';
import type { SaveResult } from '../../../test/campaign-helpers.js';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';

interface ItemOut {
  code: string;
  name: string;
  dueDate: string;
  dueText: string;
  citation: string;
  status: string;
  doneOn: string | null;
  doneBy: string | null;
  fileId: string | null;
}
interface FollowUpOut {
  __typename: string;
  electionDay: string;
  done: number;
  total: number;
  overdue: number;
  canEnter: boolean;
  items: ItemOut[];
  message?: string;
  issues?: { path: string[]; message: string }[];
}

const FOLLOW_UP = `electionDay done total overdue canEnter
  items { code name dueDate dueText citation status doneOn doneBy fileId }`;
const ONE = `query($v: ID!) { villageFollowUp(villageId: $v) { ${FOLLOW_UP} } }`;
const RECORD = `mutation($i: RecordFollowUpItemInput!) { recordFollowUpItem(input: $i) {
  __typename ... on Error { message } ... on ValidationError { issues { path message } }
  ... on VillageFollowUp { ${FOLLOW_UP} } } }`;
const OVERVIEW = `query($c: ID!, $r: ID!) { campaignOverview(campaignId: $c, regionId: $r) {
  followUp { villages elected handedOver overdueVillages items overdueItems
    rows(overdueOnly: true) { village { id name } overdue overdueItems } } } }`;
const SUMMARY = `query($r: ID!) { followUpSummary(regionId: $r) { villages handedOver overdueVillages
  rows { village { id } done total overdue handedOver } } }`;

const HANDOVER = [
  'handover.seal',
  'handover.finance',
  'handover.assets',
  'handover.archives',
  'handover.pending',
];

describe('the handover and the rest of track F', () => {
  let api: TestApi;
  let admin: string;
  let clerk: string;
  let otherClerk: string;
  let coordinator: string;
  let campaignId: string;
  let electionDay: string;
  let village: string;
  let villageGid: string;
  const today = todayInChina();

  const record = (token: string, input: Record<string, unknown>) =>
    api.gql<{ recordFollowUpItem: FollowUpOut }>(
      RECORD,
      { i: { villageId: villageGid, doneBy: '张三（原主任）交李四（新主任）', ...input } },
      { token },
    );
  const counts = async () =>
    (
      await queryRows<{ items: number; audit: number }>(
        api.database.db,
        sql`select (select count(*)::int from follow_up_items) as items,
          (select count(*)::int from audit_log) as audit`,
      )
    )[0];
  const overview = async () => {
    const res = await api.gql<{
      campaignOverview: {
        followUp: {
          villages: number;
          elected: number;
          handedOver: number;
          overdueVillages: number;
          items: number;
          overdueItems: number;
          rows: {
            village: { id: string; name: string };
            overdue: number;
            overdueItems: string[];
          }[];
        };
      };
    }>(OVERVIEW, { c: campaignId, r: api.regionGid('c') }, { token: admin });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.campaignOverview.followUp;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const villages = api.demoPlan.regions.filter(
      (r) => r.parentKey === 't01' && r.level === 'village',
    );
    village = villages[0]!.key;
    villageGid = api.regionGid(village);
    const clerkOf = (key: string) => `vil${key.slice(1, 3)}${key.slice(4)}.clerk`;
    [admin, clerk, otherClerk, coordinator] = await Promise.all([
      api.login('county.admin', 'county'),
      api.login(clerkOf(village), 'village'),
      api.login(clerkOf(villages[1]!.key), 'village'),
      api.login('town01.coordinator', 'township'),
    ]);
    // the election was held 12 days ago: the handover (10 days) is overdue everywhere
    const started = await startCampaign(api, admin, { electionDay: addDays(today, -12) });
    campaignId = started.id;
    electionDay = started.electionDay;
    // the committee's election meeting approved: the gate of every track F stage
    const clerkId = api.demo.userIds.get(clerkOf(village))!;
    await api.database.db.execute(sql`insert into stage_records
      (unit_election_id, stage_code, status, done_date, entered_by, entered_role)
      select id, 'election', 'approved', ${electionDay}, ${clerkId}, 'village_clerk'
      from unit_elections where region_id = ${api.demo.regionIds.get(village)!} and track = 'V'`);
  });
  afterAll(() => api.close());

  it('lists the checklist with due dates from the election day and the rule set, with citations', async () => {
    const res = await api.gql<{ villageFollowUp: FollowUpOut }>(
      ONE,
      { v: villageGid },
      { token: clerk },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const view = res.data!.villageFollowUp;
    expect(view.electionDay).toBe(electionDay);
    expect(view.canEnter).toBe(true);
    const seal = view.items.find((i) => i.code === 'handover.seal')!;
    expect(seal.name).toBe('公章移交');
    expect(seal.dueDate).toBe(addDays(electionDay, 10));
    expect(seal.dueText).toBe('选举日后10天内');
    expect(seal.citation).toContain('村民委员会组织法');
    expect(seal.status).toBe('overdue');
    expect(view.items.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        '村（居）务监督委员会',
        '人民调解委员会',
        '建章立制',
        '换届资料立卷归档',
      ]),
    );
  });

  it('refuses a done date before the election day, naming it, and writes nothing', async () => {
    const before = await counts();
    const res = await record(clerk, {
      itemCode: 'handover.seal',
      doneOn: addDays(electionDay, -1),
    });
    const out = res.data!.recordFollowUpItem;
    expect(out.__typename).toBe('ValidationError');
    expect(out.message).toContain('早于选举日');
    expect(out.issues?.[0]?.path).toEqual(['doneOn']);
    expect(await counts()).toEqual(before);
  });

  it('does not know a village outside the caller’s region, and writes nothing', async () => {
    const before = await counts();
    const res = await api.gql<{ recordFollowUpItem: FollowUpOut }>(
      RECORD,
      { i: { villageId: villageGid, itemCode: 'handover.seal', doneOn: today, doneBy: '某人' } },
      { token: otherClerk },
    );
    expect(res.data!.recordFollowUpItem.__typename).toBe('NotFoundError');
    expect(res.data!.recordFollowUpItem.message).toContain('不在您的管辖范围内');
    const read = await api.gql(ONE, { v: villageGid }, { token: otherClerk });
    expect(read.data?.villageFollowUp ?? null).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('keeps the handover stage from being submitted while its checklist is open', async () => {
    const stage = await itemOf(api, clerk, campaignId, village, 'F', 'handover');
    const res = await api.gql<SaveResult>(
      SAVE,
      entry(stage, { doneDate: addDays(electionDay, 3), submit: true, explanation: '移交迟了' }),
      { token: clerk },
    );
    const out = res.data!.saveStage;
    expect(out.__typename).toBe('RuleViolationError');
    const open = out.findings.find((f) => f.rule === 'follow_up.checklist_open');
    expect(open?.message).toContain('公章移交');
  });

  it('keeps the supporting bodies from being submitted while the village has no 村民代表, naming them', async () => {
    const submit = async () => {
      const stage = await itemOf(api, clerk, campaignId, village, 'F', 'supporting_bodies');
      const res = await api.gql<SaveResult>(
        SAVE,
        entry(stage, { doneDate: addDays(electionDay, 3), submit: true, explanation: '推选会议已开' }),
        { token: clerk },
      );
      const out = res.data!.saveStage;
      expect(out.__typename, JSON.stringify(res)).toBe('RuleViolationError');
      return out.findings.find((f) => f.rule === 'follow_up.records_missing');
    };
    const missing = await submit();
    expect(missing?.severity).toBe('error');
    expect(missing?.message).toContain('村民代表');
    expect(missing?.message).toContain('配套组织');

    // the clerk records one 村民代表: the supporting bodies no longer wait for them
    const groups = await api.gql<{ villageRepresentatives: { groups: { id: string }[] } }>(
      `query($v: ID!) { villageRepresentatives(villageId: $v) { groups { id } } }`,
      { v: villageGid },
      { token: clerk },
    );
    const saved = await api.gql<{ saveVillageRepresentative: { __typename: string } }>(
      `mutation($i: VillageRepresentativeInput!) { saveVillageRepresentative(input: $i) { __typename } }`,
      {
        i: {
          villageId: villageGid,
          groupId: groups.data!.villageRepresentatives.groups[0]!.id,
          name: '赵秀兰',
          gender: 'female',
          partyMember: true,
          method: 'households',
        },
      },
      { token: clerk },
    );
    expect(saved.data?.saveVillageRepresentative.__typename, JSON.stringify(saved)).toBe(
      'VillageRepresentatives',
    );
    expect(await submit()).toBeUndefined();
  });

  it('ticks the handover off with evidence; the overdue count drops and the stage takes its date', async () => {
    const beforeOverview = await overview();
    expect(beforeOverview.handedOver).toBe(0);
    expect(beforeOverview.overdueVillages).toBe(beforeOverview.villages);
    expect(beforeOverview.rows.map((r) => r.village.id)).toContain(villageGid);
    const photo = await uploadPhoto(api, clerk, village);
    const before = await counts();
    for (const [n, code] of HANDOVER.entries()) {
      const res = await record(clerk, {
        itemCode: code,
        doneOn: addDays(electionDay, 2 + (n % 2)),
        note: n === 0 ? '公章一枚、财务章一枚' : null,
        fileId: n === 0 ? photo : null,
      });
      expect(res.data!.recordFollowUpItem.__typename, JSON.stringify(res.data)).toBe(
        'VillageFollowUp',
      );
    }
    const after = await counts();
    expect(after!.items - before!.items).toBe(HANDOVER.length);
    expect(after!.audit - before!.audit).toBe(HANDOVER.length);

    const res = await api.gql<{ villageFollowUp: FollowUpOut }>(
      ONE,
      { v: villageGid },
      { token: clerk },
    );
    const seal = res.data!.villageFollowUp.items.find((i) => i.code === 'handover.seal')!;
    expect(seal.status).toBe('done');
    expect(seal.doneBy).toContain('李四');
    expect(seal.fileId).toBe(photo);

    const now = await overview();
    expect(now.handedOver).toBe(1);
    expect(now.overdueItems).toBe(beforeOverview.overdueItems - HANDOVER.length);

    // the stage's done date is the checklist's last day; it no longer shows overdue
    const stage = await itemOf(api, clerk, campaignId, village, 'F', 'handover');
    expect(stage.displayStatus).not.toBe('overdue');
    const wrong = await api.gql<SaveResult>(
      SAVE,
      entry(stage, { doneDate: addDays(electionDay, 5), submit: true }),
      { token: clerk },
    );
    expect(wrong.data!.saveStage.__typename).toBe('ValidationError');
    const submitted = await api.gql<SaveResult>(
      SAVE,
      entry(stage, { doneDate: null, submit: true }),
      { token: clerk },
    );
    expect(submitted.data!.saveStage.__typename, JSON.stringify(submitted.data)).toBe('StageItem');
    expect(submitted.data!.saveStage.record?.doneDate).toBe(addDays(electionDay, 3));
  });

  it('shows the township its villages’ follow-up, each out of its own items', async () => {
    const res = await api.gql<{
      followUpSummary: {
        villages: number;
        handedOver: number;
        rows: { village: { id: string }; done: number; total: number; handedOver: boolean }[];
      };
    }>(SUMMARY, { r: api.regionGid('t01') }, { token: coordinator });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const summary = res.data!.followUpSummary;
    expect(summary.villages).toBe(summary.rows.length);
    expect(summary.handedOver).toBe(1);
    const row = summary.rows.find((r) => r.village.id === villageGid)!;
    expect(row.done).toBe(HANDOVER.length);
    expect(row.handedOver).toBe(true);
  });

  it('names the change in the audit log in words', async () => {
    const [row] = await queryRows<{ action: string; after: { itemCode: string } }>(
      api.database.db,
      sql`select action, after from audit_log where entity_type = 'follow_up_item' order by id desc limit 1`,
    );
    expect(row?.action).toBe('follow_up.record');
    expect(HANDOVER).toContain(row?.after.itemCode);
  });
});
