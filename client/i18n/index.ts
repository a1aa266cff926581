// Language: Danish by default, English on request. The choice is kept in localStorage and shared by every page.
import { useSyncExternalStore } from 'react';

export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];
const STORAGE_KEY = 'gevinstspor.locale';

function readStored(): Locale {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

let current: Locale = typeof window === 'undefined' ? 'da' : readStored();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale) {
  if (locale === current) return;
  current = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

if (typeof document !== 'undefined') document.documentElement.lang = current;

/**
 * Replaces {name} placeholders; values are plain text (React escapes them when rendered).
 * {n|one|other} picks a word by count: "{n} {n|gevinst|gevinster}" gives "1 gevinst", "2 gevinster"
 * (Danish and English both use the singular for exactly 1 and the plural otherwise, 0 included).
 */
export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template
    .replace(/\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g, (m, k: string, one: string, other: string) => (k in vars ? (Number(vars[k]) === 1 ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export type Dictionary = Record<string, string>;

/** The dictionaries loaded so far, by name (each bundle registers only its own, so the answer page stays small). */
export const registeredDictionaries = new Map<string, { da: Dictionary; en: Dictionary }>();

/**
 * Makes a typed translator hook for one dictionary. Each part of the app (answer, admin, dashboard)
 * has its own dictionary so the public answer page does not download the admin texts.
 */
export function makeTranslator<K extends string>(dicts: { da: Record<K, string>; en: Record<K, string> }, name?: string) {
  if (name) registeredDictionaries.set(name, dicts);
  const translate = (locale: Locale, key: K, vars?: Record<string, string | number>) => format(dicts[locale][key] ?? dicts.da[key] ?? key, vars);
  function useT() {
    const locale = useLocale();
    return Object.assign((key: K, vars?: Record<string, string | number>) => translate(locale, key, vars), { locale });
  }
  return { useT, translate };
}
