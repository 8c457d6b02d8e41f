import type { RegionLevel } from '@huanjie/domain';

/**
 * The structure of a 工作总结 as the seed summaries have it (/work/shared/research): five sections
 * in this order, each with figures computed from the records and one paragraph its user writes.
 */
export const SECTIONS = [
  { key: 'profile', heading: '一、基本情况' },
  { key: 'practices', heading: '二、主要做法' },
  { key: 'results', heading: '三、选举结果' },
  { key: 'problems', heading: '四、存在问题' },
  { key: 'next_steps', heading: '五、下步打算' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];

export interface NarrativeSpec {
  key: string;
  section: SectionKey;
  label: string;
  max: number;
  /** Where the paragraph stands in its section: before the figures or after them. */
  place: 'before' | 'after';
}

export const NARRATIVES: readonly NarrativeSpec[] = [
  { key: 'profile', section: 'profile', label: '基本情况补充说明', max: 2000, place: 'after' },
  { key: 'leadership', section: 'practices', label: '组织领导', max: 3000, place: 'before' },
  { key: 'practices', section: 'practices', label: '主要做法与经验', max: 5000, place: 'after' },
  { key: 'results', section: 'results', label: '选举结果评述', max: 2000, place: 'after' },
  { key: 'problems', section: 'problems', label: '存在问题补充', max: 3000, place: 'after' },
  { key: 'next_steps', section: 'next_steps', label: '下步打算', max: 3000, place: 'after' },
];

export const NARRATIVE_KEYS = NARRATIVES.map((n) => n.key);

export type SummaryParagraph =
  | { kind: 'figures'; text: string }
  | { kind: 'narrative'; key: string; label: string; text: string; max: number };

export interface SummarySection {
  key: SectionKey;
  heading: string;
  paragraphs: SummaryParagraph[];
}

export interface WorkSummaryDraft {
  title: string;
  regionId: number;
  regionName: string;
  regionLevel: RegionLevel;
  campaignId: number;
  campaignName: string;
  generatedAt: Date;
  /** The caller may edit the narrative paragraphs (summary.write in the region). */
  mayEdit: boolean;
  sections: SummarySection[];
}
