import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { candidate, type Candidate } from '../candidate';

/**
 * Detectors for data with a fixed shape: e-mail, URLs and handles, phone numbers, postcodes, BSN,
 * IBAN, licence plates, document numbers and dates. Each regular expression is linear (no nested
 * quantifiers over the same characters), so the whole text is scanned in one pass per pattern.
 */

/**
 * Whether the character before position i is one of `chars` (a single-character pattern). The
 * patterns below start with the characters they match rather than with a look-behind, so that the
 * engine can skip ordinary text quickly; this check takes the look-behind's place.
 */
function touches(text: string, i: number, chars: RegExp): boolean {
  return i > 0 && chars.test(text[i - 1]!);
}
const letterOrDigit = /[\p{L}\d]/u;

let lowered: { text: string; lower: string } = { text: '', lower: '' };

/** Forgets the last text lowered; returns 1 when one was held. */
export function forgetLowered(): number {
  const held = lowered.text === '' ? 0 : 1;
  lowered = { text: '', lower: '' };
  return held;
}

/**
 * One search for any of the words (lower case) in a text, for `mentions`: a single pass, where a
 * search per word would read the text once for each.
 */
export const anyOf = (words: readonly string[]): RegExp => new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'));

/** Whether the text mentions one of the words searched for (see anyOf), to skip a costly pattern when not. */
export function mentions(text: string, words: RegExp): boolean {
  if (lowered.text !== text) lowered = { text, lower: text.toLowerCase() };
  return words.test(lowered.lower);
}

/**
 * The matches that `text.matchAll` would give for `opening` followed by `rest`, where `opening` is
 * a zero-width assertion (\b, a look-behind) and `rest` never matches the empty string. An engine
 * tries a pattern that opens with an assertion at every position of the text, while it skips
 * quickly to where `rest` may start; the assertion is then checked where `rest` matched. `rest` is
 * global and `opening` sticky, both with the original's other flags.
 */
export function matchesAfter(text: string, opening: RegExp, rest: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  rest.lastIndex = 0;
  for (let m = rest.exec(text); m !== null; m = rest.exec(text)) {
    opening.lastIndex = m.index;
    if (opening.test(text)) out.push(m);
    else rest.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return out;
}
const wordBoundary = /\b/iuy;
/** Not after a letter: the look-behind (?<![\p{L}]). */
export const notAfterLetter = /(?<![\p{L}])/iuy;

const tlds =
  'nl|com|org|net|be|de|eu|info|io|me|tr|ma|ir|ru|cn|uk|fr|tv|app|co|gov|edu|biz|online|site|xyz|news|ly|gl|cc|to|es|it|ch|at|se|dk|no|pl|ua|er|et|so|af|pk|sy|iq|eg|dz|tn|sa|ae|qa|us|ca|au|in|hk|tw|vn|gg|live|blog|media|tech|social|link';

// Each pattern starts at a fixed character (@, a dot before a TLD, "http", "www."), so the engine
// skips quickly over ordinary text; the part before it is found by walking back.
const emailDomain = /@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
const emailLocal = /[\p{L}\d._%+-]/u;
const webStart = /(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/giu;
const tldAt = new RegExp(String.raw`\.(?:${tlds})(?![\p{L}\d-])(?:\/[^\s<>"'()[\]]*)?`, 'giu');
const domainChar = /[\p{L}\d.-]/u;
const handle = /@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\d@])/gu;

