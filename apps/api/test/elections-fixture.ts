import { campaigns, ruleSets, stageRecords, unitElections } from '@huanjie/db';
import type { RuleEntry } from '@huanjie/domain';
import { addDays } from '@huanjie/domain';
import { todayInChina } from './campaign-helpers.js';
import type { TestApi } from './harness.js';

export interface ElectionFixture {
  campaignId: number;
  /** Unit election global ids by "<village key>/<track>", e.g. "t01v005/V". */
  units: Map<string, string>;
  electionDay: string;
  today: string;
}

/**
 * The fixture's communities stand in for villages ("<key>/V") with committees of 3; the national
 * 5–9 of a 居民委员会 (城市居民委员会组织法 第七条) is tested on its own in candidates.test.ts.
 */
const SMALL_COMMUNITY_COMMITTEES: Record<string, RuleEntry> = {
  'c.committee_min': { value: 3, citation: '测试用：按村民委员会职数（三至七人）' },
  'c.committee_max': { value: 7, citation: '测试用：按村民委员会职数（三至七人）' },
};

/**
 * A running campaign with P and V/C unit elections in the given villages, written straight to the
 * database: the campaign module's own API is not what these tests are about.
 */
export async function createElectionFixture(
  api: TestApi,
  villageKeys: string[],
  options: {
    ruleValues?: Record<string, RuleEntry>;
    electionDay?: string;
    /** The villages' term-end audit approved by the township (the gate of every election step). */
    auditApproved?: boolean;
  } = {},
): Promise<ElectionFixture> {
  const db = api.database.db;
  const today = todayInChina();
  const electionDay = options.electionDay ?? addDays(today, -1);
  const [ruleSet] = await db
    .insert(ruleSets)
    .values({
      countyId: api.demo.countyId,
      name: '测试规则',
      values: { ...SMALL_COMMUNITY_COMMITTEES, ...options.ruleValues },
    })
    .returning({ id: ruleSets.id });
  const [campaign] = await db
    .insert(campaigns)
    .values({
      countyId: api.demo.countyId,
      name: '2026年村(社区)两委换届',
      tracks: ['P', 'V', 'C'],
      termNumbers: { P: 12, V: 12, C: 12 },
      electionDayPlan: 'county',
      electionDay,
      ordering: 'parallel',
      ruleSetId: ruleSet!.id,
      status: 'running',
      createdBy: api.demo.userIds.get('county.admin')!,
    })
    .returning({ id: campaigns.id });
  const units = new Map<string, string>();
  for (const key of villageKeys) {
    const plan = api.demoPlan.regions.find((r) => r.key === key)!;
    for (const track of ['P', plan.level === 'community' ? 'C' : 'V'] as const) {
      const [unit] = await db
        .insert(unitElections)
        .values({
          campaignId: campaign!.id,
          regionId: api.demo.regionIds.get(key)!,
          regionPath: api.demo.regionPaths.get(key)!,
          track,
        })
        .returning({ id: unitElections.id });
      units.set(`${key}/${track === 'C' ? 'V' : track}`, `ElectionUnit:${unit!.id}`);
      if (track !== 'P' && options.auditApproved !== false) {
        const clerk = api.demo.userIds.get('county.admin')!;
        await db.insert(stageRecords).values({
          unitElectionId: unit!.id,
          stageCode: 'audit',
          status: 'approved',
          doneDate: addDays(today, -30),
          enteredBy: clerk,
          enteredRole: 'county_admin',
          submittedBy: clerk,
          submittedAt: new Date(),
          reviewedBy: clerk,
          reviewedAt: new Date(),
        });
      }
    }
  }
  return { campaignId: campaign!.id, units, electionDay, today };
}

export const UNIT_FIELDS = `
  id track electionDay
  seats { post seats formalCandidates }
  candidates { id post stage vettingStatus vettingMissing objectionsPending objectionsUpheld preliminaryVotes person { id name gender } }
  candidateFindings { severity rule message path }
  publicity { id kind startsOn endsOn objections { id decision } }
  result {
    id status revision returnReason oneTimeSuccess
    draft { round entitled votes { candidateId votesFor } }
    draftFindings { severity rule message path }
    meetings { round heldOn entitled voted ballotsReturned votes { candidateId candidateName votesFor elected } }
    elected { candidateId post round votes person { name } }
    vacancies { post count }
    warnings { rule message }
    revisions { revision kind reason createdByName electedNames }
  }
`;

