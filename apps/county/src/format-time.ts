import type { Language } from '@huanjie/ui';

/** A moment as date and 24-hour time, written the way the chosen language writes it. */
export function formatTime(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', { hour12: false });
}
