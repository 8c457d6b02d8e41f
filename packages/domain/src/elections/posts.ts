/** Elected bodies whose members this module records: party organisation, villagers' and residents' committees. */
export const ELECTED_TRACKS = ['P', 'V', 'C'] as const;
export type ElectedTrack = (typeof ELECTED_TRACKS)[number];

export const POSTS = ['secretary', 'deputy_secretary', 'chair', 'vice_chair', 'member'] as const;
/** 书记 / 副书记 (P); 主任 / 副主任 (V, C); 委员 (all). */
export type Post = (typeof POSTS)[number];

export const POSTS_BY_TRACK: Record<ElectedTrack, readonly Post[]> = {
  P: ['secretary', 'deputy_secretary', 'member'],
  V: ['chair', 'vice_chair', 'member'],
  C: ['chair', 'vice_chair', 'member'],
};

export const POST_LABEL: Record<Post, { zh: string; en: string }> = {
  secretary: { zh: '书记', en: 'Secretary' },
  deputy_secretary: { zh: '副书记', en: 'Deputy secretary' },
  chair: { zh: '主任', en: 'Chair' },
  vice_chair: { zh: '副主任', en: 'Vice chair' },
  member: { zh: '委员', en: 'Member' },
};

export function postsOf(track: ElectedTrack): readonly Post[] {
  return POSTS_BY_TRACK[track];
}

export function postFitsTrack(post: Post, track: ElectedTrack): boolean {
  return POSTS_BY_TRACK[track].includes(post);
}

export const BODY_LABEL: Record<ElectedTrack, string> = {
  P: '村(社区)党组织',
  V: '村民委员会',
  C: '居民委员会',
};

export const PERSON_GENDERS = ['female', 'male'] as const;
export type PersonGender = (typeof PERSON_GENDERS)[number];

export const EDUCATION_LEVELS = [
  'postgraduate',
  'university',
  'college',
  'secondary_vocational',
  'high_school',
  'junior_high',
  'primary',
] as const;
/** 研究生 / 大学 / 大专 / 中专 / 高中 / 初中 / 小学, highest first. */
export type Education = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LABEL: Record<Education, string> = {
  postgraduate: '研究生',
  university: '大学',
  college: '大专',
  secondary_vocational: '中专',
  high_school: '高中',
  junior_high: '初中',
  primary: '小学',
};

export const POLITICAL_STATUSES = [
  'party_member',
  'probationary_member',
  'league_member',
  'democratic_party',
  'masses',
] as const;
/** 中共党员 / 预备党员 / 共青团员 / 民主党派 / 群众. */
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABEL: Record<PoliticalStatus, string> = {
  party_member: '中共党员',
  probationary_member: '预备党员',
  league_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};

/**
 * 中共党员 only: a 预备党员 (probationary member) is not yet a full member and is not counted as one
 * in the party-member figures, nor is a 共青团员.
 */
export function isPartyMember(status: PoliticalStatus): boolean {
  return status === 'party_member';
}

export const MAJORITY_ETHNICITY = '汉族';

/** Ethnicity as entered ("汉族", "彝族"…); anything but 汉族 counts as a minority. Blank is unknown. */
export function isMinority(ethnicity: string): boolean {
  const value = ethnicity.trim();
  return value !== '' && value !== MAJORITY_ETHNICITY;
}

/** The ethnicity as counted: trimmed as isMinority() trims it; null when blank (unknown). */
export function ethnicityOf(ethnicity: string): string | null {
  const value = ethnicity.trim();
  return value === '' ? null : value;
}
