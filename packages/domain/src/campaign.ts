import type { RegionLevel } from './regions.js';

/**
 * Election bodies (tracks). P party organisation, V villagers' committee, C residents' committee
 * (communities), S village affairs supervision committee, F follow-up after the election.
 */
export const TRACKS = ['P', 'V', 'C', 'S', 'F'] as const;
export type Track = (typeof TRACKS)[number];

export const TRACK_LABEL: Record<Track, { zh: string; en: string }> = {
  P: { zh: '党组织换届', en: 'Party organisation' },
  V: { zh: '村委会换届', en: "Villagers' committee" },
  C: { zh: '居委会换届', en: "Residents' committee" },
  S: { zh: '村(居)务监督委员会', en: 'Supervision committee' },
  F: { zh: '换届后续工作', en: 'Follow-up' },
};

export const ORDERING_POLICIES = ['party_first', 'committee_first', 'parallel'] as const;
/** 先支后村 / 先村后支 / parallel. */
export type OrderingPolicy = (typeof ORDERING_POLICIES)[number];

export const ORDERING_LABEL: Record<OrderingPolicy, string> = {
  party_first: '先支后村',
  committee_first: '先村后支',
  parallel: '同步推进',
};

export const ELECTION_DAY_PLANS = ['county', 'township', 'village'] as const;
/** One county-wide day, a day per township, or a day per village within a window. */
export type ElectionDayPlan = (typeof ELECTION_DAY_PLANS)[number];

export const ELECTION_DAY_PLAN_LABEL: Record<ElectionDayPlan, { zh: string; en: string }> = {
  county: { zh: '全县统一选举日', en: 'One election day for the whole county' },
  township: { zh: '按乡镇确定选举日', en: 'Each township sets its election day' },
  village: { zh: '按村在窗口期内确定', en: 'Each village picks a day within a window' },
};

export const CAMPAIGN_STATUSES = ['draft', 'running', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const CAMPAIGN_STATUS_LABEL: Record<CampaignStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  running: { zh: '进行中', en: 'Running' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const RISK_LEVELS = ['normal', 'key', 'difficult'] as const;
/** 一般 / 重点 / 难点. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LABEL: Record<RiskLevel, string> = {
  normal: '一般',
  key: '重点',
  difficult: '难点',
};

/**
 * The tracks that apply to one village: communities hold a residents' committee election (C)
 * instead of a villagers' committee (V), unless the campaign covers only one of the two.
 */
export function tracksForRegion(level: RegionLevel, campaignTracks: readonly Track[]): Track[] {
  if (level !== 'village' && level !== 'community') return [];
  return campaignTracks.filter((track) => {
    if (track === 'V') return level === 'village';
    if (track === 'C') return level === 'community';
    return true;
  });
}
