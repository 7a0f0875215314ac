import { describe, expect, it } from 'vitest';
import { minPassphraseScore, passphraseProblemText, passphraseStrength } from './passphrase-strength';

describe('passphrase strength (one rule for the UI and the core)', () => {
  it('refuses a long passphrase that is easy to guess: repeats, keyboard rows, Dutch words with digits', () => {
    expect(passphraseStrength('aaaaaaaaaaaa')).toMatchObject({ ok: false, problem: 'tooWeak', score: 0, warning: 'simpleRepeat' });
    expect(passphraseStrength('qwertyuiopas')).toMatchObject({ ok: false, problem: 'tooWeak' });
    expect(passphraseStrength('wachtwoord123')).toMatchObject({ ok: false, problem: 'tooWeak' });
    expect(passphraseStrength('123456789012')).toMatchObject({ ok: false, problem: 'tooWeak' });
  });

  it('accepts a sentence of several words', () => {
    for (const p of ['correct horse battery staple 42', 'mijn fiets staat bij het station', 'a brand new passphrase for the vault']) {
      const s = passphraseStrength(p);
      expect(s, p).toMatchObject({ ok: true, problem: null });
      expect(s.score).toBeGreaterThanOrEqual(minPassphraseScore);
    }
  });

  it('says too short before it judges the strength', () => {
    expect(passphraseStrength('Xq7#pL')).toMatchObject({ ok: false, problem: 'tooShort' });
    expect(passphraseStrength('')).toMatchObject({ ok: false, problem: 'tooShort', score: 0 });
  });

  it('words the problem for the core and the CLI without repeating the passphrase', () => {
    expect(passphraseProblemText('aaaaaaaaaaaa')).toBe('is too easy to guess (strength 0 of 4, at least 3 needed): a sentence of four or more words is strong');
    expect(passphraseProblemText('short')).toBe('must be at least 12 characters');
    expect(passphraseProblemText('correct horse battery staple 42')).toBeNull();
  });
});
