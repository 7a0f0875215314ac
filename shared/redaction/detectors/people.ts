import { candidate, type Candidate } from '../candidate';
import { isDutchWord } from '../lexicon/dutch-words';
import { getLexicon, type Lexicon } from '../lexicon/lexicon';
import type { Token } from '../tokenise';
import { adjacent, FREE, KEPT, markTaken, nameKeyOf, possessiveLength, previousIndex, SPANNED, type TokenState } from './context';
import {
  Fact,
  isDutchName,
  isFirstName,
  isFirstNameKey,
  isParticle,
  isParticleSurname,
  isSurname,
  isTitleAfter,
  isTitleBefore,
  remembered,
} from './word-facts';

/**
 * Person names. A name is a run of name words (with initials and particles between them); how sure
 * a word is depends on the evidence:
 *  - strong: capitalised and not a Dutch word, or a listed first name or surname that is not a
 *    Dutch word, or a surname ending typical of the communities concerned (-oğlu, -zadeh, -ov);
 *  - weak: a listed name that is also a Dutch word (Bakker, Visser, Roos): a name only mid-sentence
 *    or beside a title, an initial, a particle or a first name;
 * Lower-case names (hasty notes) count when the word is a listed name and not a Dutch word.
 */

const enum Evidence {
  None = 0,
  Weak = 1,
  Strong = 2,
}

/** Abbreviations and note words that are capitalised and not in the word list, but never a name. */
const notNames = new Set([
  'geb',
  'tel',
  'mob',
  'nr',
  'bijv',
  'ivm',
  'evt',
  'mbt',
  'nav',
  'dwz',
  'ca',
  'zgn',
  'resp',
  'mvg',
  'gr',
  'ps',
  'nb',
  'aub',
  'svp',
  'tav',
  'obv',
  'oa',
  'wrs',
  'lft',
  'incl',
  'excl',
  'max',
  'min',
  'etc',
  'ok',
  'oke',
  'okay',
  'hoi',
  'whatsappgroep',
  'groepsapp',
  'app',
  'appje',
  'sms',
  'email',
  'mail',
  'follow',
  'update',
  'info',
  'contact',
  'nvt',
  'tbv',
  'cq',
  'mn',
  'vlgs',
]);

/** Places are where these words point; persons are the default. */
const placePrepositions = new Set(['in', 'uit', 'te', 'nabij', 'vanuit', 'rond', 'richting', 'naar', 'omgeving', 'regio']);
const placeNouns = new Set([
  'dorp',
  'dorpje',
  'stad',
  'stadje',
  'wijk',
  'buurt',
  'plaats',
  'woonplaats',
  'gemeente',
  'district',
  'streek',
  'provincie',
  'regio',
]);
const articles = new Set(['de', 'het', 'een', 'zijn', 'haar']);
/** Forms of address after which a capitalised word is a name even if it is also a kept word (de heer Türkmen). */
const formalTitles = new Set([
  'meneer',
  'mijnheer',
  'mevrouw',
  'heer',
  'dhr',
  'mw',
  'mevr',
  'mej',
  'juffrouw',
  'mr',
  'dr',
  'imam',
  'sjeik',
  'pastoor',
  'dominee',
]);
/** Words after which a lower-case unknown word in a hasty note is a name: "gesproken met yuhan". */
const nameCues = new Set(['met', 'volgens', 'namens']);

function hasNameEnding(key: string, lex: Lexicon): boolean {
  return key.length >= 6 && lex.surnameEndings.some((e) => key.endsWith(e));
}

/** Longer words are no compound of a kept word: trying every split would cost their length squared. */
const maxCompoundLength = 60;

/** A compound of a kept word and a Dutch word (Tamilgemeenschap, WhatsAppgroep) is no name. */
function keptCompound(key: string, lex: Lexicon): boolean {
  if (key.length < 8 || key.length > maxCompoundLength) return false;
  for (let k = 2; k <= key.length - 4; k++) {
    if (lex.keepWords.has(key.slice(0, k)) && isDutchWord(key.slice(k).replace(/^-/, ''))) return true;
  }
  return false;
}