/** Trailing punctuation belongs to the sentence, not to the URL. */
function trimUrl(s: string): string {
  let end = s.length;
  while (end > 0 && `.,;:!?'"»)]`.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** Longest local part of an e-mail address (RFC 5321) and longest domain name (RFC 1035). */
const maxLocal = 64;
const maxDomain = 253;

/** What webStart needs in the text, for `mentions`. */
const webWords = anyOf(['http', 'www.']);

function findWeb(text: string, out: Candidate[]): void {
  const at = text.includes('@');
  if (!at && !text.includes('.')) return;
  // Characters already in an e-mail address or URL: a URL inside an e-mail is not a second span.
  // The spans kept here never overlap, so marking and checking them costs the length of the text.
  const covered = new Uint8Array(text.length);
  const isCovered = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (covered[k]) return true;
    return false;
  };
  const cover = (s: number, e: number) => covered.fill(1, s, e);
  for (const m of at ? text.matchAll(emailDomain) : []) {
    let start = m.index;
    while (start > 0 && m.index - start < maxLocal && emailLocal.test(text[start - 1]!)) start--;
    while (start < m.index && /[._%+-]/.test(text[start]!)) start++;
    if (start === m.index) continue;
    out.push(candidate(start, m.index + m[0].length, 'email'));
    cover(start, m.index + m[0].length);
  }
  for (const m of mentions(text, webWords) ? text.matchAll(webStart) : []) {
    if (touches(text, m.index, letterOrDigit)) continue;
    const end = m.index + trimUrl(m[0]).length;
    if (isCovered(m.index, end)) continue;
    out.push(candidate(m.index, end, 'url'));
    cover(m.index, end);
  }
  // A domain is found by walking back from its TLD, never past the previous TLD's match: each
  // character is walked over once.
  let walked = 0;
  for (const m of text.matchAll(tldAt)) {
    let start = m.index;
    const floor = Math.max(walked, m.index - maxDomain);
    walked = m.index + m[0].length;
    while (start > floor && domainChar.test(text[start - 1]!)) start--;
    while (start < m.index && /[.-]/.test(text[start]!)) start++;
    const value = trimUrl(text.slice(start, m.index + m[0].length));
    const end = start + value.length;
    if (start === m.index || text[start - 1] === '@' || isCovered(start, end)) continue;
    // A bare domain needs a name of two letters or more before its TLD, or a path (t.me/…):
    // "o.a.nl" is no domain.
    const host = value.split('/')[0]!;
    if (!value.includes('/') && !/[\p{L}\d-]{2,}\.[\p{L}]+$/u.test(host)) continue;
    out.push(candidate(start, end, 'url'));
    cover(start, end);
  }
  if (at) {
    for (const m of text.matchAll(handle)) {
      if (touches(text, m.index, /[\p{L}\d@._/]/u)) continue;
      const end = m.index + m[0].length;
      if (!isCovered(m.index, end)) out.push(candidate(m.index, end, 'handle'));
    }
  }
}

// A run of digits with the separators people put in phone numbers, starting with +, 00 or 0.
const phoneRun = /(?:\+|00)?\d(?:[ \t]{0,2}[-–./]?[ \t]{0,2}\(?0?\)?[ \t]{0,2}\d)*/gu;

function phoneDigits(run: string): string {
  return run.replace(/\(0\)/g, '').replace(/\D/g, '');
}

/** Whether the digits of a run form a phone number: Dutch (10 digits from 0) or international. */
function isPhone(run: string): boolean {
  const international = run.startsWith('+') || run.startsWith('00');
  const digits = phoneDigits(run);
  if (international) {
    const rest = run.startsWith('00') ? digits.slice(2) : digits;
    if (rest.startsWith('31')) return rest.length === 11 || (rest.length >= 9 && rest.length <= 12 && /^31(80|90)0/.test(rest));
    return rest.length >= 8 && rest.length <= 15;
  }
  if (!digits.startsWith('0') || digits.startsWith('00')) return false;
  if (/^0(800|900|90[69])/.test(digits)) return digits.length >= 8 && digits.length <= 11;
  // A Dutch number has ten digits, and is written with a separator or as one block of ten.
  return digits.length === 10 && (run.length > 10 || /^0\d{9}$/.test(run));
}

/** The most digits a phone number has (15 by E.164, with a leading 00). */
const maxPhoneDigits = 17;

/**
 * The longest prefix of a run whose digits may still form a phone number: where a run of digits
 * goes on and on (a table, "1 1 1 …"), only its first groups are tried, so each run costs time in
 * proportion to its length.
 */
function phonePrefix(run: string): string {
  let digits = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits > maxPhoneDigits) return run.slice(0, i).replace(/[ \t\-–./(]+$/, '');
  }
  return run;
}

function findPhones(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(phoneRun)) {
    if (touches(text, m.index, /[\p{L}\d+\-/.,]/u)) continue;
    let run = phonePrefix(m[0]);
    // Try the whole run, then drop trailing groups: "06 12345678 2024" holds a number and a year.
    for (;;) {
      if (isPhone(run)) {
        out.push(candidate(m.index, m.index + run.length, 'phone'));
        break;
      }
      const cut = run.search(/[ \t\-–./]+\(?\d*\)?$/);
      if (cut <= 0) break;
      run = run.slice(0, cut).replace(/[ \t\-–./(]+$/, '');
      if (!run) break;
    }
  }
}