export const MUTATION_RESULT = (field: string) => `
  __typename
  ... on Error { code message }
  ... on RuleViolationError { findings { severity rule message path citation } }
  ... on ValidationError { issues { path message } }
  ... on ${field} { ${UNIT_FIELDS} }
`;

export interface CandidateSpec {
  name: string;
  post: string;
  gender?: 'female' | 'male';
  birthDate?: string;
  politicalStatus?: string;
}

type Gql = TestApi['gql'];

/**
 * Seats, candidates, vetting (all pass), 公示 and the formal list, through the API as a clerk would;
 * `until: 'preliminary'` stops with every nominee a 预备人选 (before a 预选), no formal list yet.
 */
export async function prepareElection(
  gql: Gql,
  token: string,
  unitId: string,
  fixture: ElectionFixture,
  seats: Record<string, number>,
  specs: CandidateSpec[],
  options: { until?: 'preliminary' | 'formal' } = {},
): Promise<Map<string, string>> {
  const stages = options.until === 'preliminary' ? ['preliminary'] : ['preliminary', 'formal'];
  const party = unitId && specs.some((s) => s.post === 'secretary');
  const must = async (query: string, variables: Record<string, unknown>, field: string) => {
    const res = await gql<
      Record<
        string,
        {
          __typename: string;
          message?: string;
          candidates?: { id: string; person: { name: string } }[];
        }
      >
    >(query, variables, { token });
    const value = res.data?.[field];
    if (value?.__typename !== 'ElectionUnit')
      throw new Error(`${field} failed: ${JSON.stringify(res.data ?? res.errors)}`);
    return value;
  };
  await must(
    `mutation($u: ID!, $s: [PostSeatsInput!]!) { setElectionSetup(unitId: $u, seats: $s, partyRoundParticipants: 300, massRoundParticipants: 200) { ${MUTATION_RESULT('ElectionUnit')} } }`,
    { u: unitId, s: Object.entries(seats).map(([post, n]) => ({ post, seats: n })) },
    'setElectionSetup',
  );
  let unit;
  for (const s of specs) {
    unit = await must(
      `mutation($i: CandidateInput!) { saveCandidate(input: $i) { ${MUTATION_RESULT('ElectionUnit')} } }`,
      {
        i: {
          unitId,
          post: s.post,
          nominationSource: party ? 'party_recommendation' : 'joint_nomination',
          ...(party ? { partyVotes: 150, massVotes: 120 } : { jointNominators: 12 }),
          person: {
            name: s.name,
            gender: s.gender ?? 'male',
            birthDate: s.birthDate ?? '1980-05-01',
            politicalStatus: s.politicalStatus ?? 'party_member',
            education: 'high_school',
          },
        },
      },
      'saveCandidate',
    );
  }
  const ids = new Map((unit?.candidates ?? []).map((c) => [c.person.name, c.id]));
  const departments = ['纪委', '组织部', '公安', '法院', '检察院', '民政', '信访'];
  for (const id of ids.values()) {
    await must(
      `mutation($c: ID!, $a: [VettingAnswerInput!]!) { recordVetting(candidateId: $c, answers: $a) { ${MUTATION_RESULT('ElectionUnit')} } }`,
      { c: id, a: departments.map((d) => ({ department: d, result: 'pass' })) },
      'recordVetting',
    );
  }
  await must(
    `mutation($u: ID!, $s: String!, $e: String) { savePublicity(unitId: $u, kind: candidates, startsOn: $s, endsOn: $e) { ${MUTATION_RESULT('ElectionUnit')} } }`,
    { u: unitId, s: addDays(fixture.electionDay, -14), e: addDays(fixture.electionDay, -10) },
    'savePublicity',
  );
  for (const stage of stages) {
    for (const id of ids.values()) {
      await must(
        `mutation($c: ID!, $s: CandidateStage!) { setCandidateStage(candidateId: $c, stage: $s) { ${MUTATION_RESULT('ElectionUnit')} } }`,
        { c: id, s: stage },
        'setCandidateStage',
      );
    }
  }
  if (options.until === 'preliminary') return ids;
  await must(
    `mutation($u: ID!, $s: String!) { savePublicity(unitId: $u, kind: formal_list, startsOn: $s) { ${MUTATION_RESULT('ElectionUnit')} } }`,
    { u: unitId, s: addDays(fixture.electionDay, -7) },
    'savePublicity',
  );
  return ids;
}
