import { BODY_LABEL, PREVIOUS_TERM_COLUMNS, POST_LABEL } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { idOf, optionalIdOf } from '../../shared/ids.js';
import { ElectedTrackEnum, PersonRef, PostEnum } from '../candidates/candidates.graphql.js';
import type { HolderView } from './office-holders.repo.js';
import type {
  PreviousTermMembers,
  PreviousTermReport,
  PreviousTermRowReport,
  ReplacedSeat,
} from './office-holders.service.js';
import * as service from './office-holders.service.js';

// --- objects ----------------------------------------------------------------------------------

const PreviousTermVillage = builder
  .objectRef<{ id: number; name: string }>('PreviousTermVillage')
  .implement({
    fields: (t) => ({
      id: t.globalID({ resolve: (v) => ({ type: 'Region', id: v.id }) }),
      name: t.exposeString('name'),
    }),
  });

const PreviousTermMember = builder.objectRef<HolderView>('PreviousTermMember').implement({
  description: 'A seat of the previous term (上届班子成员) in a village',
  fields: (t) => ({
    village: t.field({
      type: PreviousTermVillage,
      resolve: (h) => ({ id: h.villageId, name: h.villageName }),
    }),
    track: t.field({ type: ElectedTrackEnum, resolve: (h) => h.track }),
    bodyLabel: t.string({ resolve: (h) => BODY_LABEL[h.track] }),
    post: t.field({ type: PostEnum, resolve: (h) => h.post }),
    postLabel: t.string({ resolve: (h) => POST_LABEL[h.post].zh }),
    termNumber: t.exposeInt('termNumber'),
    source: t.exposeString('source', { description: 'import, or demo for generated data' }),
    person: t.field({
      type: PersonRef,
      resolve: (h) => ({
        id: h.personId,
        regionId: h.villageId,
        name: h.name,
        gender: h.gender,
        birthDate: h.birthDate,
        birthPrecision: h.birthPrecision,
        ethnicity: h.ethnicity,
        education: h.education,
        politicalStatus: h.politicalStatus,
        tags: h.tags,
      }),
    }),
  }),
});

const PreviousTermColumn = builder
  .objectRef<(typeof PREVIOUS_TERM_COLUMNS)[number]>('PreviousTermColumn')
  .implement({
    description: 'A column of the previous-term sheet, in order',
    fields: (t) => ({
      key: t.exposeString('key'),
      header: t.exposeString('header'),
      required: t.exposeBoolean('required'),
      note: t.exposeString('note'),
    }),
  });

const PreviousTermTemplate = builder
  .objectRef<{ fileName: string; contentBase64: string }>('PreviousTermTemplate')
  .implement({
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      contentBase64: t.exposeString('contentBase64'),
    }),
  });

const PreviousTermRoster = builder.objectRef<PreviousTermMembers>('PreviousTermRoster').implement({
  description: 'The previous term of a township’s villages, as the campaign’s statistics read it',
  fields: (t) => ({
    campaignId: t.globalID({ resolve: (r) => ({ type: 'Campaign', id: r.campaign.id }) }),
    campaignName: t.string({ resolve: (r) => r.campaign.name }),
    townshipName: t.string({ resolve: (r) => r.township.name }),
    partyTerm: t.int({ nullable: true, resolve: (r) => r.terms.P ?? null }),
    committeeTerm: t.int({ nullable: true, resolve: (r) => r.terms.V ?? r.terms.C ?? null }),
    columns: t.field({ type: [PreviousTermColumn], resolve: () => [...PREVIOUS_TERM_COLUMNS] }),
    members: t.field({ type: [PreviousTermMember], resolve: (r) => r.members }),
  }),
});

const PreviousTermIssue = builder
  .objectRef<PreviousTermRowReport['issues'][number]>('PreviousTermIssue')
  .implement({
    fields: (t) => ({ column: t.exposeString('column'), message: t.exposeString('message') }),
  });

const PreviousTermRowStatusEnum = builder.enumType('PreviousTermRowStatus', {
  values: ['created', 'matched', 'rejected'] as const,
});