const postcode = /([1-9]\d{3})(?:[ \u00a0]?([A-Z]{2})|([a-z]{2}))(?![\p{L}\d])/gu;
const notPostcodeLetters = new Set(['SA', 'SD', 'SS']);
const yearAcronyms = new Set(['EU', 'VN', 'NL', 'US', 'UK', 'VS', 'OM', 'ID', 'TV', 'PC', 'AM', 'PM', 'CD', 'BV', 'NV']);
const units = new Set(['km', 'kg', 'cm', 'mm', 'ml', 'gb', 'mb', 'kb', 'uu', 'pk', 'kw', 'mw', 'st', 'ste', 'de', 'en', 'jr', 'mg', 'hz']);

function findPostcodes(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(postcode)) {
    if (touches(text, m.index, /[\p{L}\d-]/u)) continue;
    const num = Number(m[1]);
    const letters = m[2] ?? m[3]!;
    if (notPostcodeLetters.has(letters.toUpperCase())) continue;
    if (m[3] !== undefined && units.has(letters)) continue;
    if (num >= 1900 && num <= 2099 && yearAcronyms.has(letters.toUpperCase())) continue;
    out.push(candidate(m.index, m.index + m[0].length, 'postcode'));
  }
}

/** The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not zero). */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

const nineDigits = /(?:\d{3}[.\s]?\d{2}[.\s]?\d{2}[.\s]?\d{2}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3})(?![\p{L}\d-]|[.,]\d)/gu;
/** After `notAfterLetter` (see matchesAfter). */
const bsnLabel =
  /(?:bsn(?:-nummer)?|burgerservicenummer|sofi-?nummer|citizen service number)(?![\p{L}])[\s:.#(-]*(?:(?:is|was|nr\.?|nummer|van \p{L}+)\s*){0,3}(\d[\d.\s]{6,11}\d)/giu;
const bsnWords = anyOf(['bsn', 'burgerservice', 'sofi', 'citizen']);

function findBsn(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(nineDigits)) {
    if (touches(text, m.index, /[\p{L}\d.\-+/]/u)) continue;
    if (passesElevenTest(m[0].replace(/\D/g, ''))) out.push(candidate(m.index, m.index + m[0].length, 'bsn'));
  }
  // With a label the number is a BSN even when a typing error breaks the 11-proef.
  if (!mentions(text, bsnWords)) return;
  for (const m of matchesAfter(text, notAfterLetter, bsnLabel)) {
    const value = m[1]!.trimEnd();
    const digits = value.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 9) continue;
    const start = m.index + m[0].length - m[1]!.length;
    out.push(candidate(start, start + value.length, 'bsn'));
  }
}

const ibanStart = /[A-Za-z]{2}\d{2}/g;
const dutchIbanShape = /^NL\d{2}[A-Z]{4}\d{10}$/;
const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** An IBAN has at most 34 characters: four, then up to eight groups of up to four. */
const maxIbanGroups = 8;

/**
 * The longest run from `start` that an IBAN may be written as: the country and check digits, then
 * two to eight groups of one to four letters or digits, a single space allowed between groups, not
 * followed by a letter or digit. Scans at most 42 characters, whatever follows.
 */
function ibanRunAt(text: string, start: number): string | null {
  let i = start + 4;
  let groups = 0;
  let best = -1;
  let block = 0;
  for (;;) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c >= 0 && isAsciiAlnum(c)) {
      block++;
      i++;
      if (groups + Math.ceil(block / 4) > maxIbanGroups) break;
      continue;
    }
    // A block ends here: a possible end of the IBAN when what follows is no letter or digit.
    groups += Math.ceil(block / 4);
    block = 0;
    if (groups >= 2 && !(c >= 0 && letterOrDigit.test(text[i]!))) best = i;
    if (c === 32 && i + 1 < text.length && isAsciiAlnum(text.charCodeAt(i + 1)) && groups < maxIbanGroups) i++;
    else break;
  }
  return best < 0 ? null : text.slice(start, best);
}

let ibanLengths: Map<string, number> | null = null;

/**
 * The part of a run that may be an IBAN: the first groups whose characters (spaces aside) number
 * what an IBAN of its country has ("NL91 ABNA 0417 1643 00 en …" → the first five groups), or
 * null. Only that part is given to the library's full check: a table of look-alikes ("AB12 AB12
 * …") would otherwise cost a check per group at every start.
 */
function ibanPart(run: string): string | null {
  ibanLengths ??= new Map(
    Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars === null ? [] : [[code, spec.chars] as [string, number]])),
  );
  const country = run.slice(0, 2).toUpperCase();
  const wanted = ibanLengths.get(country) ?? (country === 'NL' ? 18 : 0);
  let length = 0;
  for (let i = 0; i < run.length; i++) {
    if (run.charCodeAt(i) === 32) continue;
    if (++length === wanted) return i + 1 === run.length || run.charCodeAt(i + 1) === 32 ? run.slice(0, i + 1) : null;
  }
  return null;
}

