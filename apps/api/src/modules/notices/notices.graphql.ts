import { addDays, rulesFrom } from '@huanjie/domain';
import { builder } from '../../graphql/builder.js';
import { ElectionUnitRef } from '../candidates/candidates.graphql.js';
import type { UnitSource } from '../candidates/candidates.service.js';
import * as repo from './notices.repo.js';

/**
 * The body that posts an election's notices and takes objections: the village's (residents')
 * election committee, or for the party organisation's election the party branch.
 */
export function noticeIssuer(track: 'P' | 'V' | 'C', regionName: string): string {
  if (track === 'P') return `中共${regionName}党支部`;
  return `${regionName}${track === 'C' ? '居民' : '村民'}选举委员会`;
}

interface VoterListNotice {
  postedOn: string | null;
  listed: number | null;
  registered: number | null;
  objectionDays: number;
  decisionDays: number;
  groups: string[];
}

const VoterListNoticeRef = builder.objectRef<VoterListNotice>('VoterListNotice').implement({
  description:
    '选民名单公告: what the village entered at 选民登记 and 公布选民名单, and the objection period in force. Counts per villager group are not held: the groups come without figures',
  fields: (t) => ({
    postedOn: t.string({
      nullable: true,
      description: 'The day the list was posted (公布选民名单 stage), YYYY-MM-DD',
      resolve: (n) => n.postedOn,
    }),
    listed: t.int({
      nullable: true,
      description: '公布的选民人数',
      resolve: (n) => n.listed,
    }),
    registered: t.int({
      nullable: true,
      description: '本届登记选民数 (选民登记 stage)',
      resolve: (n) => n.registered,
    }),
    objectionDays: t.exposeInt('objectionDays'),
    decisionDays: t.exposeInt('decisionDays'),
    objectionDeadline: t.string({
      nullable: true,
      description:
        'Last day to object: the posting day plus the objection days (the day itself not counted)',
      resolve: (n) => (n.postedOn === null ? null : addDays(n.postedOn, n.objectionDays)),
    }),
    groups: t.stringList({
      description: 'The village’s villager groups (村民小组 / 居民小组), in order',
      resolve: (n) => n.groups,
    }),
  }),
});

async function voterListNotice(ctx: { db: Parameters<typeof repo.stageEntry>[0] }, b: UnitSource) {
  const rules = rulesFrom(b.unit.ruleValues);
  const [posted, registration, groups] = await Promise.all([
    repo.stageEntry(ctx.db, b.unit.id, 'voter_list'),
    repo.stageEntry(ctx.db, b.unit.id, 'registration'),
    repo.groupNames(ctx.db, b.unit.regionId),
  ]);
  const count = (entry: typeof posted, key: string) => {
    const value = entry?.counts[key];
    return typeof value === 'number' ? value : null;
  };
  return {
    postedOn: posted?.doneDate ?? null,
    listed: count(posted, 'listed'),
    registered: count(registration, 'registered'),
    objectionDays: rules.days('voter_list.objection_days'),
    decisionDays: rules.days('voter_list.decision_days'),
    groups,
  };
}

builder.objectFields(ElectionUnitRef, (t) => ({
  noticeIssuer: t.string({
    description:
      'Who issues this election’s notices: 村民选举委员会, 居民选举委员会 or the party branch (P)',
    resolve: (b) => noticeIssuer(b.unit.track, b.unit.regionName),
  }),
  voterListNotice: t.field({
    type: VoterListNoticeRef,
    nullable: true,
    description:
      '选民名单公告 of a villagers’ or residents’ committee election; null for the party track',
    resolve: (b, _args, ctx) => (b.unit.track === 'P' ? null : voterListNotice(ctx, b)),
  }),
}));
