import { foldForLookup as fold } from '../text/fold';

/** The forms of a word (see WordForms) and where it stands. */
export interface Token extends Omit<WordForms, 'known' | 'facts'> {
  start: number;
  end: number;
  /** First word of a sentence, a line or a quotation: its capital says nothing. */
  sentenceStart: boolean;
  /** Joined to the previous token by a hyphen alone (Bakker-Öztürk, Mevlana-moskee). */
  hyphenBefore: boolean;
  /** Only spaces between this token and the previous one. */
  spaceBefore: boolean;
  /** A single capital followed by a full stop: an initial. */
  initial: boolean;
  /** The forms of its text, one object shared by every occurrence of the same word. */
  word: WordForms;
}

/**
 * Whether a character belongs to a word: ASCII letters and digits, and the letters of the scripts
 * names are written in (Latin with its extensions and Vietnamese, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic, Georgian, Ethiopic, CJK, Hangul) with combining marks. A scan by character code, because
 * a regular expression per word and its match object cost more than the rest of the tokeniser.
 */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x250 && c <= 0x36f) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x531 && c <= 0x58f) ||
    (c >= 0x5d0 && c <= 0x5ea) ||
    (c >= 0x600 && c <= 0x6ff && !(c >= 0x60c && c <= 0x61f) && c !== 0x6d4) ||
    (c >= 0x750 && c <= 0x77f) ||
    (c >= 0x10a0 && c <= 0x10ff) ||
    (c >= 0x1200 && c <= 0x139f) ||
    (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
const upperStart = /^\p{Lu}/u;
const hasLower = /\p{Ll}/u;

/** Character-code tests first: most words are plain ASCII, and regular expressions cost more. */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return upperStart.test(word);
}

function containsDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
/** Abbreviations after which a full stop does not end the sentence. */
const abbreviations = new Set([
  'mw',
  'mevr',
  'dhr',
  'hr',
  'mr',
  'dr',
  'drs',
  'ir',
  'ing',
  'prof',
  'ds',
  'geb',
  'st',
  'nr',
  'tel',
  'mob',
  'bijv',
  'bv',
  'ca',
  'evt',
  'ivm',
  'zgn',
  'mej',
  'jr',
  'sr',
  'zr',
  'resp',
  'vs',
  'art',
  'blz',
  'jl',
  'lft',
  'o',
  'a',
  'm',
  'b',
  't',
  'v',
  'd',
]);

const SPACE = 1;
const HYPHEN = 2;
const END = 4;
const OPEN = 8;
const DOT = 16;

/** What lies between two tokens, as flags, without copying it. */
function gapFlags(text: string, from: number, to: number): number {
  let flags = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0) flags |= SPACE;
    else if (c === 45) flags |= HYPHEN;
    else if (c === 46) flags |= DOT;
    else if (c === 40 || c === 91) flags |= OPEN;
    // ! ? : newline bullet quotes
    else if (
      c === 33 ||
      c === 63 ||
      c === 58 ||
      c === 10 ||
      c === 13 ||
      c === 0x2022 ||
      c === 42 ||
      c === 34 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x201e ||
      c === 0xab ||
      c === 0xbb
    )
      flags |= END;
    else flags |= 32;
  }
  return flags;
}

/** The end of the word starting at i: letters, digits and inner apostrophes (N'Djamena, auto's). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    if (j + 1 < text.length && isApostrophe(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j + 1))) j++;
    else return j;
  }
}

/**
 * What a token's text alone decides: its forms for the lexicons, its capitals and digits, and what
 * the detectors learnt of it (see detectors/word-facts.ts).
 */
export interface WordForms {
  text: string;
  /** Lower case, as written (for the Dutch word list). */
  lower: string;
  /** Lower case without diacritics (for names and places). */
  key: string;
  /** The key without apostrophes, as phrases are compared ('s-Gravenhage → s gravenhage). */
  phraseKey: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Two or more letters, all capitals (AIVD, PFDJ). */
  allCaps: boolean;
  hasDigit: boolean;
  /** Bits of the facts worked out so far, and which of them hold. */
  known: number;
  facts: number;
}

function formsOf(word: string): WordForms {
  const cap = startsUpper(word);
  const lower = word.toLowerCase();
  const key = fold(lower);
  return {
    text: word,
    lower,
    key,
    phraseKey: key.includes("'") || key.includes('’') ? key.replace(/['’]/g, '') : key,
    cap,
    allCaps: cap && word.length >= 2 && !hasLower.test(word),
    hasDigit: containsDigit(word),
    known: 0,
    facts: 0,
  };
}

/**
 * The forms of words already seen, shared by every call: notes repeat their words, and lowering
 * and folding each occurrence again cost more than the rest of the tokeniser. Emptied when full,
 * so that text of ever new words costs no more than without it.
 */
const seenWords = new Map<string, WordForms>();
const maxSeenWords = 20_000;

/** Forgets the words seen; returns how many were held. */
export function forgetSeenWords(): number {
  const held = seenWords.size;
  seenWords.clear();
  return held;
}

function cachedFormsOf(word: string): WordForms {
  let forms = seenWords.get(word);
  if (forms === undefined) {
    forms = formsOf(word);
    if (seenWords.size >= maxSeenWords) seenWords.clear();
    seenWords.set(word, forms);
  }
  return forms;
}

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let prev: Token | undefined;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const start = i;
    let end: number;
    if (isWordChar(c)) end = wordEnd(text, i);
    else if (
      isApostrophe(c) &&
      (text[i + 1] === 's' || text[i + 1] === 't' || text[i + 1] === 'S' || text[i + 1] === 'T') &&
      (text[i + 2] === '-' || text[i + 2] === ' ')
    ) {
      // The 's of 's-Gravenhage and 's-Hertogenbosch.
      end = i + 2;
    } else {
      i++;
      continue;
    }
    i = end;
    const forms = cachedFormsOf(text.slice(start, end));
    let sentenceStart = true;
    let hyphenBefore = false;
    let spaceBefore = false;
    if (prev) {
      const gap = gapFlags(text, prev.end, start);
      const dot = (gap & DOT) !== 0;
      // A full stop after an initial or an abbreviation (mw., geb.) does not end the sentence; a
      // line break, a colon or a quotation mark does.
      sentenceStart = (gap & END) !== 0 || (dot && !(prev.initial || abbreviations.has(prev.lower)));
      if (gap & OPEN) sentenceStart = false;
      hyphenBefore = gap === HYPHEN;
      spaceBefore = gap === SPACE;
    }
    const token: Token = {
      start,
      end,
      text: forms.text,
      lower: forms.lower,
      key: forms.key,
      phraseKey: forms.phraseKey,
      cap: forms.cap,
      allCaps: forms.allCaps,
      hasDigit: forms.hasDigit,
      sentenceStart,
      hyphenBefore,
      spaceBefore,
      initial: forms.cap && end - start === 1 && text.charCodeAt(end) === 46,
      word: forms,
    };
    tokens.push(token);
    prev = token;
  }
  return tokens;
}
