import i18next, { type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/contract/errors';
import en from './en.json';
import nl from './nl.json';

declare module 'i18next' {
  // t() takes only keys of en.json, so a typo or a removed key fails the typecheck; nl.json has the
  // same keys (electron/tooling/translations.test.ts).
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** A key of en.json, as t() takes it. */
export type TranslationKey = ParseKeys;

/** The tables of en.json whose keys are codes the core sends as plain strings. */
type CodeTable = 'events' | 'errors' | 'readiness' | 'inbox.skip' | 'exchange.floorLevel';

/**
 * The key for a code the core sends as a plain string (an audit event, a readiness problem, why an
 * inbox file was skipped): the compiler cannot know which codes arrive, the translation tests do.
 */
export const codeKey = (table: CodeTable, code: string) => `${table}.${code}` as TranslationKey;

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'obi-language';

/** The user's own choice (no content, only 'nl' or 'en'), else the policy's default. */
export function preferredLanguage(policyDefault: Language): Language {
  const stored = localStorage.getItem(storageKey);
  return stored === 'nl' || stored === 'en' ? stored : policyDefault;
}

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** The user picked a language: remember it on this computer. */
export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await applyLanguage(language);
}

export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** A translated sentence for an error from the core. */
export function errorText(error: ErrorInfo): string {
  switch (error.code) {
    case 'throttled':
      return i18next.t('errors.throttled', { seconds: Math.ceil((error.retryAfterMs ?? 0) / 1000) });
    case 'recovery_key_malformed':
      return error.groups?.length ? i18next.t('errors.recovery_key_malformed', { groups: error.groups.join(', ') }) : i18next.t('errors.recovery_key_length');
    case 'invalid_request':
      return i18next.t('errors.invalid_request', { field: error.field ?? '?' });
    default:
      return i18next.t(`errors.${error.code}`);
  }
}
