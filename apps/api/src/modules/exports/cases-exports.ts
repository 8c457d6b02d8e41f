import type { CampaignId, CaseCategory, CaseStatus, RegionId } from '@huanjie/domain';
import {
  CASE_CATEGORY_LABEL,
  CASE_CHANNEL_LABEL,
  CASE_LATENESS_LABEL,
  CASE_MEASURE_LABEL,
  CASE_OUTCOME_LABEL,
  CASE_SEVERITY_LABEL,
  CASE_STATUS_LABEL,
  percentPolicy,
  resolveElectionRules,
} from '@huanjie/domain';
import type { Context } from '../../context.js';
import { ruleValuesOf } from '../../shared/campaign.js';
import type { ExportSheet } from '../../xlsx/export-writer.js';
import { exportTitle } from '../../xlsx/export-writer.js';
import { caseHandlerName, caseListOf } from '../cases/cases.service.js';
import { n, signedIn, text } from './export-columns.js';

export interface CaseExportFilter {
  campaignId: CampaignId | null;
  status: CaseStatus | null;
  category: CaseCategory | null;
  overdueOnly: boolean;
  openOnly: boolean;
}

/**
 * The case list (信访举报台账) of a region as its screen lists it, read through the service the
 * screen's `cases` query calls: the same rows, and the reporter's name, phone and ID only where
 * the caller may see them (匿名 otherwise). Overdue and upheld cases are 1/0 columns so the 合计
 * counts them.
 */
export async function casesExport(
  ctx: Context,
  regionId: RegionId,
  filter: CaseExportFilter,
): Promise<ExportSheet[]> {
  const list = await caseListOf(signedIn(ctx), regionId, filter);
  const policy = percentPolicy(resolveElectionRules(await ruleValuesOf(ctx.db, list.campaign)));
  return [
    {
      name: '信访举报',
      title: exportTitle(
        [list.region.name, list.campaign.name, `信访举报台账（共${String(list.views.length)}件）`],
        ctx.clock.now(),
      ),
      policy,
      total: true,
      columns: [
        n('seq', '序号', false),
        text('receivedOn', '收到日期'),
        text('township', '乡镇（街道）'),
        text('village', '村（社区）'),
        text('channel', '来源渠道'),
        text('category', '问题类别'),
        text('severity', '严重程度'),
        text('person', '涉及人员'),
        text('allegation', '反映内容', 40),
        text('reporter', '举报人'),
        text('reporterPhone', '举报人电话'),
        text('reporterIdNumber', '举报人身份证号', 20),
        text('status', '办理状态'),
        text('handler', '办理单位'),
        text('acceptBy', '受理期限'),
        text('answerBy', '办结期限'),
        text('lateness', '逾期情况'),
        n('overdue', '逾期（是=1）'),
        n('actions', '调查处理次数'),
        text('outcome', '办理结果'),
        n('upheld', '属实或部分属实（是=1）'),
        text('measures', '处理措施', 24),
        text('closedOn', '办结日期'),
        text('reply', '答复举报人', 40),
      ],
      rows: list.views.map((c, i) => ({
        seq: i + 1,
        receivedOn: c.receivedOn,
        township: c.townshipName,
        village: c.villageName,
        channel: CASE_CHANNEL_LABEL[c.channel].zh,
        category: CASE_CATEGORY_LABEL[c.category].zh,
        severity: CASE_SEVERITY_LABEL[c.severity].zh,
        person: c.candidateName ?? c.personConcerned,
        allegation: c.allegation,
        reporter: c.reporterName,
        reporterPhone: c.reporterPhone,
        reporterIdNumber: c.reporterIdNumber,
        status: CASE_STATUS_LABEL[c.status].zh,
        handler: caseHandlerName(c),
        acceptBy: c.deadlines.acceptBy,
        answerBy: c.deadlines.answerBy,
        lateness: CASE_LATENESS_LABEL[c.lateness].zh,
        overdue: c.lateness === 'on_time' ? 0 : 1,
        actions: c.actions.length,
        outcome: c.outcome === null ? null : CASE_OUTCOME_LABEL[c.outcome].zh,
        upheld: c.outcome === 'upheld' || c.outcome === 'partly_upheld' ? 1 : 0,
        measures: c.measures.map((m) => CASE_MEASURE_LABEL[m].zh).join('、') || null,
        closedOn: c.closedOn,
        reply: c.reply,
      })),
    },
  ];
}
