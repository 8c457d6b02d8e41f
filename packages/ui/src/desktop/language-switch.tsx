import { Segmented } from 'antd';
import { useLanguage } from '../i18n/language.js';
import { LANGUAGE_NAME, LANGUAGES, type Language } from '../i18n/messages.js';

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
