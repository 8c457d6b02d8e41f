import {
  BODY_LABEL,
  CANDIDATE_STAGES,
  CANDIDATE_STAGE_LABEL,
  EDUCATION_LABEL,
  EDUCATION_LEVELS,
  ELECTED_TRACKS,
  ELECTION_RULE_DEFAULTS,
  NOMINATION_SOURCES,
  NOMINATION_SOURCE_LABEL,
  OBJECTION_DECISIONS,
  PERSON_GENDERS,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABEL,
  POSTS,
  POST_LABEL,
  PUBLICITY_KINDS,
  VETTING_RESULTS,
  VETTING_STATUS_LABEL,
  ageRangeOn,
  formatBirthDate,
  postsOf,
  resolveElectionRules,
  vettingStatus,
} from '@huanjie/domain';
import { sortByStrokes } from '@huanjie/domain/stroke-order';
import type { Context } from '../../context.js';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS, RuleFinding } from '../../graphql/error-types.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import type { ObjectionRow, PersonRowView, PublicityRow, VettingRow } from './candidates.repo.js';
import type { CandidateBundle, UnitSource } from './candidates.service.js';
import * as service from './candidates.service.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';

export const ElectedTrackEnum = builder.enumType('ElectedTrack', { values: ELECTED_TRACKS });
export const PostEnum = builder.enumType('Post', { values: POSTS });
export const CandidateStageEnum = builder.enumType('CandidateStage', { values: CANDIDATE_STAGES });
export const NominationSourceEnum = builder.enumType('NominationSource', {
  values: NOMINATION_SOURCES,
});
export const VettingResultEnum = builder.enumType('VettingResult', { values: VETTING_RESULTS });
export const VettingStatusEnum = builder.enumType('VettingStatus', {
  values: ['passed', 'failed', 'pending'] as const,
});
export const ObjectionDecisionEnum = builder.enumType('ObjectionDecision', {
  values: OBJECTION_DECISIONS,
});
export const PublicityKindEnum = builder.enumType('PublicityKind', { values: PUBLICITY_KINDS });
export const PersonGenderEnum = builder.enumType('PersonGender', { values: PERSON_GENDERS });
export const EducationEnum = builder.enumType('Education', { values: EDUCATION_LEVELS });
export const PoliticalStatusEnum = builder.enumType('PoliticalStatus', {
  values: POLITICAL_STATUSES,
});

export const PersonRef = builder.objectRef<PersonRowView & { asOf?: string }>('Person').implement({
  description: 'A person reused across bodies and terms',
  fields: (t) => ({
    id: t.id({ resolve: (p) => globalId('Person', p.id) }),
    name: t.exposeString('name'),
    gender: t.field({ type: PersonGenderEnum, resolve: (p) => p.gender }),
    birthDate: t.string({
      nullable: true,
      description: 'YYYY-MM-DD, or YYYY-MM when only the birth month is known',
      resolve: (p) => (p.birthDate ? formatBirthDate(p.birthDate, p.birthPrecision) : null),
    }),
    age: t.int({
      nullable: true,
      description:
        'Age on the election day; null when unknown, or when it depends on the unknown day of a birth month',
      resolve: (p) => {
        if (!p.birthDate || !p.asOf) return null;
        const { youngest, oldest } = ageRangeOn(p.birthDate, p.birthPrecision, p.asOf);
        return youngest === oldest ? youngest : null;
      },
    }),
    ethnicity: t.exposeString('ethnicity'),
    education: t.field({ type: EducationEnum, nullable: true, resolve: (p) => p.education }),
    educationLabel: t.string({
      nullable: true,
      resolve: (p) => (p.education ? EDUCATION_LABEL[p.education] : null),
    }),
    politicalStatus: t.field({ type: PoliticalStatusEnum, resolve: (p) => p.politicalStatus }),
    politicalStatusLabel: t.string({ resolve: (p) => POLITICAL_STATUS_LABEL[p.politicalStatus] }),
    tags: t.stringList({ resolve: (p) => p.tags }),
  }),
});

