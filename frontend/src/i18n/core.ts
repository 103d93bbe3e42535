// The translation machinery, free of React so it can be unit-tested.
import type { Lang } from '../lib/format';
import { en, id, type MessageKey } from './messages';

export type Params = Record<string, string | number>;
export type Dictionary = Record<string, string>;

export const LANG_KEY = 'aduan.lang';
export const LANGS: Lang[] = ['id', 'en'];

const base: Record<Lang, Dictionary> = { id, en };
const extra: Record<Lang, Dictionary> = { id: {}, en: {} };

/** Adds messages (the staff pages bring their own when they load). */
export function extendMessages(messages: Record<Lang, Dictionary>): void {
  Object.assign(extra.id, messages.id);
  Object.assign(extra.en, messages.en);
}

export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message for `key` in `lang`, falling back to Indonesian; undefined if none. */
export function lookup(lang: Lang, key: string, params?: Params): string | undefined {
  const text = base[lang][key] ?? extra[lang][key] ?? base.id[key] ?? extra.id[key];
  return text === undefined ? undefined : interpolate(text, params);
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return lookup(lang, key, params) ?? key;
}

/** The language to start in: the remembered one, else Indonesian. */
export function initialLang(stored: string | null): Lang {
  return stored === 'en' || stored === 'id' ? stored : 'id';
}
