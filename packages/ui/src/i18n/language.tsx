import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { CATALOGUE, LANGUAGES, type Language } from './messages.js';

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

/** A message catalogue: the same keys in every language. */
export type Catalogue<K extends string> = Record<Language, Record<K, string>>;

/**
 * The messages of one area (an app, a package, a group of screens): the Chinese text is the
 * reference, and the English must name exactly the same keys (the compiler says which is missing).
 */
export function defineMessages<const Z extends Record<string, string>>(
  zh: Z,
  en: Record<keyof Z & string, string>,
): Catalogue<keyof Z & string> {
  return { zh, en };
}

/** Two catalogues as one; a key both define is a mistake the type of the result cannot show, so it throws. */
export function combineMessages<A extends string, B extends string>(
  a: Catalogue<A>,
  b: Catalogue<B>,
): Catalogue<A | B> {
  const clash = Object.keys(b.zh).find((key) => key in a.zh);
  if (clash) throw new Error(`message key defined twice: ${clash}`);
  return { zh: { ...a.zh, ...b.zh }, en: { ...a.en, ...b.en } };
}

export type Translator<K extends string> = (
  key: K,
  params?: Record<string, string | number>,
) => string;

/** `{name}` placeholders filled from params; an unknown placeholder stays visible. */
function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
}

/** `t(key, params)` over a catalogue in one language, for code outside components. */
export function translator<K extends string>(
  catalogue: Catalogue<K>,
  language: Language,
): Translator<K> {
  return (key, params) => fill(catalogue[language][key], params);
}

/** A `useT` hook over a catalogue: each app and package makes its own from the messages it uses. */
export function translatorHook<K extends string>(catalogue: Catalogue<K>): () => Translator<K> {
  return function useCatalogue() {
    const { language } = useLanguage();
    return useMemo(() => translator(catalogue, language), [language]);
  };
}

/** The shared catalogue's translator (login, layout, region, guidance, elections). */
export const useT = translatorHook(CATALOGUE);
export type Translate = ReturnType<typeof useT>;
