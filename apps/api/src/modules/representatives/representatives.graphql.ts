import {
  GENDER_LABEL,
  GROUP_LEADER_POSTS,
  GROUP_LEADER_POST_LABEL,
  REPRESENTATIVE_METHODS,
  REPRESENTATIVE_METHOD_LABEL,
} from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { MUTATION_ERRORS, RuleFinding } from '../../graphql/error-types.js';
import { globalId, idOf, optionalIdOf } from '../../shared/ids.js';
import { PersonGenderEnum } from '../candidates/candidates.graphql.js';
import { RegionCrumb } from '../regions/regions.graphql.js';
import * as service from './representatives.service.js';
import type {
  GroupLeaderRow,
  RepresentativeRow,
  RepresentativesView,
} from './representatives.service.js';

const RepresentativeMethodEnum = builder.enumType('RepresentativeMethod', {
  values: REPRESENTATIVE_METHODS,
});
const GroupLeaderPostEnum = builder.enumType('GroupLeaderPost', { values: GROUP_LEADER_POSTS });

const VillagerGroupRef = builder
  .objectRef<{ id: number; name: string }>('VillagerGroup')
  .implement({
    description: '村民小组 / 居民小组: a region of level group under the village',
    fields: (t) => ({
      id: t.id({ resolve: (g) => globalId('Region', g.id) }),
      name: t.exposeString('name'),
    }),
  });

const VillageRepresentativeRef = builder
  .objectRef<RepresentativeRow>('VillageRepresentative')
  .implement({
    description: '村民代表 (居民代表) of a village in a campaign',
    fields: (t) => ({
      id: t.id({ resolve: (r) => globalId('VillageRepresentative', r.id) }),
      groupId: t.id({ resolve: (r) => globalId('Region', r.groupId) }),
      name: t.exposeString('name'),
      gender: t.field({ type: PersonGenderEnum, resolve: (r) => r.gender }),
      genderLabel: t.string({ resolve: (r) => GENDER_LABEL[r.gender] }),
      partyMember: t.exposeBoolean('partyMember'),
      method: t.field({ type: RepresentativeMethodEnum, resolve: (r) => r.method }),
      methodLabel: t.string({ resolve: (r) => REPRESENTATIVE_METHOD_LABEL[r.method] }),
    }),
  });

const GroupLeaderRef = builder.objectRef<GroupLeaderRow>('GroupLeader').implement({
  description: '村民小组长 / 副组长 of a villager group in a campaign',
  fields: (t) => ({
    id: t.id({ resolve: (l) => globalId('GroupLeader', l.id) }),
    groupId: t.id({ resolve: (l) => globalId('Region', l.groupId) }),
    post: t.field({ type: GroupLeaderPostEnum, resolve: (l) => l.post }),
    postLabel: t.string({ resolve: (l) => GROUP_LEADER_POST_LABEL[l.post] }),
    name: t.exposeString('name'),
    gender: t.field({ type: PersonGenderEnum, resolve: (l) => l.gender }),
    partyMember: t.exposeBoolean('partyMember'),
    representativeId: t.id({
      nullable: true,
      description: 'The representative this leader also is',
      resolve: (l) =>
        l.representativeId === null ? null : globalId('VillageRepresentative', l.representativeId),
    }),
  }),
});

const RepresentativesViewRef = builder
  .objectRef<RepresentativesView>('VillageRepresentatives')
  .implement({
    description:
      'A village’s 村民代表 and 村民小组长 in a campaign, with the rule checks on them (warnings with citations)',
    fields: (t) => ({
      village: t.field({
        type: RegionCrumb,
        resolve: (v) => ({ id: v.village.id, name: v.village.name, level: v.village.level }),
      }),
      campaignId: t.id({ resolve: (v) => globalId('Campaign', v.campaign.id) }),
      campaignName: t.string({ resolve: (v) => v.campaign.name }),
      households: t.int({ nullable: true, resolve: (v) => v.households }),
      householdsPerRepresentative: t.float({
        nullable: true,
        description: 'households ÷ representatives, one decimal',
        resolve: (v) => v.householdsPerRepresentative,
      }),
      groups: t.field({ type: [VillagerGroupRef], resolve: (v) => v.groups }),
      representatives: t.field({
        type: [VillageRepresentativeRef],
        resolve: (v) => v.representatives,
      }),
      women: t.int({
        description: 'Women among the representatives (of representatives)',
        resolve: (v) => v.representatives.filter((r) => r.gender === 'female').length,
      }),
      partyMembers: t.int({
        resolve: (v) => v.representatives.filter((r) => r.partyMember).length,
      }),
      leaders: t.field({ type: [GroupLeaderRef], resolve: (v) => v.leaders }),
      findings: t.field({ type: [RuleFinding], resolve: (v) => v.findings }),
      canEdit: t.exposeBoolean('canEdit'),
    }),
  });

