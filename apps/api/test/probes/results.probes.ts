import {
  auditLog,
  candidates,
  electionSetups,
  persons,
  publicityNotices,
  publicityObjections,
} from '@huanjie/db';
import type { Action } from '@huanjie/domain';
import { isWithinAny } from '@huanjie/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createElectionFixture } from '../elections-fixture.js';
import { refusal, refusalType } from '../harness.js';
import type { TestApi } from '../harness.js';
import { allows } from '../permissions.js';
import type { Caller, Probe, ProbeModule } from './types.js';

/** One village in each township: every caller is inside one, outside the other, or both (county). */
const VILLAGES = ['t01v001', 't02v003'] as const;

interface VillageTargets {
  path: string;
  unit: string;
  candidate: string;
  publicity: string;
  objection: string;
}

const fixtures = new WeakMap<TestApi, Promise<Record<string, VillageTargets>>>();

function targets(api: TestApi) {
  let pending = fixtures.get(api);
  if (!pending) {
    pending = build(api);
    fixtures.set(api, pending);
  }
  return pending;
}

async function build(api: TestApi): Promise<Record<string, VillageTargets>> {
  const fx = await createElectionFixture(api, [...VILLAGES]);
  const db = api.database.db;
  const out: Record<string, VillageTargets> = {};
  for (const key of VILLAGES) {
    const unitGid = fx.units.get(`${key}/V`)!;
    const unitId = Number(unitGid.split(':')[1]);
    const path = api.demo.regionPaths.get(key)!;
    await db
      .insert(electionSetups)
      .values({ unitElectionId: unitId, regionPath: path, seats: { chair: 1, member: 2 } });
    const [person] = await db
      .insert(persons)
      .values({
        regionId: api.demo.regionIds.get(key)!,
        regionPath: path,
        name: '探针人',
        gender: 'male',
        politicalStatus: 'masses',
      })
      .returning({ id: persons.id });
    const [candidate] = await db
      .insert(candidates)
      .values({
        unitElectionId: unitId,
        regionPath: path,
        personId: person!.id,
        post: 'member',
        nominationSource: 'joint_nomination',
      })
      .returning({ id: candidates.id });
    const [notice] = await db
      .insert(publicityNotices)
      .values({
        unitElectionId: unitId,
        regionPath: path,
        kind: 'candidates',
        startsOn: '2026-01-01',
        endsOn: '2026-01-05',
        createdBy: api.demo.userIds.get('county.admin')!,
      })
      .returning({ id: publicityNotices.id });
    const [objection] = await db
      .insert(publicityObjections)
      .values({
        publicityId: notice!.id,
        candidateId: candidate!.id,
        receivedOn: '2026-01-02',
        content: '探针异议',
      })
      .returning({ id: publicityObjections.id });
    out[key] = {
      path,
      unit: unitGid,
      candidate: `Candidate:${candidate!.id}`,
      publicity: `Publicity:${notice!.id}`,
      objection: `Objection:${objection!.id}`,
    };
  }
  return out;
}

async function auditCount(api: TestApi, path: string): Promise<number> {
  const [row] = await api.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(sql`${auditLog.regionPath} like ${`${path}%`}`);
  return row?.n ?? 0;
}

const SHEET = {
  meetings: [
    {
      round: 'regular',
      heldOn: '2026-01-10',
      entitled: 100,
      inPerson: 40,
      proxy: 0,
      other: 0,
      ballotsIssued: 40,
      ballotsReturned: 40,
      ballotsValid: 40,
      ballotsInvalid: 0,
      votes: [],
    },
  ],
};

/** A mutation probe: inside the scope the role decides; outside it the answer is ForbiddenError and nothing is written. */
function mutationProbe(
  field: string,
  action: Action,
  document: string,
  variables: (t: VillageTargets) => Record<string, unknown>,
): Probe {
  return async (api: TestApi, caller: Caller) => {
    const all = await targets(api);
    for (const key of VILLAGES) {
      const t = all[key]!;
      const inScope = isWithinAny(t.path, caller.scope);
      const before = await auditCount(api, t.path);
      const res = await api.gql<Record<string, { __typename: string }>>(document, variables(t), {
        token: caller.token,
      });
      expect(res.errors, `${caller.username} ${field} ${key}`).toBeUndefined();
      const typename = res.data?.[field]?.__typename;
      if (inScope && allows(caller.role, action)) {
        expect(typename, `${caller.username} may ${field} in ${key}`).not.toBe('ForbiddenError');
      } else {
        expect(refusalType(typename), `${caller.username} must not ${field} in ${key}`).toBe(
          'refused',
        );
        expect(await auditCount(api, t.path), `${caller.username} changed ${key}`).toBe(before);
      }
    }
  };
}