function findIbans(text: string, out: Candidate[]): void {
  ibanStart.lastIndex = 0;
  for (let m = ibanStart.exec(text); m !== null; m = ibanStart.exec(text)) {
    const run = touches(text, m.index, letterOrDigit) ? null : ibanRunAt(text, m.index);
    const value = run === null ? null : ibanPart(run);
    const electronic = value === null ? '' : (electronicFormatIBAN(value) ?? '');
    // The Dutch shape first: what notes mostly hold, and cheaper than the library's full check.
    if (value !== null && (dutchIbanShape.test(electronic) || isValidIBAN(electronic))) {
      out.push(candidate(m.index, m.index + value.length, 'iban'));
      // Go on after it: the words after it may start the next IBAN.
      ibanStart.lastIndex = m.index + value.length;
    } else ibanStart.lastIndex = m.index + (run === null ? 1 : 4);
  }
}

// Dutch side codes 1–14 (X letter, 9 digit), written with hyphens, and CD plates of diplomats.
const sideCodes = new Set([
  'XX-99-99',
  '99-99-XX',
  '99-XX-99',
  'XX-99-XX',
  'XX-XX-99',
  '99-XX-XX',
  '99-XXX-9',
  '9-XXX-99',
  'XX-999-X',
  'X-999-XX',
  'XXX-99-X',
  'X-99-XXX',
  '9-XX-999',
  '999-XX-9',
]);
const plate = /[A-Z\d]{1,3}-[A-Z\d]{1,3}(?:-[A-Z\d]{1,3})?/g;
/** A character that may not touch a plate or a number on either side. */
const joins = (c: string | undefined): boolean => c !== undefined && (c === '-' || /[\p{L}\d]/u.test(c));
const diplomatic = /^CDJ?-(?:[A-Z\d]{1,3}-[A-Z\d]{1,3}|\d{2,5})$/;
/** After `wordBoundary` (see matchesAfter). */
const plateLabel =
  /(?:kenteken(?:nummer|plaat)?|nummerplaat|license plate)\b[\s:(]*(?:(?:is|was|van|met|nr\.?)\s*){0,2}([A-Z0-9]{1,3}(?:-[A-Z0-9]{1,4}){1,3}|[A-Z0-9]{5,8})(?![\p{L}\d-])/giu;

const plateWords = anyOf(['kenteken', 'nummerplaat', 'license']);

function findPlates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(plate)) {
    if (joins(text[m.index - 1]) || joins(text[m.index + m[0].length])) continue;
    const shape = m[0].replace(/[A-Z]/g, 'X').replace(/\d/g, '9');
    if (sideCodes.has(shape) || diplomatic.test(m[0])) out.push(candidate(m.index, m.index + m[0].length, 'plate'));
  }
  if (!mentions(text, plateWords)) return;
  for (const m of matchesAfter(text, wordBoundary, plateLabel)) {
    const value = m[1]!;
    if (!/\d/.test(value) || !/[A-Za-z]/.test(value) || value.replace(/[- ]/g, '').length < 5) continue;
    const start = m.index + m[0].length - value.length;
    out.push(candidate(start, start + value.length, 'plate'));
  }
}

/** After `wordBoundary` (see matchesAfter). */
const documentLabel =
  /(?:paspoort(?:nummer|nr\.?)?|pasnummer|id-kaart(?:nummer)?|identiteitskaart(?:nummer)?|identiteitsbewijs|documentnummer|verblijfsvergunning(?:snummer)?|verblijfspas|vreemdelingennummer|v-nummer|rijbewijs(?:nummer)?|rijbewijsnummer|reisdocument|vluchtelingenpaspoort|kimlik(?: no)?|nüfus|passport(?: number| no\.?)?|id number|identiteitsnummer|id-nummer|national id|nationaal id|code melli|kod-e melli|shenfenzheng|nationaal nummer|persoonsnummer)\b[\s:.#(]*(?:(?:is|was|met|nummer|nr\.?|no\.?|van (?:hem|haar)|werd)\s*){0,3}([A-Z0-9][A-Z0-9-]{4,15})(?![\p{L}\d])/giu;
// Dutch passports and identity cards: two letters, six letters or digits, one digit (no letter O).
const dutchDocument = /[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\p{L}\d])/gu;

