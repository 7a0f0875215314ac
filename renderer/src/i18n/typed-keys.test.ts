import { describe, expect, it } from 'vitest';
import { i18n } from './i18n';

describe('translation keys', () => {
  it('are typed: t() takes the keys of en.json and no other (the typecheck fails on the line below otherwise)', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.t('nav.home')).toBe('Overview');
    // @ts-expect-error a key that en.json does not have does not compile
    expect(i18n.t('nav.nowhere')).toBe('nav.nowhere');
  });
});
