import { Segmented } from 'antd';
import { type Language, LANGUAGE_NAME, LANGUAGES, useLanguage } from '@huanjie/ui';

const OPTIONS = LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAME[value] }));

export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      options={OPTIONS}
      value={language}
      onChange={setLanguage}
      data-testid="language-switch"
    />
  );
}
