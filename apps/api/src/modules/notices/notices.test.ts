import { addDays } from '@huanjie/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../../../test/harness.js';
import { startTestApi } from '../../../test/harness.js';
import { stageRecords } from '@huanjie/db';
import { startCampaign, todayInChina, userIdOf } from '../../../test/campaign-helpers.js';

const NOTICE = `query($r: ID!) { electionUnits(regionId: $r) { track noticeIssuer
  voterListNotice { postedOn listed registered objectionDays decisionDays objectionDeadline groups } } }`;

interface Notice {
  electionUnits: {
    track: string;
    noticeIssuer: string;
    voterListNotice: {
      postedOn: string | null;
      listed: number | null;
      registered: number | null;
      objectionDays: number;
      decisionDays: number;
      objectionDeadline: string | null;
      groups: string[];
    } | null;
  }[];
}

describe('the notices a village posts', () => {
  let api: TestApi;
  let clerk: string;
  let clerkName: string;
  let village: string;

  beforeAll(async () => {
    api = await startTestApi();
    const admin = await api.login('county.admin', 'county');
    village = api.demoPlan.regions.find((r) => r.parentKey === 't01' && r.level === 'village')!.key;
    clerkName = `vil${village.slice(1, 3)}${village.slice(4)}.clerk`;
    clerk = await api.login(clerkName, 'village');
    await startCampaign(api, admin);
  });
  afterAll(() => api.close());

  it('names the issuing body of each election: the election committee, or the party branch', async () => {
    const res = await api.gql<Notice>(NOTICE, { r: api.regionGid(village) }, { token: clerk });
    const name = api.demoPlan.regions.find((r) => r.key === village)!.name;
    const byTrack = new Map(res.data!.electionUnits.map((u) => [u.track, u]));
    expect(byTrack.get('V')?.noticeIssuer).toBe(`${name}村民选举委员会`);
    expect(byTrack.get('P')?.noticeIssuer).toBe(`中共${name}党支部`);
    expect(byTrack.get('P')?.voterListNotice).toBeNull();
  });

  it('fills the voter list notice from the registration and posting stages, with the objection deadline', async () => {
    const groups = api.demoPlan.regions
      .filter((r) => r.parentKey === village && r.level === 'group')
      .map((r) => r.name);
    const before = await api.gql<Notice>(NOTICE, { r: api.regionGid(village) }, { token: clerk });
    // nothing entered yet: no figures and no deadline, rather than zeros
    expect(before.data!.electionUnits.find((u) => u.track === 'V')!.voterListNotice).toEqual({
      postedOn: null,
      listed: null,
      registered: null,
      objectionDays: 5,
      decisionDays: 3,
      objectionDeadline: null,
      groups,
    });
    // the stages as a village entered them (their own checks and gates are the stages' tests)
    const posted = addDays(todayInChina(), -2);
    const unit = await api.gql<{ electionUnits: { id: string; track: string }[] }>(
      `query($r: ID!) { electionUnits(regionId: $r) { id track } }`,
      { r: api.regionGid(village) },
      { token: clerk },
    );
    const unitId = Number(unit.data!.electionUnits.find((u) => u.track === 'V')!.id.split(':')[1]);
    const by = await userIdOf(api, clerkName);
    await api.database.db.insert(stageRecords).values([
      {
        unitElectionId: unitId,
        stageCode: 'registration',
        status: 'approved',
        doneDate: addDays(posted, -3),
        counts: { registered: 1234 },
        enteredBy: by,
        enteredRole: 'village_clerk',
      },
      {
        unitElectionId: unitId,
        stageCode: 'voter_list',
        status: 'submitted',
        doneDate: posted,
        counts: { listed: 1230 },
        enteredBy: by,
        enteredRole: 'village_clerk',
      },
    ]);
    const after = await api.gql<Notice>(NOTICE, { r: api.regionGid(village) }, { token: clerk });
    expect(after.data!.electionUnits.find((u) => u.track === 'V')!.voterListNotice).toMatchObject({
      postedOn: posted,
      listed: 1230,
      registered: 1234,
      objectionDeadline: addDays(posted, 5),
    });
  });
});
