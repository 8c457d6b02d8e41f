import { LANGUAGE_NAME, useLanguage } from '@huanjie/ui';

/** A one-tap switch between Chinese and English. */
export function LanguageToggle() {
  const { language, setLanguage } = useLanguage();
  const other = language === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="hj-m-link"
      data-testid="language-switch"
      onClick={() => {
        setLanguage(other);
      }}
    >
      {LANGUAGE_NAME[other]}
    </button>
  );
}
