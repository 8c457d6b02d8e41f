/** Messages of the candidates, results and statistics screens, merged into the catalogue in messages.ts. */
export const electionsZh = {
  'elections.nav.results': '选举结果审核',
  'elections.nav.statistics': '换届统计',
} as const;

export const electionsEn: Record<keyof typeof electionsZh, string> = {
  'elections.nav.results': 'Results review',
  'elections.nav.statistics': 'Statistics',
};
