/** Client-side checks of a new passphrase pair, mirroring the contract (the core checks again). */
export const minPassphraseLength = 12;

export function newPassphraseErrors(next: string, repeat: string): { next: string | null; repeat: string | null } {
  return {
    next: [...next].length < minPassphraseLength ? 'passphrase.tooShort' : null,
    repeat: next !== repeat ? 'passphrase.mismatch' : null,
  };
}