/** A Chinese resident identity number: 17 digits and a check character (ISO 7064 MOD 11-2). */
const chineseId = /[1-9]\d{16}[\dXx](?![\p{L}\d])/gu;
function chineseIdValid(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === id[17]!.toUpperCase();
}
/** A Turkish identity number (T.C. kimlik no): 11 digits, the last two check digits. */
const turkishId = /[1-9]\d{10}(?![\p{L}\d])/gu;
function turkishIdValid(id: string): boolean {
  const d = [...id].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  return (((odd * 7 - even) % 11) + 11) % 11 === d[9] && d.slice(0, 10).reduce((a, b) => a + b, 0) % 10 === d[10];
}

/** Foreign identity numbers recognised by their check digits, without a label. */
function findForeignIds(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(chineseId)) {
    if (!touches(text, m.index, letterOrDigit) && chineseIdValid(m[0])) out.push(candidate(m.index, m.index + m[0].length, 'document'));
  }
  for (const m of text.matchAll(turkishId)) {
    if (!touches(text, m.index, /[\p{L}\d+]/u) && turkishIdValid(m[0])) out.push(candidate(m.index, m.index + m[0].length, 'document'));
  }
}

const documentWords = anyOf([
  'paspoort',
  'pasnummer',
  'id-kaart',
  'identiteit',
  'document',
  'verblijf',
  'vreemdeling',
  'v-nummer',
  'rijbewijs',
  'kimlik',
  'nüfus',
  'passport',
  'id number',
  'identiteitsnummer',
  'id-nummer',
  'national id',
  'nationaal',
  'melli',
  'shenfenzheng',
  'persoonsnummer',
]);

function findDocuments(text: string, out: Candidate[]): void {
  findForeignIds(text, out);
  const labelled = mentions(text, documentWords);
  for (const m of labelled ? matchesAfter(text, wordBoundary, documentLabel) : []) {
    const value = m[1]!;
    if ((value.match(/\d/g) ?? []).length < 2) continue;
    const start = m.index + m[0].length - value.length;
    out.push(candidate(start, start + value.length, 'document'));
  }
  for (const m of text.matchAll(dutchDocument)) {
    if (touches(text, m.index, letterOrDigit)) continue;
    if ((m[0].match(/\d/g) ?? []).length >= 3) out.push(candidate(m.index, m.index + m[0].length, 'document'));
  }
}

const months =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|june|july|october';
const weekdays = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo';
const numericDate = /(?:(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})|(\d{4})-(\d{2})-(\d{2}))(?![\p{L}\d]|[-/.]\d)/gu;
const textDate = new RegExp(String.raw`(\d{1,2})(?:e|ste|de)?\s+(?:${months})\b\.?(?:,?\s+(?:\d{4}|'\d{2}))?`, 'giu');
/** What may stand before the day: a weekday (zaterdag 14 maart), a first day (4 op 5 juni). */
const datePrefix = new RegExp(String.raw`(?:(?<![\p{L}])(?:${weekdays})\.?,?\s+)?(?:(?<![\p{L}\d])\d{1,2}\s+(?:op|en|of|tot|-)\s+)?$`, 'iu');
const birthYear = /(?:geb\.|geboren(?:\s+(?:op|in))?|geboortedatum:?|geboortejaar:?|°)\s*((?:1[89]|20)\d{2})(?![\p{L}\d]|[-/.]\d)/giu;

function validDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const birthWords = anyOf(['geb', '°']);

function findDates(text: string, out: Candidate[]): void {
  for (const m of text.matchAll(numericDate)) {
    if (touches(text, m.index, /[\p{L}\d\-/.]/u)) continue;
    const ok = m[1] !== undefined ? validDayMonth(Number(m[1]), Number(m[3])) : validDayMonth(Number(m[7]), Number(m[6]));
    if (ok) out.push(candidate(m.index, m.index + m[0].length, 'date'));
  }
  for (const m of text.matchAll(textDate)) {
    if (touches(text, m.index, letterOrDigit)) continue;
    if (Number(m[1]) < 1 || Number(m[1]) > 31) continue;
    const prefix = datePrefix.exec(text.slice(Math.max(0, m.index - 20), m.index))![0];
    out.push(candidate(m.index - prefix.length, m.index + m[0].replace(/\.$/, '').length, 'date'));
  }
  if (!mentions(text, birthWords)) return;
  for (const m of text.matchAll(birthYear)) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push(candidate(start, start + 4, 'date'));
  }
}

export function findPatterns(text: string, out: Candidate[]): void {
  findWeb(text, out);
  findIbans(text, out);
  findPhones(text, out);
  findBsn(text, out);
  findPlates(text, out);
  findDocuments(text, out);
  findPostcodes(text, out);
  findDates(text, out);
}