const PreviousTermImportRow = builder
  .objectRef<PreviousTermRowReport>('PreviousTermImportRow')
  .implement({
    fields: (t) => ({
      row: t.exposeInt('row'),
      village: t.exposeString('village'),
      name: t.exposeString('name'),
      status: t.field({
        type: PreviousTermRowStatusEnum,
        description: 'created: a new person record; matched: an existing person of the village',
        resolve: (r) => r.status,
      }),
      issues: t.field({ type: [PreviousTermIssue], resolve: (r) => r.issues }),
    }),
  });

const PreviousTermReplacedSeat = builder
  .objectRef<ReplacedSeat>('PreviousTermReplacedSeat')
  .implement({
    description: 'A seat of the previous term that the import replaces (or, in a preview, would)',
    fields: (t) => ({
      village: t.exposeString('village'),
      track: t.field({ type: ElectedTrackEnum, resolve: (s) => s.track }),
      post: t.field({ type: PostEnum, resolve: (s) => s.post }),
      name: t.exposeString('name'),
    }),
  });

const PreviousTermImportReport = builder
  .objectRef<PreviousTermReport>('PreviousTermImportReport')
  .implement({
    description:
      'Row by row; committed is false (and nothing was written) when any row was rejected',
    fields: (t) => ({
      committed: t.exposeBoolean('committed'),
      total: t.exposeInt('total'),
      created: t.exposeInt('created'),
      matched: t.exposeInt('matched'),
      rejected: t.exposeInt('rejected'),
      replaced: t.exposeInt('replaced'),
      replacing: t.field({ type: [PreviousTermReplacedSeat], resolve: (r) => r.replacing }),
      preview: t.exposeBoolean('preview', {
        description: 'A dry run: checked and counted, nothing written',
      }),
      rows: t.field({ type: [PreviousTermImportRow], resolve: (r) => r.rows }),
    }),
  });

// --- inputs -----------------------------------------------------------------------------------

const ImportPreviousTermInput = builder.inputType('ImportPreviousTermInput', {
  fields: (t) => ({
    campaignId: t.globalID({ required: true }),
    townshipId: t.globalID({ required: true }),
    contentBase64: t.string({
      required: true,
      description: 'The sheet (xlsx, base64, ≤ 1 MB) in the layout of previousTermTemplate',
    }),
    dryRun: t.boolean({
      required: false,
      description: 'Preview: check every row and report what would be replaced, writing nothing',
    }),
  }),
});

// --- root fields ------------------------------------------------------------------------------

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    previousTermMembers: q.field({
      type: PreviousTermRoster,
      description:
        'The previous term’s office holders of a township’s villages (default: the county’s current campaign)',
      args: { townshipId: t.arg.globalID({ required: true }), campaignId: t.arg.globalID() },
      resolve: (_root, args, ctx) =>
        service.previousTermMembers(
          ctx,
          idOf(args.townshipId, 'Region', 'townshipId'),
          optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        ),
    }),
    previousTermTemplate: q.field({
      type: PreviousTermTemplate,
      description:
        'An empty previous-term sheet (xlsx, base64) in the layout importPreviousTerm reads',
      args: { townshipId: t.arg.globalID({ required: true }) },
      resolve: (_root, args, ctx) =>
        service.previousTermTemplateFile(ctx, idOf(args.townshipId, 'Region', 'townshipId')),
    }),
  };
});

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    importPreviousTerm: m.field({
      type: PreviousTermImportReport,
      description:
        'Imports the previous term’s members (上届班子成员) of a township’s villages from an uploaded sheet, all-or-nothing, with a row-by-row report; a re-import replaces the seats of the villages it names',
      errors: { types: MUTATION_ERRORS, directResult: true },
      args: { input: t.arg({ type: ImportPreviousTermInput, required: true }) },
      resolve: (_root, args, ctx) =>
        service.importPreviousTerm(ctx, {
          campaignId: idOf(args.input.campaignId, 'Campaign', ['input', 'campaignId']),
          townshipId: idOf(args.input.townshipId, 'Region', ['input', 'townshipId']),
          contentBase64: args.input.contentBase64,
          dryRun: args.input.dryRun ?? false,
        }),
    }),
  };
});
