import { REGION_LEVEL_LABEL, ROLE_INFO, type RegionLevel, type Role } from '@huanjie/domain';
import type { Language } from './messages.js';

export function levelLabel(level: RegionLevel, language: Language): string {
  return REGION_LEVEL_LABEL[level][language];
}

export function roleLabel(role: Role, language: Language): string {
  return ROLE_INFO[role].label[language];
}

export function formatCount(value: number | null | undefined, language: Language): string {
  return value == null ? '—' : value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en');
}