async function candidateVetting(ctx: Context, c: CandidateBundle) {
  return vettingStatus(c.vettingDepartments, await service.vettingAnswersOf(ctx, c.id));
}

const VettingAnswerRef = builder.objectRef<VettingRow>('VettingAnswer').implement({
  fields: (t) => ({
    department: t.exposeString('department'),
    result: t.field({ type: VettingResultEnum, resolve: (a) => a.result }),
    note: t.exposeString('note', { nullable: true }),
    enteredByName: t.exposeString('enteredByName'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const CandidateRef = builder
  .objectRef<CandidateBundle & { asOf: string }>('Candidate')
  .implement({
    fields: (t) => ({
      id: t.id({ resolve: (c) => globalId('Candidate', c.id) }),
      post: t.field({ type: PostEnum, resolve: (c) => c.post }),
      postLabel: t.string({ resolve: (c) => POST_LABEL[c.post].zh }),
      stage: t.field({ type: CandidateStageEnum, resolve: (c) => c.stage }),
      stageLabel: t.string({ resolve: (c) => CANDIDATE_STAGE_LABEL[c.stage] }),
      nominationSource: t.field({ type: NominationSourceEnum, resolve: (c) => c.nominationSource }),
      nominationSourceLabel: t.string({
        resolve: (c) => NOMINATION_SOURCE_LABEL[c.nominationSource],
      }),
      partyVotes: t.exposeInt('partyVotes', { nullable: true }),
      massVotes: t.exposeInt('massVotes', { nullable: true }),
      jointNominators: t.exposeInt('jointNominators', { nullable: true }),
      preliminaryVotes: t.exposeInt('preliminaryVotes', {
        nullable: true,
        description: '预选 votes (V, C), when a preliminary vote among the nominees was held',
      }),
      note: t.exposeString('note', { nullable: true }),
      person: t.field({ type: PersonRef, resolve: (c) => ({ ...c.person, asOf: c.asOf }) }),
      vetting: t.field({
        type: [VettingAnswerRef],
        resolve: (c, _a, ctx) => service.vettingAnswersOf(ctx, c.id),
      }),
      vettingStatus: t.field({
        type: VettingStatusEnum,
        resolve: async (c, _a, ctx) => (await candidateVetting(ctx, c)).status,
      }),
      vettingStatusLabel: t.string({
        resolve: async (c, _a, ctx) =>
          VETTING_STATUS_LABEL[(await candidateVetting(ctx, c)).status],
      }),
      vettingMissing: t.stringList({
        resolve: async (c, _a, ctx) => (await candidateVetting(ctx, c)).missing,
      }),
      objectionsPending: t.exposeInt('objectionsPending'),
      objectionsUpheld: t.exposeInt('objectionsUpheld'),
    }),
  });

const ObjectionRef = builder.objectRef<ObjectionRow>('PublicityObjection').implement({
  fields: (t) => ({
    id: t.id({ resolve: (o) => globalId('Objection', o.id) }),
    candidateId: t.id({
      nullable: true,
      resolve: (o) => (o.candidateId === null ? null : globalId('Candidate', o.candidateId)),
    }),
    receivedOn: t.exposeString('receivedOn'),
    content: t.exposeString('content'),
    decision: t.field({ type: ObjectionDecisionEnum, resolve: (o) => o.decision }),
    decidedOn: t.exposeString('decidedOn', { nullable: true }),
    decisionNote: t.exposeString('decisionNote', { nullable: true }),
  }),
});

const PublicityRef = builder.objectRef<PublicityRow>('Publicity').implement({
  description: '公示 of candidates, or the publication of the formal list',
  fields: (t) => ({
    id: t.id({ resolve: (p) => globalId('Publicity', p.id) }),
    kind: t.field({ type: PublicityKindEnum, resolve: (p) => p.kind }),
    startsOn: t.exposeString('startsOn'),
    endsOn: t.exposeString('endsOn', { nullable: true }),
    objections: t.field({ type: [ObjectionRef], resolve: (p) => p.objections }),
  }),
});

const PostSeatsRef = builder
  .objectRef<{ post: (typeof POSTS)[number]; seats: number; candidates: number }>('PostSeats')
  .implement({
    fields: (t) => ({
      post: t.field({ type: PostEnum, resolve: (s) => s.post }),
      postLabel: t.string({ resolve: (s) => POST_LABEL[s.post].zh }),
      seats: t.exposeInt('seats'),
      formalCandidates: t.exposeInt('candidates'),
    }),
  });

const RuleValueRef = builder
  .objectRef<{ code: string; value: number | boolean | string; citation: string }>(
    'ElectionRuleValue',
  )
  .implement({
    description:
      'A rule in force for this election (the campaign rule set, or the national default)',
    fields: (t) => ({
      code: t.exposeString('code'),
      valueJson: t.string({
        description: 'The value as JSON: a number, boolean or string',
        resolve: (r) => JSON.stringify(r.value),
      }),
      citation: t.exposeString('citation'),
    }),
  });

export const ElectionUnitRef = builder.objectRef<UnitSource>('ElectionUnit').implement({
  description:
    'The election of one body (党组织 P, 村委会 V, 居委会 C) in one village within a campaign',
  fields: (t) => ({
    id: t.id({ resolve: (b) => globalId('ElectionUnit', b.unit.id) }),
    track: t.field({ type: ElectedTrackEnum, resolve: (b) => b.unit.track }),
    bodyLabel: t.string({ resolve: (b) => BODY_LABEL[b.unit.track] }),
    campaignName: t.string({ resolve: (b) => b.unit.campaignName }),
    termNumber: t.int({ nullable: true, resolve: (b) => b.unit.termNumber }),
    electionDay: t.string({ resolve: (b) => b.unit.electionDay }),
    today: t.string({
      description: 'The server’s calendar day (China)',
      resolve: (_b, _args, ctx) => ctx.clock.today(),
    }),
    region: t.field({
      type: RegionCrumb,
      resolve: (b) => ({ id: b.unit.regionId, name: b.unit.regionName, level: 'village' as const }),
    }),
    seats: t.field({
      type: [PostSeatsRef],
      resolve: async (s, _a, ctx) => {
        const b = await service.bundleOf(ctx, s);
        return postsOf(b.unit.track).map((post) => ({
          post,
          seats: b.seats[post] ?? 0,
          candidates: b.candidates.filter((c) => c.post === post && c.stage === 'formal').length,
        }));
      },
    }),
    registeredVoters: t.int({
      nullable: true,
      description:
        'Who may vote as the village registered them: the registration stage’s 本届登记选民数 (V, C) or the 两推 stage’s 党员总数 (P); what 应到 is compared with',
      resolve: (b, _args, ctx) => service.registeredVoters(ctx, b),
    }),
    partyRoundParticipants: t.int({
      nullable: true,
      resolve: async (s, _a, ctx) => (await service.bundleOf(ctx, s)).partyRoundParticipants,
    }),
    massRoundParticipants: t.int({
      nullable: true,
      resolve: async (s, _a, ctx) => (await service.bundleOf(ctx, s)).massRoundParticipants,
    }),
    candidates: t.field({
      type: [CandidateRef],
      resolve: async (s, _a, ctx) =>
        (await service.bundleOf(ctx, s)).candidates.map((c) => ({
          ...c,
          asOf: s.unit.electionDay,
        })),
    }),
    formalListInStrokeOrder: t.field({
      type: [CandidateRef],
      description:
        'Formal candidates per post (in the order of the posts), names in 姓氏笔画 order',
      resolve: async (s, _a, ctx) => {
        const b = await service.bundleOf(ctx, s);
        return postsOf(b.unit.track).flatMap((post) =>
          sortByStrokes(
            b.candidates.filter((c) => c.post === post && c.stage === 'formal'),
            (c) => c.person.name,
          ).map((c) => ({ ...c, asOf: b.unit.electionDay })),
        );
      },
    }),
    publicity: t.field({
      type: [PublicityRef],
      resolve: async (s, _a, ctx) => (await service.bundleOf(ctx, s)).publicity,
    }),
    candidateFindings: t.field({
      type: [RuleFinding],
      resolve: async (s, _a, ctx) => service.candidateFindings(await service.bundleOf(ctx, s)),
    }),
    vettingDepartments: t.stringList({
      resolve: (b) => resolveElectionRules(b.unit.ruleValues).vettingDepartments.value,
    }),
    knownPersons: t.field({
      type: [PersonRef],
      description:
        'People of this village already on record (last term’s members, other candidates) to pick from',
      resolve: async (b, _a, ctx) =>
        (await service.knownPersons(ctx, b)).map((p) => ({ ...p, asOf: b.unit.electionDay })),
    }),
    rules: t.field({
      type: [RuleValueRef],
      description: 'The election rules in force, so a client runs the same checks as the server',
      resolve: (b) =>
        Object.keys(ELECTION_RULE_DEFAULTS).map((code) => {
          const own = b.unit.ruleValues[code];
          const fallback = ELECTION_RULE_DEFAULTS[code as keyof typeof ELECTION_RULE_DEFAULTS];
          return { code, ...(own ?? fallback) };
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  electionUnits: t.field({
    type: [ElectionUnitRef],
    description: 'Elections (P, V, C) of the current campaign in a region’s subtree, by village',
    args: { regionId: t.arg.globalID({ required: true }) },
    resolve: (_root, args, ctx) =>
      service.electionUnits(ctx, idOf(args.regionId, 'Region', 'regionId')),
  }),
  electionUnit: t.field({
    type: ElectionUnitRef,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => service.electionUnit(ctx, idOf(args.id, 'ElectionUnit', 'id')),
  }),
}));

const PostSeatsInput = builder.inputType('PostSeatsInput', {
  fields: (t) => ({
    post: t.field({ type: PostEnum, required: true }),
    seats: t.int({ required: true }),
  }),
});

const PersonInput = builder.inputType('PersonInput', {
  fields: (t) => ({
    personId: t.id({ description: 'An existing person of this village, to reuse their record' }),
    name: t.string({ required: true }),
    gender: t.field({ type: PersonGenderEnum, required: true }),
    birthDate: t.string(),
    ethnicity: t.string({ defaultValue: '汉族' }),
    education: t.field({ type: EducationEnum }),
    politicalStatus: t.field({ type: PoliticalStatusEnum, required: true }),
    tags: t.stringList({ defaultValue: [] }),
  }),
});

const CandidateInput = builder.inputType('CandidateInput', {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    candidateId: t.id({ description: 'Omit to add a candidate' }),
    post: t.field({ type: PostEnum, required: true }),
    nominationSource: t.field({ type: NominationSourceEnum, required: true }),
    partyVotes: t.int(),
    massVotes: t.int(),
    jointNominators: t.int(),
    note: t.string(),
    person: t.field({ type: PersonInput, required: true }),
  }),
});

const VettingInput = builder.inputType('VettingAnswerInput', {
  fields: (t) => ({
    department: t.string({ required: true }),
    result: t.field({ type: VettingResultEnum, required: true }),
    note: t.string(),
  }),
});

const PreliminaryVoteInput = builder.inputType('PreliminaryVoteInput', {
  fields: (t) => ({
    candidateId: t.id({ required: true }),
    votes: t.int({ description: 'Omit or null to clear a count typed by mistake' }),
  }),
});

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    setElectionSetup: m.field({
      type: ElectionUnitRef,
      description: '职数 per post, and the participants of the 两推 rounds (P)',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        seats: t.arg({ type: [PostSeatsInput], required: true }),
        partyRoundParticipants: t.arg.int(),
        massRoundParticipants: t.arg.int(),
      },
      resolve: (_root, args, ctx) =>
        service.setSetup(ctx, {
          unitId: idOf(args.unitId, 'ElectionUnit', ['unitId']),
          seats: args.seats.map((s) => ({ post: s.post, seats: s.seats })),
          partyRoundParticipants: args.partyRoundParticipants ?? null,
          massRoundParticipants: args.massRoundParticipants ?? null,
        }),
    }),
    saveCandidate: m.field({
      type: ElectionUnitRef,
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: { input: t.arg({ type: CandidateInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.saveCandidate(ctx, {
          unitId: idOf(input.unitId, 'ElectionUnit', ['input', 'unitId']),
          candidateId: optionalIdOf(input.candidateId, 'Candidate', ['input', 'candidateId']),
          post: input.post,
          nominationSource: input.nominationSource,
          partyVotes: input.partyVotes ?? null,
          massVotes: input.massVotes ?? null,
          jointNominators: input.jointNominators ?? null,
          note: input.note ?? null,
          person: {
            personId: optionalIdOf(input.person.personId, 'Person', [
              'input',
              'person',
              'personId',
            ]),
            name: input.person.name,
            gender: input.person.gender,
            birthDate: input.person.birthDate ?? null,
            ethnicity: input.person.ethnicity ?? '汉族',
            education: input.person.education ?? null,
            politicalStatus: input.person.politicalStatus,
            tags: input.person.tags ?? [],
          },
        }),
    }),
    setCandidateStage: m.field({
      type: ElectionUnitRef,
      description:
        'Moves a candidate initial → preliminary → formal, or withdraws them; formal needs vetting passed and the 公示 over',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        candidateId: t.arg.id({ required: true }),
        stage: t.arg({ type: CandidateStageEnum, required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.setStage(ctx, idOf(args.candidateId, 'Candidate', ['candidateId']), args.stage),
    }),
    recordPreliminaryVotes: m.field({
      type: ElectionUnitRef,
      description:
        '预选 (V, C): the nominees’ votes in the preliminary vote; the formal list of each post is then checked to be its top',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        votes: t.arg({ type: [PreliminaryVoteInput], required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.recordPreliminaryVotes(
          ctx,
          idOf(args.unitId, 'ElectionUnit', ['unitId']),
          args.votes.map((v, i) => ({
            candidateId: idOf(v.candidateId, 'Candidate', ['votes', String(i), 'candidateId']),
            votes: v.votes ?? null,
          })),
        ),
    }),
    recordVetting: m.field({
      type: ElectionUnitRef,
      description: '资格联审: departments’ answers on one candidate',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        candidateId: t.arg.id({ required: true }),
        answers: t.arg({ type: [VettingInput], required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.recordVetting(
          ctx,
          idOf(args.candidateId, 'Candidate', ['candidateId']),
          args.answers.map((a) => ({
            department: a.department,
            result: a.result,
            note: a.note ?? null,
          })),
        ),
    }),
    savePublicity: m.field({
      type: ElectionUnitRef,
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        kind: t.arg({ type: PublicityKindEnum, required: true }),
        startsOn: t.arg.string({ required: true }),
        endsOn: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        service.savePublicity(ctx, {
          unitId: idOf(args.unitId, 'ElectionUnit', ['unitId']),
          kind: args.kind,
          startsOn: args.startsOn,
          endsOn: args.endsOn ?? null,
        }),
    }),
    recordObjection: m.field({
      type: ElectionUnitRef,
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        publicityId: t.arg.id({ required: true }),
        candidateId: t.arg.id(),
        receivedOn: t.arg.string({ required: true }),
        content: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.recordObjection(ctx, {
          publicityId: idOf(args.publicityId, 'Publicity', ['publicityId']),
          candidateId: optionalIdOf(args.candidateId, 'Candidate', ['candidateId']),
          receivedOn: args.receivedOn,
          content: args.content,
        }),
    }),
    decideObjection: m.field({
      type: ElectionUnitRef,
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        objectionId: t.arg.id({ required: true }),
        decision: t.arg({ type: ObjectionDecisionEnum, required: true }),
        decidedOn: t.arg.string({ required: true }),
        note: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        service.decideObjection(ctx, {
          objectionId: idOf(args.objectionId, 'Objection', ['objectionId']),
          decision: args.decision,
          decidedOn: args.decidedOn,
          note: args.note ?? null,
        }),
    }),
  };
});