/** How much a capitalised word looks like part of a name, on its own. */
function workOutCapitalEvidence(t: Token): Evidence {
  if (!t.cap || t.hasDigit) return Evidence.None;
  const lex = getLexicon();
  const key = nameKeyOf(t);
  if (notNames.has(key) || lex.particles.has(key) || lex.titlesBefore.has(key)) return Evidence.None;
  const listed = lex.firstNames.has(key) || lex.surnames.has(key);
  if (t.allCaps && !listed) return Evidence.None;
  const word = isDutchName(t);
  if (!word) return key.length >= 2 && !keptCompound(key, lex) ? Evidence.Strong : Evidence.None;
  if (listed || hasNameEnding(key, lex)) return Evidence.Weak;
  return Evidence.None;
}

const strongName = (t: Token): boolean => workOutCapitalEvidence(t) === Evidence.Strong;
const weakName = (t: Token): boolean => workOutCapitalEvidence(t) === Evidence.Weak;

function capitalEvidence(t: Token): Evidence {
  if (!t.cap || t.hasDigit) return Evidence.None;
  if (remembered(t, Fact.strongName, strongName)) return Evidence.Strong;
  return remembered(t, Fact.weakName, weakName) ? Evidence.Weak : Evidence.None;
}

/** A lower-case word that is a listed name and no Dutch word (karim, fatima, haddad). */
function workOutLowerCaseName(t: Token): boolean {
  if (t.cap || t.hasDigit || t.text.length < 3) return false;
  const lex = getLexicon();
  const key = nameKeyOf(t);
  if (notNames.has(key) || lex.particles.has(key)) return false;
  return (lex.firstNames.has(key) || (key.length >= 4 && lex.surnames.has(key))) && !isDutchName(t);
}
const lowerCaseName = (t: Token): boolean => remembered(t, Fact.lowerCaseName, workOutLowerCaseName);

interface Run {
  from: number;
  to: number;
  strong: number;
  weak: number;
  initials: number;
  firstNames: number;
  particles: number;
  lower: number;
}

/** A lower-case word that is no Dutch word, after "met", "volgens" (met yuhan gesproken). */
function workOutUnknownLowerWord(t: Token): boolean {
  const lex = getLexicon();
  return !t.cap && !t.hasDigit && t.text.length >= 3 && !notNames.has(t.key) && !lex.titlesBefore.has(t.key) && !lex.particles.has(t.key) && !isDutchName(t);
}
const unknownLowerWord = (t: Token): boolean => remembered(t, Fact.unknownLowerWord, workOutUnknownLowerWord);

/** A capitalised word that belongs to a name after a title, an initial or a first name (De Groot). */
function workOutNameWordAfterName(t: Token): boolean {
  const key = nameKeyOf(t);
  return t.cap && !t.hasDigit && !t.allCaps && !notNames.has(key) && !getLexicon().titlesBefore.has(key);
}
const nameWordAfterName = (t: Token): boolean => remembered(t, Fact.nameWordAfterName, workOutNameWordAfterName);

/**
 * The most tokens one name takes (mw. A.B.C. van der Berg-de Vries has eight). A longer run of
 * name-like words (a list, a table of initials) is cut into names of at most this length, so that
 * looking for a run costs the same wherever it starts.
 */
export const maxNameTokens = 12;

