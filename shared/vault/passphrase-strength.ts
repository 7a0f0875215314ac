import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as dutchDictionary } from '@zxcvbn-ts/language-nl-be';

/**
 * The one rule for a new passphrase, used by the UI while the user types and by the core wherever
 * a passphrase is set (setup, change, recovery, `obi vault init`): at least 12 characters, and a
 * zxcvbn strength of at least 3 of 4 with Dutch and common dictionaries, so that a long but
 * guessable passphrase (`aaaaaaaaaaaa`, `wachtwoord123`) is refused.
 */
export const minPassphraseLength = 12;
export const maxPassphraseLength = 1024;
export const minPassphraseScore = 3;
/**
 * zxcvbn's matching grows faster than the text (seconds at 1 000 characters), so it judges the
 * first 64 characters: a passphrase must be strong within them, and every keystroke stays quick.
 */
const judgedLength = 64;

/** zxcvbn's warning and suggestion codes; the UI translates them (passphrase.warning.*, passphrase.suggestion.*). */
export const passphraseWarnings = [
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
] as const;
export const passphraseSuggestions = [
  'l33t',
  'reverseWords',
  'allUppercase',
  'capitalization',
  'dates',
  'recentYears',
  'associatedYears',
  'sequences',
  'repeated',
  'longerKeyboardPattern',
  'anotherWord',
  'useWords',
] as const;
export type PassphraseWarning = (typeof passphraseWarnings)[number];
export type PassphraseSuggestion = (typeof passphraseSuggestions)[number];

export interface PassphraseStrength {
  ok: boolean;
  problem: 'tooShort' | 'tooWeak' | null;
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: PassphraseWarning | null;
  suggestions: PassphraseSuggestion[];
}

let estimator: ZxcvbnFactory | undefined;

/**
 * Builds the dictionaries once (a few hundred milliseconds); the UI calls it when a form opens so
 * that the first keystroke does not wait. zxcvbn reports its codes as they are when no
 * translations are given, which is what we want: the texts live in our i18n files.
 */
export function prepareStrengthEstimator(): void {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary, ...dutchDictionary }, graphs: adjacencyGraphs, maxLength: judgedLength });
}

const isWarning = (code: string | null): code is PassphraseWarning => (passphraseWarnings as readonly string[]).includes(code ?? '');
const isSuggestion = (code: string): code is PassphraseSuggestion => (passphraseSuggestions as readonly string[]).includes(code);

export function passphraseStrength(passphrase: string): PassphraseStrength {
  prepareStrengthEstimator();
  const result = estimator!.check(passphrase);
  const tooShort = [...passphrase].length < minPassphraseLength;
  const score = tooShort ? 0 : result.score;
  const problem = tooShort ? 'tooShort' : score < minPassphraseScore ? 'tooWeak' : null;
  return {
    ok: problem === null,
    problem,
    score,
    warning: isWarning(result.feedback.warning) ? result.feedback.warning : null,
    suggestions: result.feedback.suggestions.filter(isSuggestion),
  };
}

/** What is wrong with a new passphrase, in English for the core, the CLI and the contract; null when nothing is. */
export function passphraseProblemText(passphrase: string): string | null {
  if ([...passphrase].length > maxPassphraseLength) return `must be at most ${maxPassphraseLength} characters`;
  const strength = passphraseStrength(passphrase);
  if (strength.problem === 'tooShort') return `must be at least ${minPassphraseLength} characters`;
  if (strength.problem === 'tooWeak') {
    return `is too easy to guess (strength ${strength.score} of 4, at least ${minPassphraseScore} needed): a sentence of four or more words is strong`;
  }
  return null;
}
