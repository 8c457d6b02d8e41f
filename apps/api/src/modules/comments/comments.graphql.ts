import { COMMENT_SUBJECT_LABEL, commentSubject, findStage } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { idOf, optionalIdOf, parseGlobalId } from '../../shared/ids.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import type { CommentRow } from './comments.service.js';
import * as service from './comments.service.js';

/** A unit election's id as either page names it (UnitElection on stages, ElectionUnit on results). */
function unitIdOf(value: string | { typename: string; id: string }, path: string[]) {
  const typename = typeof value === 'string' ? parseGlobalId(value)?.typename : value.typename;
  return typename === 'ElectionUnit'
    ? idOf(value, 'ElectionUnit', path)
    : idOf(value, 'UnitElection', path);
}

const EscalationFilterEnum = builder.enumType('EscalationFilter', {
  values: ['open', 'resolved', 'all'] as const,
});

const RecordComment = builder.objectRef<CommentRow>('RecordComment').implement({
  description:
    'A county leader’s comment on a village’s stage or result; escalated, on the township’s queue until resolved',
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'RecordComment', id: c.id }) }),
    village: t.field({
      type: RegionCrumb,
      resolve: (c) => ({ id: c.regionId, name: c.villageName, level: c.villageLevel }),
    }),
    townshipName: t.string({ nullable: true, resolve: (c) => c.townshipName }),
    unitElectionId: t.id({ resolve: (c) => `UnitElection:${String(c.unitElectionId)}` }),
    stageCode: t.exposeString('stageCode', { nullable: true }),
    subjectLabel: t.string({
      description: 'What it is about, in words: the stage’s name, or 选举结果',
      resolve: (c) =>
        c.stageCode === null
          ? COMMENT_SUBJECT_LABEL[commentSubject(null)]
          : (findStage(c.track, c.stageCode)?.name ?? c.stageCode),
    }),
    body: t.exposeString('body'),
    escalated: t.exposeBoolean('escalated'),
    authorName: t.exposeString('authorName'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    resolution: t.exposeString('resolution', { nullable: true }),
    resolverName: t.exposeString('resolverName', { nullable: true }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CommentInput = builder.inputType('RecordCommentInput', {
  fields: (t) => ({
    unitElectionId: t.globalID({ required: true }),
    stageCode: t.string({ description: 'The stage commented on; leave out for the result' }),
    body: t.string({ required: true }),
    escalate: t.boolean({ required: true, description: 'Put it on the township’s queue' }),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    recordComments: q.field({
      type: [RecordComment],
      description: 'Comments on a village’s stage (stageCode) or its result (no stageCode)',
      args: { unitElectionId: t.arg.globalID({ required: true }), stageCode: t.arg.string() },
      resolve: (_root, args, ctx) =>
        service.recordComments(ctx, {
          unitElectionId: unitIdOf(args.unitElectionId, ['unitElectionId']),
          stageCode: args.stageCode,
        }),
    }),
    escalations: q.field({
      type: [RecordComment],
      description:
        'Comments escalated to the township (督办) in a region (default: everything the caller reads); open first',
      args: {
        regionId: t.arg.globalID(),
        campaignId: t.arg.globalID(),
        filter: t.arg({ type: EscalationFilterEnum }),
        first: t.arg.int(),
      },
      resolve: (_root, args, ctx) =>
        service.escalations(ctx, {
          regionId: optionalIdOf(args.regionId, 'Region', 'regionId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
          filter: args.filter,
          first: args.first,
        }),
    }),
  };
});

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    commentOnRecord: m.field({
      type: RecordComment,
      description: 'A county leader comments on a village’s stage or result, and may escalate it',
      errors,
      args: { input: t.arg({ type: CommentInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.commentOnRecord(ctx, {
          ...input,
          unitElectionId: unitIdOf(input.unitElectionId, ['input', 'unitElectionId']),
        }),
    }),
    resolveEscalation: m.field({
      type: RecordComment,
      description: 'The township answers an escalated comment and closes it',
      errors,
      args: {
        commentId: t.arg.globalID({ required: true }),
        resolution: t.arg.string({ required: true }),
      },
      resolve: (_root, args, ctx) =>
        service.resolveEscalation(ctx, {
          id: idOf(args.commentId, 'RecordComment', 'commentId'),
          resolution: args.resolution,
        }),
    }),
  };
});
