import { RESULT_STATUSES } from '@huanjie/db';
import type { Post, ResultSheet, Round, WriteInVote } from '@huanjie/domain';
import { POST_LABEL, ROUNDS, ROUND_LABEL, votedOf } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS, RuleFinding } from '../../graphql/error-types.js';
import { globalId, idOf } from '../../shared/ids.js';
import {
  ElectionUnitRef,
  PersonGenderEnum,
  PersonRef,
  PoliticalStatusEnum,
  PostEnum,
} from '../candidates/candidates.graphql.js';
import type { PersonRowView } from '../../shared/person.js';
import type { UnitBundle, UnitSource } from '../candidates/candidates.service.js';
import { bundleOf } from '../candidates/candidates.service.js';
import type {
  MeetingView,
  ResultRow,
  RevisionView,
  StoredWriteIn,
  VoteView,
  WriteInView,
} from './results.repo.js';
import * as service from './results.service.js';

export const ResultStatusEnum = builder.enumType('ElectionResultStatus', {
  values: RESULT_STATUSES,
});
export const RoundEnum = builder.enumType('ElectionRound', { values: ROUNDS });
const ReviewDecisionEnum = builder.enumType('ResultReviewDecision', {
  values: ['approve', 'return'] as const,
});

const STATUS_LABEL: Record<(typeof RESULT_STATUSES)[number], string> = {
  draft: '草稿',
  submitted: '已上报待审核',
  returned: '已退回',
  approved: '审核通过(已锁定)',
};

interface VoteContext extends VoteView {
  bundle: UnitBundle;
}

const MeetingVoteRef = builder.objectRef<VoteContext>('MeetingVote').implement({
  fields: (t) => ({
    candidateId: t.id({ resolve: (v) => globalId('Candidate', v.candidateId) }),
    candidateName: t.string({
      resolve: (v) => v.bundle.candidates.find((c) => c.id === v.candidateId)?.person.name ?? '',
    }),
    post: t.field({ type: PostEnum, resolve: (v) => v.post }),
    postLabel: t.string({ resolve: (v) => POST_LABEL[v.post].zh }),
    votesFor: t.exposeInt('votesFor'),
    against: t.exposeInt('against', { nullable: true }),
    abstain: t.exposeInt('abstain', { nullable: true }),
    elected: t.exposeBoolean('elected', {
      nullable: true,
      description: 'Decided by the rule set on submission; null in a draft',
    }),
  }),
});

const WriteInVoteRef = builder.objectRef<WriteInView>('WriteInVote').implement({
  description: '另选他人: votes for a person voters wrote in instead of a candidate (V, C)',
  fields: (t) => ({
    name: t.exposeString('name'),
    gender: t.field({ type: PersonGenderEnum, resolve: (w) => w.gender }),
    birthDate: t.exposeString('birthDate', { nullable: true }),
    post: t.field({ type: PostEnum, resolve: (w) => w.post }),
    postLabel: t.string({ resolve: (w) => POST_LABEL[w.post].zh }),
    votesFor: t.exposeInt('votesFor'),
    elected: t.exposeBoolean('elected', {
      nullable: true,
      description: 'Decided by the rule set on submission; null in a draft',
    }),
  }),
});

type MeetingContext = Omit<MeetingView, 'id' | 'votes'> & { votes: VoteView[]; bundle: UnitBundle };

const ResultMeetingRef = builder.objectRef<MeetingContext>('ResultMeeting').implement({
  fields: (t) => ({
    round: t.field({ type: RoundEnum, resolve: (m) => m.round }),
    roundLabel: t.string({ resolve: (m) => ROUND_LABEL[m.round] }),
    heldOn: t.exposeString('heldOn'),
    entitled: t.exposeInt('entitled'),
    inPerson: t.exposeInt('inPerson'),
    proxy: t.exposeInt('proxy'),
    other: t.exposeInt('other'),
    voted: t.exposeInt('voted', { description: 'in person + proxy + other, computed' }),
    ballotsIssued: t.exposeInt('ballotsIssued'),
    ballotsReturned: t.exposeInt('ballotsReturned'),
    ballotsValid: t.exposeInt('ballotsValid'),
    ballotsInvalid: t.exposeInt('ballotsInvalid'),
    votes: t.field({
      type: [MeetingVoteRef],
      resolve: (m) => m.votes.map((v) => ({ ...v, bundle: m.bundle })),
    }),
    writeIns: t.field({ type: [WriteInVoteRef], resolve: (m) => m.writeIns }),
  }),
});

