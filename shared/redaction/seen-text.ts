import { forgetLowered } from './detectors/patterns';
import { forgetCompounds } from './lexicon/dutch-words';
import { forgetSeenWords } from './tokenise';

/**
 * The detectors remember words of the texts they read (their forms, whether a long word is a
 * compound, the last text lowered), because notes repeat their words. Those words are names and
 * places: when the vault locks, the process forgets them, as it forgets everything else it read.
 * Returns how many entries were held (0 when nothing was).
 */
export function forgetSeenText(): number {
  return forgetSeenWords() + forgetCompounds() + forgetLowered();
}
