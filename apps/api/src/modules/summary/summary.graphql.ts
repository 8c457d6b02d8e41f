import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS } from '../../graphql/error-types.js';
import { globalId, idOf } from '../../shared/ids.js';
import type { SummaryParagraph, SummarySection, WorkSummaryDraft } from './summary-sections.js';
import * as service from './summary.service.js';

const ParagraphRef = builder.objectRef<SummaryParagraph>('WorkSummaryParagraph').implement({
  description:
    'One paragraph of a 工作总结 draft: figures computed from the records (not editable), or a narrative its user writes',
  fields: (t) => ({
    kind: t.string({ description: '"figures" or "narrative"', resolve: (p) => p.kind }),
    key: t.string({
      nullable: true,
      description: 'The narrative’s key (null for figures)',
      resolve: (p) => (p.kind === 'narrative' ? p.key : null),
    }),
    label: t.string({
      nullable: true,
      resolve: (p) => (p.kind === 'narrative' ? p.label : null),
    }),
    maxLength: t.int({
      nullable: true,
      resolve: (p) => (p.kind === 'narrative' ? p.max : null),
    }),
    text: t.string({
      description: 'The paragraph; a narrative not written yet is empty',
      resolve: (p) => p.text,
    }),
  }),
});

const SectionRef = builder.objectRef<SummarySection>('WorkSummarySection').implement({
  fields: (t) => ({
    key: t.string({ resolve: (s) => s.key }),
    heading: t.string({ resolve: (s) => s.heading }),
    paragraphs: t.field({ type: [ParagraphRef], resolve: (s) => s.paragraphs }),
  }),
});

const DraftRef = builder.objectRef<WorkSummaryDraft>('WorkSummaryDraft').implement({
  description:
    '工作总结 draft of a township or the county: 基本情况, 主要做法, 选举结果, 存在问题, 下步打算 in that order',
  fields: (t) => ({
    title: t.string({ resolve: (d) => d.title }),
    regionId: t.id({ resolve: (d) => globalId('Region', d.regionId) }),
    regionName: t.string({ resolve: (d) => d.regionName }),
    campaignId: t.id({ resolve: (d) => globalId('Campaign', d.campaignId) }),
    campaignName: t.string({ resolve: (d) => d.campaignName }),
    generatedAt: t.field({ type: 'DateTime', resolve: (d) => d.generatedAt }),
    mayEdit: t.boolean({
      description: 'The caller may save the narrative paragraphs',
      resolve: (d) => d.mayEdit,
    }),
    sections: t.field({ type: [SectionRef], resolve: (d) => d.sections }),
  }),
});

const NarrativeInput = builder.inputType('WorkSummaryNarrativeInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    text: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  workSummaryDraft: t.field({
    type: DraftRef,
    description:
      'The 工作总结 draft of a township or the county in a campaign (the Word file: GET /exports/work-summary.docx)',
    args: {
      campaignId: t.arg.globalID({ required: true }),
      regionId: t.arg.globalID({ required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.workSummaryDraft(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.regionId, 'Region', 'regionId'),
      ),
  }),
}));

builder.mutationFields((t) => ({
  saveWorkSummaryNarratives: t.field({
    type: DraftRef,
    description:
      'A township or the county office saves the narrative paragraphs of its 工作总结 draft (figures are never inputs)',
    errors: { types: MUTATION_ERRORS, directResult: true },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      regionId: t.arg.globalID({ required: true }),
      narratives: t.arg({ type: [NarrativeInput], required: true }),
    },
    resolve: (_root, args, ctx) =>
      service.saveNarratives(
        ctx,
        idOf(args.campaignId, 'Campaign', 'campaignId'),
        idOf(args.regionId, 'Region', 'regionId'),
        args.narratives,
      ),
  }),
}));