function sheetMeetings(sheet: ResultSheet, bundle: UnitBundle): MeetingContext[] {
  const postOf = new Map(bundle.candidates.map((c) => [c.id, c.post]));
  return sheet.meetings.map((m, seq) => ({
    ...m,
    seq,
    voted: votedOf(m),
    bundle,
    votes: m.votes.map((v) => ({
      candidateId: v.candidateId,
      post: postOf.get(v.candidateId) ?? 'member',
      votesFor: v.votesFor,
      against: v.against ?? null,
      abstain: v.abstain ?? null,
      elected: null,
    })),
    writeIns: (m.writeIns ?? []).map((w) => ({
      name: w.name,
      gender: w.gender,
      birthDate: w.birthDate ?? null,
      post: w.post,
      votesFor: w.votesFor,
      elected: null,
    })),
  }));
}

interface ElectedContext {
  /** Null for a written-in person (另选他人). */
  candidateId: number | null;
  post: Post;
  round: Round;
  votes: number;
  /** The written-in person's record. */
  writeInPerson: PersonRowView | null;
  bundle: UnitBundle;
}

const ElectedMemberRef = builder.objectRef<ElectedContext>('ElectedMember').implement({
  fields: (t) => ({
    candidateId: t.id({
      nullable: true,
      description: 'Null for a person written in (另选他人)',
      resolve: (e) => (e.candidateId === null ? null : globalId('Candidate', e.candidateId)),
    }),
    writeIn: t.boolean({
      description: '另选他人: elected as written in by the voters, not as a candidate',
      resolve: (e) => e.candidateId === null,
    }),
    post: t.field({ type: PostEnum, resolve: (e) => e.post }),
    postLabel: t.string({ resolve: (e) => POST_LABEL[e.post].zh }),
    round: t.field({ type: RoundEnum, resolve: (e) => e.round }),
    votes: t.exposeInt('votes'),
    person: t.field({
      type: PersonRef,
      resolve: (e) => {
        const asOf = e.bundle.unit.electionDay;
        if (e.writeInPerson) return { ...e.writeInPerson, asOf };
        const c = e.bundle.candidates.find((x) => x.id === e.candidateId);
        if (!c) throw new Error('elected candidate missing');
        return { ...c.person, asOf };
      },
    }),
  }),
});

const VacancyRef = builder.objectRef<{ post: Post; count: number }>('Vacancy').implement({
  fields: (t) => ({
    post: t.field({ type: PostEnum, resolve: (v) => v.post }),
    postLabel: t.string({ resolve: (v) => POST_LABEL[v.post].zh }),
    count: t.exposeInt('count'),
  }),
});

const RevisionKindEnum = builder.enumType('ResultRevisionKind', {
  values: ['submit', 'resubmit', 'amend'] as const,
});

