import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { CATALOGUE, LANGUAGES, type Language, type MessageKey } from './messages.js';

const STORAGE_KEY = 'huanjie.language';

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === stored) ?? 'zh';
  } catch {
    return 'zh';
  }
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode or storage full: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside <LanguageProvider>');
  return value;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The message catalogue of the current language; `{name}` placeholders are filled from params. */
export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>(
    (key, params) => {
      const text = CATALOGUE[language][key];
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
    },
    [language],
  );
}
