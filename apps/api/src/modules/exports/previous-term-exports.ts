import type { CampaignId, RegionId } from '@huanjie/domain';
import {
  BODY_LABEL,
  EDUCATION_LABEL,
  GENDER_LABEL,
  POLITICAL_STATUS_LABEL,
  POST_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { previousTermMembers } from '../office-holders/office-holders.service.js';
import { n, signedIn, text } from './export-columns.js';

/**
 * The township's previous term (/statistics/previous-term) as xlsx: every stored seat (上届班子成员)
 * as the table lists them, read through the service the screen's query calls. Women and party
 * members are 1/0 columns so that the 合计 counts them.
 */
export async function previousTermExport(
  ctx: Context,
  townshipId: RegionId,
  campaignId: CampaignId | null,
): Promise<ExportSheet[]> {
  const roster = await previousTermMembers(signedIn(ctx), townshipId, campaignId);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, roster.campaign)));
  return [
    {
      name: '上届班子成员',
      title: exportTitle(
        [
          roster.township.name,
          roster.campaign.name,
          `上届班子成员（共${String(roster.members.length)}人）`,
        ],
        ctx.clock.now(),
      ),
      policy,
      total: true,
      columns: [
        n('seq', '序号', false),
        text('village', '村（社区）'),
        text('body', '组织', 16),
        text('post', '职务'),
        text('name', '姓名'),
        text('gender', '性别'),
        text('birth', '出生年月'),
        text('ethnicity', '民族'),
        text('education', '学历'),
        text('political', '政治面貌'),
        n('term', '届次', false),
        n('women', '女性（是=1）'),
        n('partyMembers', '中共党员（是=1）'),
        text('source', '来源'),
      ],
      rows: roster.members.map((m, i) => ({
        seq: i + 1,
        village: m.villageName,
        body: BODY_LABEL[m.track],
        post: POST_LABEL[m.post].zh,
        name: m.name,
        gender: GENDER_LABEL[m.gender],
        birth: m.birthDate?.slice(0, 7) ?? null,
        ethnicity: m.ethnicity || null,
        education: m.education ? EDUCATION_LABEL[m.education] : null,
        political: POLITICAL_STATUS_LABEL[m.politicalStatus],
        term: m.termNumber,
        women: m.gender === 'female' ? 1 : 0,
        partyMembers: m.politicalStatus === 'party_member' ? 1 : 0,
        source: m.source === 'import' ? '导入' : '演示数据',
      })),
    },
  ];
}