const ResultRevisionRef = builder
  .objectRef<RevisionView & { bundle: UnitBundle }>('ResultRevision')
  .implement({
    description: 'An accepted version of a result; never changed',
    fields: (t) => ({
      revision: t.exposeInt('revision'),
      kind: t.field({ type: RevisionKindEnum, resolve: (r) => r.kind }),
      reason: t.exposeString('reason', { nullable: true }),
      explanation: t.exposeString('explanation', {
        nullable: true,
        description: '情况说明 of the warnings the sheet carried when it was submitted',
      }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      createdByName: t.exposeString('createdByName'),
      meetings: t.field({
        type: [ResultMeetingRef],
        resolve: (r) => sheetMeetings(r.sheet, r.bundle),
      }),
      electedNames: t.stringList({
        resolve: (r) => [
          ...r.outcome.elected.map(
            (e) =>
              `${POST_LABEL[e.post].zh} ${r.bundle.candidates.find((c) => c.id === e.candidateId)?.person.name ?? ''}`,
          ),
          ...(r.outcome.electedWriteIns ?? []).map(
            (e) => `${POST_LABEL[e.post].zh} ${e.writeIn.name}(另选他人)`,
          ),
        ],
      }),
    }),
  });

interface ResultContext {
  row: ResultRow;
  /** The election's bundle is loaded (bundleOf) only by the fields that name candidates. */
  unit: UnitSource;
}

const ElectionResultRef = builder.objectRef<ResultContext>('ElectionResult').implement({
  fields: (t) => ({
    id: t.id({ resolve: (r) => globalId('ElectionResult', r.row.id) }),
    status: t.field({ type: ResultStatusEnum, resolve: (r) => r.row.status }),
    statusLabel: t.string({ resolve: (r) => STATUS_LABEL[r.row.status] }),
    revision: t.int({ resolve: (r) => r.row.revision }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.row.submittedAt }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.row.reviewedAt }),
    selfReviewed: t.boolean({
      description:
        'The reviewer had submitted the result (allowed only where nobody else may review it)',
      resolve: (r) => r.row.selfReviewed,
    }),
    returnReason: t.string({ nullable: true, resolve: (r) => r.row.returnReason }),
    draftSavedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.row.draftSavedAt }),
    draft: t.field({
      type: [ResultMeetingRef],
      nullable: true,
      resolve: async (r, _a, ctx) =>
        r.row.draft ? sheetMeetings(r.row.draft, await bundleOf(ctx, r.unit)) : null,
    }),
    draftFindings: t.field({
      type: [RuleFinding],
      description:
        'What the checks say about the saved draft (nothing is enforced until submission)',
      resolve: async (r, _args, ctx) =>
        r.row.draft
          ? service.evaluate(await bundleOf(ctx, r.unit), r.row.draft, ctx.clock.today()).findings
          : [],
    }),
    meetings: t.field({
      type: [ResultMeetingRef],
      description: 'The meetings of the latest accepted revision',
      resolve: async (r, _a, ctx) => {
        const bundle = await bundleOf(ctx, r.unit);
        return (await service.meetingsOf(ctx, r.row)).map((m) => ({ ...m, bundle }));
      },
    }),
    warnings: t.field({
      type: [RuleFinding],
      description: 'Warnings accepted with the latest revision',
      resolve: async (r, _a, ctx) =>
        (await service.latestRevision(ctx, r.row))?.outcome.warnings ?? [],
    }),
    elected: t.field({
      type: [ElectedMemberRef],
      description: 'Candidates and written-in persons (另选他人) elected',
      resolve: async (r, _a, ctx) => {
        const outcome = (await service.latestRevision(ctx, r.row))?.outcome;
        const bundle = await bundleOf(ctx, r.unit);
        const writeIns: StoredWriteIn[] = outcome?.electedWriteIns ?? [];
        const persons =
          writeIns.length > 0
            ? await service.writeInPersonsOf(ctx, r.row)
            : ([] as PersonRowView[]);
        return [
          ...(outcome?.elected ?? []).map((e) => ({ ...e, writeInPerson: null, bundle })),
          ...writeIns.map((e) => {
            const person = persons.find((p) => p.id === e.personId);
            if (!person) throw new Error('elected written-in person missing');
            return { ...e, candidateId: null, writeInPerson: person, bundle };
          }),
        ];
      },
    }),
    vacancies: t.field({
      type: [VacancyRef],
      resolve: async (r, _a, ctx) =>
        Object.entries((await service.latestRevision(ctx, r.row))?.outcome.vacancies ?? {})
          .filter(([, n]) => n > 0)
          .map(([post, count]) => ({
            post: post as Post,
            count,
          })),
    }),
    oneTimeSuccess: t.boolean({
      nullable: true,
      resolve: async (r, _a, ctx) =>
        (await service.latestRevision(ctx, r.row))?.outcome.oneTimeSuccess ?? null,
    }),
    revisions: t.field({
      type: [ResultRevisionRef],
      resolve: async (r, _a, ctx) => {
        const bundle = await bundleOf(ctx, r.unit);
        return (await service.revisionsOf(ctx, r.row)).map((x) => ({ ...x, bundle }));
      },
    }),
  }),
});

builder.objectFields(ElectionUnitRef, (t) => ({
  result: t.field({
    type: ElectionResultRef,
    nullable: true,
    resolve: async (b, _a, ctx) => {
      const row = await service.resultOf(ctx, b.unit.id);
      return row ? { row, unit: b } : null;
    },
  }),
}));

builder.queryFields((t) => ({
  resultQueue: t.field({
    type: [ElectionUnitRef],
    description:
      'Elections under a region whose results are in the given statuses (the township’s review queue)',
    args: {
      regionId: t.arg.globalID({ required: true }),
      statuses: t.arg({ type: [ResultStatusEnum], required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.resultQueue(ctx, idOf(args.regionId, 'Region', 'regionId'), args.statuses),
  }),
}));

const VoteInputRef = builder.inputType('VoteInput', {
  fields: (t) => ({
    candidateId: t.id({ required: true }),
    votesFor: t.int({ required: true }),
    against: t.int(),
    abstain: t.int(),
  }),
});

const WriteInVoteInputRef = builder.inputType('WriteInVoteInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    gender: t.field({ type: PersonGenderEnum, required: true }),
    birthDate: t.string(),
    politicalStatus: t.field({ type: PoliticalStatusEnum }),
    post: t.field({ type: PostEnum, required: true }),
    votesFor: t.int({ required: true }),
  }),
});