/** The longest run of name parts from token i. */
function runFrom(state: TokenState, i: number, afterTitle: boolean, afterCue = false): Run | null {
  const { tokens, taken } = state;
  const run: Run = { from: i, to: i, strong: 0, weak: 0, initials: 0, firstNames: 0, particles: 0, lower: 0 };
  const limit = Math.min(tokens.length, i + maxNameTokens);
  let j = i;
  while (j < limit && taken[j] === FREE) {
    if (j > i && !adjacent(tokens, j - 1)) break;
    const t = tokens[j]!;
    if (t.initial) {
      run.initials++;
      j++;
      run.to = j;
      continue;
    }
    // Particles (de, van der, El, Al) count between name words, after a title, before a surname
    // written with one (de Vries, van Dijk), or capitalised at the start of a name (El Amrani).
    if (isParticle(t) && t.text.length <= 4) {
      let k = j;
      while (k < limit && isParticle(tokens[k]!) && adjacent(tokens, k)) k++;
      const next = tokens[k];
      const nextOk = next !== undefined && k > j && k < limit && next.cap && !next.hasDigit && taken[k] === FREE;
      // After a title only a capitalised particle opens the name (Mevrouw De Groot); "oom van Hussein" is
      // the uncle of Hussein.
      const inside = run.to > run.from || (afterTitle && t.cap);
      const opens = t.cap ? nextOk && capitalEvidence(next) !== Evidence.None : nextOk && isParticleSurname(next);
      if (nextOk && (inside || opens)) {
        run.particles += k - j;
        j = k;
        continue;
      }
      break;
    }
    const ev = capitalEvidence(t);
    if (ev === Evidence.Strong) run.strong++;
    else if (ev === Evidence.Weak) run.weak++;
    else if ((run.to > run.from || afterTitle) && nameWordAfterName(t)) {
      run.weak++;
    } else if (lowerCaseName(t) || ((afterTitle || afterCue || run.lower > 0) && unknownLowerWord(t))) {
      run.lower++;
    } else break;
    if (isFirstName(t)) run.firstNames++;
    j++;
    run.to = j;
    const after = tokens[j];
    if (after !== undefined && isTitleAfter(after)) break;
  }
  // A run never ends on a particle.
  return run.to > run.from ? run : null;
}

function acceptable(run: Run, tokens: readonly Token[], afterTitle: boolean, text: string): boolean {
  const words = run.strong + run.weak + run.lower;
  if (words === 0) return false;
  if (afterTitle || run.strong > 0 || run.lower > 0) return true;
  // Only weak words (Bakker, Roos): a name with an initial, particle or first name, or mid-sentence,
  // but not the tail of a compound (Utrecht-Oost).
  if (run.initials > 0 || run.particles > 0 || words >= 2) return true;
  if (tokens[run.from]!.hyphenBefore) return false;
  // At the start of a sentence a weak word needs an age after it: "Lien (65) wil anoniem blijven".
  return !tokens[run.from]!.sentenceStart || /^\s*\(\d{1,3}\)/.test(text.slice(tokens[run.to - 1]!.end, tokens[run.to - 1]!.end + 8));
}

/** Whether an unknown capitalised word stands where a place would (in X, uit X, het dorp X). */
function placeContext(tokens: readonly Token[], i: number): boolean {
  const p = previousIndex(tokens, i, articles);
  if (p < 0) return false;
  return placePrepositions.has(tokens[p]!.key) || placeNouns.has(tokens[p]!.key);
}

export function findPeople(text: string, state: TokenState, out: Candidate[], unknownPlaces: Candidate[]): void {
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    const prev = tokens[i - 1];
    const t = tokens[i]!;
    if (
      taken[i] === KEPT &&
      prev &&
      formalTitles.has(prev.key) &&
      adjacent(tokens, i - 1) &&
      t.cap &&
      !t.allCaps &&
      taken[i - 1] === FREE &&
      taken[i + 1] !== KEPT
    ) {
      out.push(candidate(t.start, t.end - possessiveLength(t), 'person'));
      taken[i] = SPANNED;
      continue;
    }
    if (taken[i] !== FREE) continue;
    const afterTitle = prev !== undefined && taken[i - 1] !== SPANNED && isTitleBefore(prev) && adjacent(tokens, i - 1);
    const afterCue = prev !== undefined && nameCues.has(prev.key) && prev.end + 1 === t.start && taken[i - 1] === FREE;
    // Most words are lower case and no name: a quick test before building a run.
    if (!t.cap && !afterTitle && !afterCue && !isParticle(t) && !isFirstNameKey(t) && !isSurname(t)) continue;
    const run = runFrom(state, i, afterTitle, afterCue);
    if (!run || !acceptable(run, tokens, afterTitle, text)) continue;
    const first = tokens[run.from]!;
    const last = tokens[run.to - 1]!;
    const end = last.end - possessiveLength(last);
    // A single unknown word after "in", "uit", "het dorp" is a place, not a person.
    const single = run.to - run.from === 1 && run.strong === 1 && run.firstNames === 0 && !afterTitle;
    if (single && !isSurname(first) && placeContext(tokens, run.from)) {
      unknownPlaces.push(candidate(first.start, end, 'place'));
    } else {
      out.push(candidate(first.start, end, 'person'));
    }
    markTaken(state, run.from, run.to, SPANNED);
    // An honorific after the name (Ahmet Bey, Ayşe Hanım) stays readable, as titles before it do.
    if (run.to < tokens.length && isTitleAfter(tokens[run.to]!) && taken[run.to] === FREE) taken[run.to] = KEPT;
    i = run.to - 1;
  }
}

