import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@huanjie/db';
import { addDays } from '@huanjie/domain';
import { desc, eq, sql } from 'drizzle-orm';
import type { TestApi } from '../../../test/harness.js';
import { refusal, refusalType, startTestApi } from '../../../test/harness.js';
import type { ItemView, SaveResult } from '../../../test/campaign-helpers.js';
import {
  REVIEW,
  SAVE,
  addCoordinator,
  checklist,
  entry,
  itemOf,
  setUserDisabled,
  TINY_JPEG,
  startCampaign,
  todayInChina,
  uploadPhoto,
} from '../../../test/campaign-helpers.js';
import { verifyAuditChains } from '../audit/audit.service.js';

describe('village reporting and township review', () => {
  let api: TestApi;
  let admin: string;
  let clerk: string;
  let otherClerk: string;
  let coordinator: string;
  let otherCoordinator: string;
  let campaignId: string;
  let electionDay: string;
  let village: string;
  let clerkName: string;
  const today = todayInChina();

  const save = (token: string, vars: ReturnType<typeof entry>) =>
    api.gql<SaveResult>(SAVE, vars, { token });
  const review = (token: string, item: ItemView, decision: string, comment?: string) =>
    api.gql<{ reviewStage: ItemView & { __typename: string; code?: string; message?: string } }>(
      REVIEW,
      { id: item.record?.id, v: item.record?.version, d: decision, c: comment ?? null },
      { token },
    );
  const item = (track: string, code: string, token = clerk) =>
    itemOf(api, token, campaignId, village, track, code);

  beforeAll(async () => {
    api = await startTestApi();
    const villageRegion = api.demoPlan.regions.find(
      (r) => r.parentKey === 't01' && r.level === 'village',
    )!;
    village = villageRegion.key;
    const otherVillage = api.demoPlan.regions.find(
      (r) => r.parentKey === 't01' && r.level === 'village' && r.key !== village,
    )!;
    clerkName = `vil${village.slice(1, 3)}${village.slice(4)}.clerk`;
    [admin, clerk, otherClerk, coordinator, otherCoordinator] = await Promise.all([
      api.login('county.admin', 'county'),
      api.login(clerkName, 'village'),
      api.login(`vil${otherVillage.key.slice(1, 3)}${otherVillage.key.slice(4)}.clerk`, 'village'),
      api.login('town01.coordinator', 'township'),
      api.login('town02.coordinator', 'township'),
    ]);
    const started = await startCampaign(api, admin, { daysAhead: 15 });
    campaignId = started.id;
    electionDay = started.electionDay;
  });
  afterAll(() => api.close());

  it('shows the village its checklist per track with legal due dates', async () => {
    const res = await checklist(api, clerk, campaignId, village);
    expect(res.errors).toBeUndefined();
    const tracks = res.data!.villageChecklist.units.map((u) => u.track);
    expect(tracks).toEqual(['P', 'V', 'S', 'F']);
    const voterList = await item('V', 'voter_list');
    expect(voterList.dueDate).toBe(addDays(electionDay, -20));
    expect(voterList.dueRule).toBe('voter_list.days_before');
    expect(voterList.dueCitation).toContain('村民委员会组织法');
    expect(voterList.displayStatus).toBe('overdue');
    expect(voterList.daysLeft).toBe(-5);
    const nomination = await item('V', 'nomination');
    expect(nomination.displayStatus).toBe('blocked');
    expect(nomination.gates).toEqual([{ code: 'audit', approved: false }]);
    // the audit is held once, in the committee track
    const party = res.data!.villageChecklist.units.find((u) => u.track === 'P')!;
    expect(party.items.some((i) => i.stageCode === 'audit')).toBe(false);
  });

  it('refuses an election stage while the audit gate is not approved', async () => {
    const res = await save(
      clerk,
      entry(await item('V', 'voter_list'), { doneDate: today, counts: { listed: 900 } }),
    );
    expect(res.data?.saveStage.__typename).toBe('RuleViolationError');
    const errors = res.data?.saveStage.findings.filter((f) => f.severity === 'error');
    expect(errors?.map((f) => f.rule)).toEqual(['stage.gate']);
    expect(errors?.[0]?.message).toContain('离任（届期）经济责任审计');
  });

  it('asks for the photo, then for an explanation of a late date, then accepts', async () => {
    const audit = await item('V', 'audit');
    const noPhoto = await save(clerk, entry(audit, { doneDate: today, submit: true }));
    expect(noPhoto.data?.saveStage.__typename).toBe('RuleViolationError');
    expect(noPhoto.data?.saveStage.findings.map((f) => f.rule)).toContain(
      'evidence.photo_required',
    );

    const photoId = await uploadPhoto(api, clerk, village);
    const late = await save(clerk, entry(audit, { doneDate: today, photoId, submit: true }));
    expect(late.data?.saveStage.__typename).toBe('RuleViolationError');
    const warning = late.data?.saveStage.findings.find((f) => f.severity === 'warning');
    expect(warning?.rule).toBe('schedule.audit_days_before');
    expect(warning?.message).toContain('晚了15天');
    expect(late.data?.saveStage.message).toContain('情况说明');

    const explained = await save(
      clerk,
      entry(audit, { doneDate: today, photoId, submit: true, explanation: '审计组进村推迟' }),
    );
    expect(explained.data?.saveStage).toMatchObject({
      __typename: 'StageItem',
      status: 'submitted',
      record: { explanation: '审计组进村推迟', warnings: [{ rule: 'schedule.audit_days_before' }] },
    });
  });

  it('accepts only the listed photo formats, and only content that is that format', async () => {
    const upload = (mimeType: string, data: string) =>
      api.gql<{
        uploadStagePhoto: {
          __typename: string;
          message?: string;
          issues?: { path: string[]; message: string }[];
        };
      }>(
        `mutation($v: ID!, $m: String!, $d: String!) { uploadStagePhoto(villageId: $v, mimeType: $m, dataBase64: $d) {
          __typename ... on Error { message } ... on ValidationError { issues { path message } } } }`,
        { v: api.regionGid(village), m: mimeType, d: data },
        { token: clerk },
      );
    const text = Buffer.from('not a photo at all, just some words').toString('base64');
    // names an Object.prototype member answers to: no format, whatever the content
    for (const mimeType of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await upload(mimeType, text);
      expect(res.errors, mimeType).toBeUndefined();
      expect(res.data?.uploadStagePhoto, mimeType).toMatchObject({
        __typename: 'ValidationError',
        message: '照片须为 JPEG、PNG 或 WebP 格式',
        issues: [{ path: ['mimeType'] }],
      });
    }
    // a declared format whose magic bytes the content lacks
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString(
      'base64',
    );
    const webp = Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1').toString('base64');
    for (const [mimeType, data] of [
      ['image/jpeg', text],
      ['image/jpeg', png],
      ['image/png', TINY_JPEG],
      ['image/webp', TINY_JPEG],
      ['image/webp', Buffer.from('RIFF').toString('base64')],
    ] as const) {
      const res = await upload(mimeType, data);
      expect(res.data?.uploadStagePhoto, mimeType).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['dataBase64'] }],
      });
    }
    for (const [mimeType, data] of [
      ['image/jpeg', TINY_JPEG],
      ['image/png', png],
      ['image/webp', webp],
    ] as const) {
      const res = await upload(mimeType, data);
      expect(res.data?.uploadStagePhoto.__typename, mimeType).toBe('StagePhoto');
    }
  });

  it('lets only the village’s own township review, and locks an approved stage', async () => {
    const audit = await item('V', 'audit');
    const foreign = await review(otherCoordinator, audit, 'approve');
    expect(refusalType(foreign.data?.reviewStage.__typename)).toBe('refused');
    const byClerk = await review(clerk, audit, 'approve');
    expect(byClerk.data?.reviewStage.__typename).toBe('ForbiddenError');

    const approved = await review(coordinator, audit, 'approve');
    expect(approved.data?.reviewStage).toMatchObject({
      status: 'approved',
      displayStatus: 'approved',
    });

    const edit = await save(clerk, entry(await item('V', 'audit'), { doneDate: today }));
    expect(edit.data?.saveStage.__typename).toBe('ConflictError');
    expect(edit.data?.saveStage.message).toContain('锁定');
    // the gate is open now
    expect((await item('V', 'nomination')).gates).toEqual([{ code: 'audit', approved: true }]);
  });

  it('checks registration numbers: registered = last term + additions − removals', async () => {
    const registration = await item('V', 'registration');
    const counts = {
      previous: 1200,
      registered: 1230,
      addAge18: 30,
      addMovedIn: 5,
      remDied: 12,
      remMovedOut: 3,
    };
    const wrong = await save(
      clerk,
      entry(registration, { doneDate: today, counts, submit: true, explanation: 'x' }),
    );
    expect(wrong.data?.saveStage.__typename).toBe('RuleViolationError');
    const error = wrong.data?.saveStage.findings.find((f) => f.severity === 'error');
    expect(error).toMatchObject({ rule: 'registration.balance', path: ['counts', 'registered'] });
    expect(error?.message).toContain('1220');

    // a draft with the same numbers is kept, with the problem shown on the checklist
    const draft = await save(clerk, entry(registration, { doneDate: today, counts }));
    expect(draft.data?.saveStage.status).toBe('draft');
    expect(draft.data?.saveStage.findings.map((f) => f.rule)).toContain('registration.balance');

    const right = await save(
      clerk,
      entry(await item('V', 'registration'), {
        doneDate: today,
        counts: { ...counts, registered: 1220 },
        submit: true,
        explanation: '登记工作推迟',
      }),
    );
    expect(right.data?.saveStage.status).toBe('submitted');
  });

  it('warns about a voter list posted after the legal deadline, with its citation', async () => {
    const voterList = await item('V', 'voter_list');
    const photoId = await uploadPhoto(api, clerk, village);
    const res = await save(
      clerk,
      entry(voterList, { doneDate: today, counts: { listed: 1220 }, photoId, submit: true }),
    );
    expect(res.data?.saveStage.__typename).toBe('RuleViolationError');
    expect(res.data?.saveStage.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'voter_list.days_before',
        citation: expect.stringContaining('第十四条') as string,
        message: expect.stringContaining('选举日前20天') as string,
      }),
    ]);
  });

  it('returns with a comment the village sees, then accepts the corrected resubmission', async () => {
    const voterList = await item('V', 'voter_list');
    const photoId = await uploadPhoto(api, clerk, village);
    const submitted = await save(
      clerk,
      entry(voterList, {
        doneDate: today,
        counts: { listed: 1220 },
        photoId,
        submit: true,
        explanation: '春节后张榜',
      }),
    );
    expect(submitted.data?.saveStage.status).toBe('submitted');

    const noComment = await review(coordinator, await item('V', 'voter_list'), 'return', '  ');
    expect(noComment.data?.reviewStage.__typename).toBe('ValidationError');

    const returned = await review(
      coordinator,
      await item('V', 'voter_list'),
      'return',
      '照片看不清，请重拍',
    );
    expect(returned.data?.reviewStage.status).toBe('returned');
    const seen = await item('V', 'voter_list');
    expect(seen.record?.reviewComment).toBe('照片看不清，请重拍');
    expect(seen.status).toBe('returned');

    const newPhoto = await uploadPhoto(api, clerk, village);
    const again = await save(
      clerk,
      entry(seen, {
        doneDate: today,
        counts: { listed: 1220 },
        photoId: newPhoto,
        submit: true,
        explanation: '春节后张榜',
      }),
    );
    expect(again.data?.saveStage.status).toBe('submitted');
    const approved = await review(coordinator, await item('V', 'voter_list'), 'approve');
    expect(approved.data?.reviewStage.status).toBe('approved');
  });

  it('re-opens an approved stage only with a reason, back to the village', async () => {
    const voterList = await item('V', 'voter_list');
    const noReason = await review(coordinator, voterList, 'reopen');
    expect(noReason.data?.reviewStage.__typename).toBe('ValidationError');
    const reopened = await review(coordinator, voterList, 'reopen', '公布人数与花名册核对不一致');
    expect(reopened.data?.reviewStage).toMatchObject({
      status: 'returned',
      record: { reviewComment: '公布人数与花名册核对不一致' },
    });
    const history = await api.gql<{
      stageItem: {
        record: { history: { action: string; comment: string | null; userName: string }[] };
      };
    }>(
      `query($u: ID!) { stageItem(unitElectionId: $u, stageCode: "voter_list") { record { history { action comment userName } } } }`,
      { u: voterList.unitElectionId },
      { token: coordinator },
    );
    expect(history.data?.stageItem.record.history.map((h) => h.action)).toEqual([
      'stage.reopen',
      'stage.approve',
      'stage.submit',
      'stage.return',
      'stage.submit',
    ]);
    expect(history.data?.stageItem.record.history[0]?.comment).toBe('公布人数与花名册核对不一致');
  });

  it('refuses control, zero-width and bidi characters and overlong text in notes and comments', async () => {
    const committee = await item('V', 'committee');
    const before = committee.record?.version;
    for (const [fields, path] of [
      [{ note: '备注\u0000' }, 'note'],
      [{ note: '推选\u202e会议' }, 'note'],
      [{ explanation: '推迟\u200b' }, 'explanation'],
      [{ note: 'x'.repeat(1_000_000) }, 'note'],
    ] as const) {
      const res = await api.gql<{
        saveStage: { __typename: string; issues?: { path: string[] }[] };
      }>(
        `mutation($input: StageEntryInput!) { saveStage(input: $input) { __typename ... on ValidationError { issues { path } } } }`,
        entry(committee, { doneDate: today, counts: { members: 9 }, ...fields }),
        { token: clerk },
      );
      expect(res.data?.saveStage.__typename, path).toBe('ValidationError');
      expect(
        res.data?.saveStage.issues?.map((i) => i.path.at(-1)),
        path,
      ).toEqual([path]);
    }
    expect((await item('V', 'committee')).record?.version).toBe(before);
  });

  it('refuses a stale version (two people editing at once)', async () => {
    const committee = await item('V', 'committee');
    const first = await save(clerk, entry(committee, { doneDate: today, counts: { members: 9 } }));
    expect(first.data?.saveStage.status).toBe('draft');
    const second = await save(
      coordinator,
      entry(committee, { doneDate: today, counts: { members: 8 } }),
    );
    expect(second.data?.saveStage.__typename).toBe('ConflictError');
    const kept = await item('V', 'committee');
    expect(kept.record?.counts).toEqual([{ key: 'members', value: 9 }]);
  });

  it('keeps every village out of every other village’s stages', async () => {
    const committee = await item('V', 'committee');
    const read = await checklist(api, otherClerk, campaignId, village);
    expect(read.data).toBeNull();
    expect(refusal(read)).toBe('refused');
    const write = await save(
      otherClerk,
      entry(committee, { doneDate: today, counts: { members: 1 } }),
    );
    expect(refusalType(write.data?.saveStage.__typename)).toBe('refused');
    const townRead = await checklist(api, otherCoordinator, campaignId, village);
    expect(refusal(townRead)).toBe('refused');
    // the record is unchanged
    expect((await item('V', 'committee')).record?.counts).toEqual([{ key: 'members', value: 9 }]);
  });

  it('moves due dates when the election day moves', async () => {
    const before = await item('V', 'candidate_list');
    const res = await api.gql<{ setElectionDay: { __typename: string } }>(
      `mutation($c: ID!, $r: ID!, $d: String) { setElectionDay(campaignId: $c, regionId: $r, day: $d) { __typename } }`,
      { c: campaignId, r: api.regionGid('t01'), d: addDays(electionDay, 7) },
      { token: admin },
    );
    expect(res.data?.setElectionDay.__typename).toBe('Campaign');
    const after = await item('V', 'candidate_list');
    expect(after.dueDate).toBe(addDays(before.dueDate, 7));
    // a township coordinator may not move days when the county sets them
    const refused = await api.gql<{ setElectionDay: { __typename: string } }>(
      `mutation($c: ID!, $r: ID!, $d: String) { setElectionDay(campaignId: $c, regionId: $r, day: $d) { __typename } }`,
      { c: campaignId, r: api.regionGid(village), d: addDays(electionDay, 8) },
      { token: coordinator },
    );
    expect(refused.data?.setElectionDay.__typename).toBe('ForbiddenError');
  });

  it('refuses to let the one who entered a stage review it, unless nobody else may', async () => {
    const selfReviewed = async (code: string) =>
      (
        await api.gql<{ stageItem: { record: { selfReviewed: boolean } } }>(
          `query($u: ID!, $s: String!) { stageItem(unitElectionId: $u, stageCode: $s) { record { selfReviewed } } }`,
          { u: (await item('V', code)).unitElectionId, s: code },
          { token: admin },
        )
      ).data?.stageItem.record.selfReviewed;
    // the clerk submitted the audit, the coordinator approved it
    expect(await selfReviewed('audit')).toBe(false);

    // township 01 has one coordinator: entering and approving alone is allowed, and marked
    const submitAs = async (token: string) => {
      const res = await save(
        token,
        entry(await item('V', 'committee'), {
          doneDate: today,
          counts: { members: 7 },
          explanation: '推选会议推迟',
          submit: true,
        }),
      );
      expect(res.data?.saveStage.status).toBe('submitted');
    };
    await submitAs(coordinator);
    const alone = await review(coordinator, await item('V', 'committee'), 'approve');
    expect(alone.data?.reviewStage.status).toBe('approved');
    expect(await selfReviewed('committee')).toBe(true);

    // with a second coordinator the same person may no longer approve or return their own entry
    const deputyId = await addCoordinator(api, 'town01.deputy', 't01');
    const deputy = await api.login('town01.deputy', 'township');
    const reopened = await review(deputy, await item('V', 'committee'), 'reopen', '人数有误');
    expect(reopened.data?.reviewStage.status).toBe('returned');
    expect(await selfReviewed('committee')).toBe(false);
    await submitAs(coordinator);
    for (const decision of ['approve', 'return']) {
      const own = await review(coordinator, await item('V', 'committee'), decision, '自审');
      expect(own.data?.reviewStage).toMatchObject({
        __typename: 'ForbiddenError',
        message: expect.stringContaining('其他') as unknown,
      });
    }
    const byOther = await review(deputy, await item('V', 'committee'), 'approve');
    expect(byOther.data?.reviewStage.status).toBe('approved');
    expect(await selfReviewed('committee')).toBe(false);

    // a disabled second coordinator does not count: alone again
    await setUserDisabled(api, deputyId, true);
    await review(coordinator, await item('V', 'committee'), 'reopen', '再次核对');
    await submitAs(coordinator);
    const aloneAgain = await review(coordinator, await item('V', 'committee'), 'approve');
    expect(aloneAgain.data?.reviewStage.status).toBe('approved');
    expect(await selfReviewed('committee')).toBe(true);
  });

  it('records every change in the audit chain, and detects tampering', async () => {
    const entries = await api.database.db
      .select({ action: auditLog.action, role: auditLog.role, userId: auditLog.userId })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'stage_record'));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'stage.save',
        'stage.submit',
        'stage.approve',
        'stage.return',
        'stage.reopen',
      ]),
    );
    expect(await verifyAuditChains(api.database.db)).toMatchObject({ ok: true });
    const [last] = await api.database.db
      .select({ id: auditLog.id, seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.action, 'stage.approve'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    await api.database.db
      .update(auditLog)
      .set({ after: sql`jsonb_set(after, '{status}', '"draft"')` })
      .where(eq(auditLog.id, last!.id));
    expect(await verifyAuditChains(api.database.db)).toMatchObject({ ok: false, seq: last!.seq });
  });
});