const MeetingInputRef = builder.inputType('MeetingInput', {
  fields: (t) => ({
    round: t.field({ type: RoundEnum, required: true }),
    heldOn: t.string({ required: true }),
    entitled: t.int({ required: true }),
    inPerson: t.int({ required: true }),
    proxy: t.int({ required: true }),
    other: t.int({ required: true }),
    ballotsIssued: t.int({ required: true }),
    ballotsReturned: t.int({ required: true }),
    ballotsValid: t.int({ required: true }),
    ballotsInvalid: t.int({ required: true }),
    votes: t.field({ type: [VoteInputRef], required: true }),
    writeIns: t.field({
      type: [WriteInVoteInputRef],
      description: '另选他人 (villagers’ and residents’ committees only; refused for P)',
    }),
  }),
});

const SheetInputRef = builder.inputType('ResultSheetInput', {
  fields: (t) => ({ meetings: t.field({ type: [MeetingInputRef], required: true }) }),
});

type SheetArg = typeof SheetInputRef.$inferInput;
type MeetingArg = typeof MeetingInputRef.$inferInput;

function parseSheet(sheet: SheetArg): ResultSheet {
  return {
    meetings: sheet.meetings.map((m, i) => ({
      round: m.round,
      heldOn: m.heldOn,
      entitled: m.entitled,
      inPerson: m.inPerson,
      proxy: m.proxy,
      other: m.other,
      ballotsIssued: m.ballotsIssued,
      ballotsReturned: m.ballotsReturned,
      ballotsValid: m.ballotsValid,
      ballotsInvalid: m.ballotsInvalid,
      votes: m.votes.map((v, vi) => ({
        candidateId: idOf(v.candidateId, 'Candidate', [
          'sheet',
          'meetings',
          String(i),
          'votes',
          String(vi),
          'candidateId',
        ]),
        votesFor: v.votesFor,
        against: v.against ?? null,
        abstain: v.abstain ?? null,
      })),
      ...(m.writeIns?.length ? { writeIns: m.writeIns.map(writeInOf) } : {}),
    })),
  };
}

function writeInOf(w: NonNullable<MeetingArg['writeIns']>[number]): WriteInVote {
  return {
    name: w.name,
    gender: w.gender,
    birthDate: w.birthDate ?? null,
    politicalStatus: w.politicalStatus ?? null,
    post: w.post,
    votesFor: w.votesFor,
  };
}

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    saveResultDraft: m.field({
      type: ElectionUnitRef,
      description: 'Keeps the sheet as typed, checks not enforced; see result.draftFindings',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        sheet: t.arg({ type: SheetInputRef, required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.saveDraft(
          ctx,
          idOf(args.unitId, 'ElectionUnit', ['unitId']),
          parseSheet(args.sheet),
        ),
    }),
    submitResult: m.field({
      type: ElectionUnitRef,
      description:
        '上报: refused with every finding unless the sheet passes the rule set; a retry with the same idempotencyKey returns the stored result',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        sheet: t.arg({ type: SheetInputRef, required: true }),
        idempotencyKey: t.arg.string({ required: true }),
        explanation: t.arg.string({
          description:
            '情况说明: required when the sheet has warnings (an uncontested race, a late posting…)',
        }),
      },
      resolve: (_root, args, ctx) =>
        service.submit(ctx, {
          unitId: idOf(args.unitId, 'ElectionUnit', ['unitId']),
          sheet: parseSheet(args.sheet),
          idempotencyKey: args.idempotencyKey,
          explanation: args.explanation ?? null,
        }),
    }),
    reviewResult: m.field({
      type: ElectionUnitRef,
      description: 'The township approves (locks) or returns a submitted result',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        decision: t.arg({ type: ReviewDecisionEnum, required: true }),
        reason: t.arg.string(),
      },
      resolve: (_root, args, ctx) =>
        service.review(
          ctx,
          idOf(args.unitId, 'ElectionUnit', ['unitId']),
          args.decision,
          args.reason ?? null,
        ),
    }),
    amendResult: m.field({
      type: ElectionUnitRef,
      description: '更正 of an approved result, with a reason; the history is kept',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: {
        unitId: t.arg.id({ required: true }),
        sheet: t.arg({ type: SheetInputRef, required: true }),
        reason: t.arg.string({ required: true }),
        idempotencyKey: t.arg.string({ required: true }),
        explanation: t.arg.string({
          description:
            '情况说明: required when the sheet has warnings (an uncontested race, a late posting…)',
        }),
      },
      resolve: (_root, args, ctx) =>
        service.amend(ctx, {
          unitId: idOf(args.unitId, 'ElectionUnit', ['unitId']),
          sheet: parseSheet(args.sheet),
          reason: args.reason,
          idempotencyKey: args.idempotencyKey,
          explanation: args.explanation ?? null,
        }),
    }),
  };
});
