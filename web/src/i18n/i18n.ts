import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../domain/i18n/en.js';
import { es } from '../../../domain/i18n/es.js';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'mesa.lang';

export const isLanguage = (value: unknown): value is Language => value === 'es' || value === 'en';

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** The browser's first preference: any Spanish variant is Spanish, everything else English. */
export function browserLanguage(): Language {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? 'en';
  return preferred.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Before we know who is signed in: what this browser chose last, else what it prefers. */
export function initialLanguage(): Language {
  return storedLanguage() ?? browserLanguage();
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** Switches the UI language now and remembers it in this browser. */
export function applyLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the choice still applies for this visit.
  }
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