const RepresentativeInput = builder.inputType('VillageRepresentativeInput', {
  fields: (t) => ({
    id: t.id({ description: 'The representative to edit; absent to record a new one' }),
    villageId: t.id({ required: true }),
    campaignId: t.id(),
    groupId: t.id({ description: 'The villager group (required; refused in words when absent)' }),
    name: t.string({ required: true }),
    gender: t.field({ type: PersonGenderEnum, required: true }),
    partyMember: t.boolean({ required: true }),
    method: t.field({ type: RepresentativeMethodEnum, required: true }),
  }),
});

const GroupLeaderInput = builder.inputType('GroupLeaderInput', {
  fields: (t) => ({
    id: t.id({ description: 'The leader to edit; absent to record a new one' }),
    villageId: t.id({ required: true }),
    campaignId: t.id(),
    groupId: t.id({ description: 'The villager group (required; refused in words when absent)' }),
    post: t.field({ type: GroupLeaderPostEnum, required: true }),
    name: t.string({ required: true }),
    gender: t.field({ type: PersonGenderEnum, required: true }),
    partyMember: t.boolean({ required: true }),
    representativeId: t.id({ description: 'The representative this leader also is' }),
  }),
});

builder.queryFields((t) => {
  const q = t.withAuth({ session: true });
  return {
    villageRepresentatives: q.field({
      type: RepresentativesViewRef,
      description:
        'A village’s representatives and group leaders with their checks; a village outside the caller’s region is not found',
      args: { villageId: t.arg.id({ required: true }), campaignId: t.arg.id() },
      resolve: (_root, args, ctx) =>
        service.villageRepresentatives(ctx, {
          villageId: idOf(args.villageId, 'Region', 'villageId'),
          campaignId: optionalIdOf(args.campaignId, 'Campaign', 'campaignId'),
        }),
    }),
  };
});

const errors = { types: MUTATION_ERRORS, directResult: true } as const;

builder.mutationFields((t) => {
  const m = t.withAuth({ session: true });
  return {
    saveVillageRepresentative: m.field({
      type: RepresentativesViewRef,
      description:
        'Records or edits a representative of a village; returns the village’s list and checks',
      errors,
      args: { input: t.arg({ type: RepresentativeInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.saveRepresentative(ctx, {
          ...input,
          id: optionalIdOf(input.id, 'VillageRepresentative', ['input', 'id']),
          villageId: idOf(input.villageId, 'Region', ['input', 'villageId']),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', ['input', 'campaignId']),
          groupId: optionalIdOf(input.groupId, 'Region', ['input', 'groupId']),
        }),
    }),
    removeVillageRepresentative: m.field({
      type: RepresentativesViewRef,
      description: 'Removes a representative (a leader who was that representative is kept)',
      errors,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) =>
        service.removeRepresentative(ctx, idOf(args.id, 'VillageRepresentative', 'id')),
    }),
    saveGroupLeader: m.field({
      type: RepresentativesViewRef,
      description:
        'Records or edits a 村民小组长 / 副组长; a second 组长 in a group is refused (never more leaders than groups)',
      errors,
      args: { input: t.arg({ type: GroupLeaderInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        service.saveGroupLeader(ctx, {
          ...input,
          id: optionalIdOf(input.id, 'GroupLeader', ['input', 'id']),
          villageId: idOf(input.villageId, 'Region', ['input', 'villageId']),
          campaignId: optionalIdOf(input.campaignId, 'Campaign', ['input', 'campaignId']),
          groupId: optionalIdOf(input.groupId, 'Region', ['input', 'groupId']),
          representativeId: optionalIdOf(input.representativeId, 'VillageRepresentative', [
            'input',
            'representativeId',
          ]),
        }),
    }),
    removeGroupLeader: m.field({
      type: RepresentativesViewRef,
      errors,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) =>
        service.removeGroupLeader(ctx, idOf(args.id, 'GroupLeader', 'id')),
    }),
  };
});
