import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDateTime, formatDay, type Lang } from '../lib/format';
import { browserStore } from '../lib/storage';
import { initialLang, LANG_KEY, lookup, translate, type Params } from './core';
import type { MessageKey } from './messages';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Any key, including those other modules added; undefined when unknown. */
  lookup: (key: string, params?: Params) => string | undefined;
  dateTime: (iso: string | null | undefined) => string;
  day: (ymd: string | null | undefined, withWeekday?: boolean) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const store = useMemo(() => browserStore(), []);
  const [lang, setLangState] = useState<Lang>(() => initialLang(store.getItem(LANG_KEY)));

  const setLang = useCallback(
    (next: Lang) => {
      store.setItem(LANG_KEY, next);
      setLangState(next);
    },
    [store],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      lookup: (key, params) => lookup(lang, key, params),
      dateTime: (iso) => formatDateTime(iso, lang),
      day: (ymd, withWeekday) => formatDay(ymd, lang, withWeekday),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