const U = '__typename ... on ElectionUnit { id }';

function queryProbe(
  field: string,
  document: string,
  variables: (t: VillageTargets, api: TestApi, key: string) => Record<string, unknown>,
): Probe {
  return async (api: TestApi, caller: Caller) => {
    const all = await targets(api);
    for (const key of VILLAGES) {
      const t = all[key]!;
      const res = await api.gql(document, variables(t, api, key), {
        token: caller.token,
      });
      if (isWithinAny(t.path, caller.scope)) {
        expect(res.errors, `${caller.username} reads ${field} of ${key}`).toBeUndefined();
      } else {
        expect(res.data, `${caller.username} must not read ${field} of ${key}`).toBeNull();
        expect(refusal(res)).toBe('refused');
      }
    }
  };
}

export const results: ProbeModule = {
  probes: {
    'Query.electionUnits': queryProbe(
      'electionUnits',
      'query($r: ID!) { electionUnits(regionId: $r) { id candidates { id } } }',
      (_t, api, key) => ({ r: api.regionGid(key) }),
    ),
    'Query.electionUnit': queryProbe(
      'electionUnit',
      'query($id: ID!) { electionUnit(id: $id) { id candidates { id } result { id } } }',
      (t) => ({ id: t.unit }),
    ),
    'Query.electionStatistics': queryProbe(
      'electionStatistics',
      'query($r: ID!) { electionStatistics(regionId: $r) { name villages children { name } } }',
      (_t, api, key) => ({ r: api.regionGid(key) }),
    ),
    'Query.statisticsPeople': queryProbe(
      'statisticsPeople',
      'query($r: ID!) { statisticsPeople(regionId: $r) { personId name post } }',
      (_t, api, key) => ({ r: api.regionGid(key) }),
    ),
    'Query.resultQueue': queryProbe(
      'resultQueue',
      'query($r: ID!) { resultQueue(regionId: $r, statuses: [submitted, approved]) { id } }',
      (_t, api, key) => ({ r: api.regionGid(key) }),
    ),
    'Mutation.setElectionSetup': mutationProbe(
      'setElectionSetup',
      'candidate.enter',
      `mutation($u: ID!) { setElectionSetup(unitId: $u, seats: [{ post: chair, seats: 1 }, { post: member, seats: 2 }]) { ${U} } }`,
      (t) => ({ u: t.unit }),
    ),
    'Mutation.saveCandidate': mutationProbe(
      'saveCandidate',
      'candidate.enter',
      `mutation($u: ID!, $c: ID!) { saveCandidate(input: { unitId: $u, candidateId: $c, post: member, nominationSource: joint_nomination, person: { name: "探针人", gender: male, politicalStatus: masses } }) { ${U} } }`,
      (t) => ({ u: t.unit, c: t.candidate }),
    ),
    'Mutation.setCandidateStage': mutationProbe(
      'setCandidateStage',
      'candidate.enter',
      `mutation($c: ID!) { setCandidateStage(candidateId: $c, stage: initial) { ${U} } }`,
      (t) => ({ c: t.candidate }),
    ),
    'Mutation.recordVetting': mutationProbe(
      'recordVetting',
      'candidate.enter',
      `mutation($c: ID!) { recordVetting(candidateId: $c, answers: [{ department: "纪委", result: pass }]) { ${U} } }`,
      (t) => ({ c: t.candidate }),
    ),
    'Mutation.recordPreliminaryVotes': mutationProbe(
      'recordPreliminaryVotes',
      'candidate.enter',
      `mutation($u: ID!, $c: ID!) { recordPreliminaryVotes(unitId: $u, votes: [{ candidateId: $c, votes: 10 }]) { ${U} } }`,
      (t) => ({ u: t.unit, c: t.candidate }),
    ),
    'Mutation.savePublicity': mutationProbe(
      'savePublicity',
      'candidate.enter',
      `mutation($u: ID!) { savePublicity(unitId: $u, kind: candidates, startsOn: "2026-01-01", endsOn: "2026-01-05") { ${U} } }`,
      (t) => ({ u: t.unit }),
    ),
    'Mutation.recordObjection': mutationProbe(
      'recordObjection',
      'candidate.enter',
      `mutation($p: ID!) { recordObjection(publicityId: $p, receivedOn: "2026-01-03", content: "探针") { ${U} } }`,
      (t) => ({ p: t.publicity }),
    ),
    'Mutation.decideObjection': mutationProbe(
      'decideObjection',
      'candidate.enter',
      `mutation($o: ID!) { decideObjection(objectionId: $o, decision: rejected, decidedOn: "2026-01-04") { ${U} } }`,
      (t) => ({ o: t.objection }),
    ),
    'Mutation.saveResultDraft': mutationProbe(
      'saveResultDraft',
      'result.enter',
      `mutation($u: ID!, $s: ResultSheetInput!) { saveResultDraft(unitId: $u, sheet: $s) { ${U} } }`,
      (t) => ({ u: t.unit, s: SHEET }),
    ),
    'Mutation.submitResult': mutationProbe(
      'submitResult',
      'result.enter',
      `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { submitResult(unitId: $u, sheet: $s, idempotencyKey: $k) { ${U} } }`,
      (t) => ({ u: t.unit, s: SHEET, k: `probe-${Math.random().toString(36).slice(2)}` }),
    ),
    'Mutation.reviewResult': mutationProbe(
      'reviewResult',
      'result.review',
      `mutation($u: ID!) { reviewResult(unitId: $u, decision: approve) { ${U} } }`,
      (t) => ({ u: t.unit }),
    ),
    'Mutation.amendResult': mutationProbe(
      'amendResult',
      'result.review',
      `mutation($u: ID!, $s: ResultSheetInput!, $k: String!) { amendResult(unitId: $u, sheet: $s, reason: "探针更正原因", idempotencyKey: $k) { ${U} } }`,
      (t) => ({ u: t.unit, s: SHEET, k: `probe-${Math.random().toString(36).slice(2)}` }),
    ),
  },
  anonymousCalls: (api) => ({
    'Query.electionUnits': `{ electionUnits(regionId: "${api.regionGid('t01v001')}") { id } }`,
    'Query.electionUnit': '{ electionUnit(id: "ElectionUnit:1") { id } }',
    'Query.electionStatistics': `{ electionStatistics(regionId: "${api.regionGid('c')}") { name } }`,
    'Query.statisticsPeople': `{ statisticsPeople(regionId: "${api.regionGid('t01v001')}") { name } }`,
    'Query.resultQueue': `{ resultQueue(regionId: "${api.regionGid('t01')}", statuses: [submitted]) { id } }`,
    'Mutation.setElectionSetup': `mutation { setElectionSetup(unitId: "ElectionUnit:1", seats: []) { ${U} } }`,
    'Mutation.saveCandidate': `mutation { saveCandidate(input: { unitId: "ElectionUnit:1", post: member, nominationSource: joint_nomination, person: { name: "某某", gender: male, politicalStatus: masses } }) { ${U} } }`,
    'Mutation.setCandidateStage': `mutation { setCandidateStage(candidateId: "Candidate:1", stage: initial) { ${U} } }`,
    'Mutation.recordVetting': `mutation { recordVetting(candidateId: "Candidate:1", answers: []) { ${U} } }`,
    'Mutation.recordPreliminaryVotes': `mutation { recordPreliminaryVotes(unitId: "ElectionUnit:1", votes: []) { ${U} } }`,
    'Mutation.savePublicity': `mutation { savePublicity(unitId: "ElectionUnit:1", kind: candidates, startsOn: "2026-01-01") { ${U} } }`,
    'Mutation.recordObjection': `mutation { recordObjection(publicityId: "Publicity:1", receivedOn: "2026-01-01", content: "x") { ${U} } }`,
    'Mutation.decideObjection': `mutation { decideObjection(objectionId: "Objection:1", decision: rejected, decidedOn: "2026-01-01") { ${U} } }`,
    'Mutation.saveResultDraft': `mutation { saveResultDraft(unitId: "ElectionUnit:1", sheet: { meetings: [] }) { ${U} } }`,
    'Mutation.submitResult': `mutation { submitResult(unitId: "ElectionUnit:1", sheet: { meetings: [] }, idempotencyKey: "anonymous-1") { ${U} } }`,
    'Mutation.reviewResult': `mutation { reviewResult(unitId: "ElectionUnit:1", decision: approve) { ${U} } }`,
    'Mutation.amendResult': `mutation { amendResult(unitId: "ElectionUnit:1", sheet: { meetings: [] }, reason: "x", idempotencyKey: "anonymous-1") { ${U} } }`,
  }),
};
