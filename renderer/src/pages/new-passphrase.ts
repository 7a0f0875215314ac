import { passphraseStrength, type PassphraseStrength } from '../../../shared/vault/passphrase-strength';

/** Client-side checks of a new passphrase pair with the rule the core applies (shared/vault/passphrase-strength.ts). */
export interface NewPassphraseCheck {
  strength: PassphraseStrength;
  next: 'passphrase.tooShort' | 'passphrase.tooWeak' | null;
  repeat: 'passphrase.mismatch' | null;
}

let last: { text: string; strength: PassphraseStrength } | undefined;

/** Forms render on every keystroke in any field; the estimate is made again only when the passphrase changed. */
function strengthOf(text: string): PassphraseStrength {
  if (last?.text !== text) last = { text, strength: passphraseStrength(text) };
  return last.strength;
}

export function newPassphraseErrors(next: string, repeat: string): NewPassphraseCheck {
  const strength = strengthOf(next);
  return {
    strength,
    next: strength.problem ? `passphrase.${strength.problem}` : null,
    repeat: next !== repeat ? 'passphrase.mismatch' : null,
  };
}