/**
 * Other mentions of a name already found: "Karim Haddad … Haddad ontkent". A word that is also a
 * Dutch word (Bakker) is only taken where it is capitalised.
 */
export function propagateNames(state: TokenState, people: readonly Candidate[], out: Candidate[]): void {
  if (people.length === 0) return;
  const lex = getLexicon();
  const { tokens, taken } = state;
  const names = new Map<string, boolean>();
  let p = 0;
  for (const t of tokens) {
    while (p < people.length && people[p]!.end <= t.start) p++;
    const span = people[p];
    if (!span || t.start < span.start || t.end > span.end + 2) continue;
    const key = nameKeyOf(t);
    if (t.initial || key.length < 3 || lex.particles.has(key) || lex.titlesBefore.has(key)) continue;
    names.set(key, isDutchName(t));
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] !== FREE) continue;
    const word = names.get(nameKeyOf(t));
    if (word === undefined || (word && !t.cap)) continue;
    out.push(candidate(t.start, t.end - possessiveLength(t), 'person'));
    taken[i] = SPANNED;
  }
}

/** A listed first name that may open a name found after it, also when it is a Dutch or kept word (Noor, roos). */
function joinableFirstName(state: TokenState, f: number): boolean {
  const first = state.tokens[f];
  return first !== undefined && (state.taken[f] === FREE || state.taken[f] === KEPT) && !first.hasDigit && isFirstName(first);
}

/**
 * First names the other rules leave out beside a name they found: one written just before it
 * ("sara haddad", "Noor Haddad" where Noor is also a nationality), and one joined to it by "en" or
 * "&" ("Sara en Noor Haddad", "Roos & Kees Bakker", "noor en karim"). The name beside it says what
 * the word is. People must be sorted; they stay so.
 */
export function findJoinedFirstNames(text: string, state: TokenState, people: Candidate[]): void {
  const { tokens, taken } = state;
  const found: Candidate[] = [];
  let p = 0;
  for (let i = 1; i < tokens.length; i++) {
    while (p < people.length && people[p]!.start < tokens[i]!.start) p++;
    const person = people[p];
    if (person?.start !== tokens[i]!.start || person.category !== 'person') continue;
    let head = i;
    if (tokens[i]!.spaceBefore && joinableFirstName(state, i - 1) && (tokens[i - 1]!.cap || !tokens[i]!.cap)) {
      head = i - 1;
      person.start = tokens[head]!.start;
      taken[head] = SPANNED;
    }
    let f = head - 1;
    if (f < 0) continue;
    if (tokens[f]!.key === 'en' && tokens[head]!.spaceBefore && tokens[f]!.spaceBefore) f--;
    else if (text.slice(tokens[f]!.end, tokens[head]!.start) !== ' & ') continue;
    if (f < 0 || !joinableFirstName(state, f)) continue;
    const first = tokens[f]!;
    found.push(candidate(first.start, first.end - possessiveLength(first), 'person'));
    taken[f] = SPANNED;
  }
  if (found.length === 0) return;
  people.push(...found);
  people.sort((a, b) => a.start - b.start);
}
