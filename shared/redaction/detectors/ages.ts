import { candidate, type Candidate } from '../candidate';
import { anyOf, matchesAfter, mentions, notAfterLetter } from './patterns';

/**
 * Ages: "34-jarige", "twaalfjarige", "45 jaar" where it says how old someone is (not "al 10 jaar in
 * Nederland"), "(42)" and "(Ethiopisch, 29)" after a person, "dochter van 12", "leeftijd: 34".
 */

const numberWords = '(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien)';
const tens = '(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd)';
const jarig = /jarige?(?![\p{L}])/giu;
/** The number before "jarige": 34-jarige, 34 jarige, twaalfjarige, eenentwintigjarige. */
const jarigNumber = new RegExp(String.raw`(?<![\p{L}\d])(?:\d{1,3}[- ]?|${numberWords}(?:en${tens})?|${tens})$`, 'iu');
const years = /(\d{1,3})\s+jaar(\s+oud)?(?![\p{L}])/giu;
/** What comes after "N jaar" when it is a duration, not an age. */
const durationAfter =
  /^\s*(?:geleden|lang|later|eerder|terug|gewerkt|gewoond|gevangenis|cel|celstraf|cel\b|in\b|bij\b|voor\b|na\b|naar\b|op\b|uit\b|getrouwd|samen|actief|lid|werkzaam|onderweg|gevlucht|bezig)/iu;
/** What comes before "N jaar" when it is a duration. */
const durationBefore =
  /(?:\b(?:al|sinds|ruim|bijna|na|voor|over|binnen|per|elke|om de|afgelopen|laatste|eerste|komende|tot|ongeveer|circa|zo'n|maar|pas|nog|ook|dan|dus|tussen|en|of|tot|met|tijdens|gedurende)\s+)$/iu;
const ageBefore = /(?:\b(?:is|was|werd|wordt|ben|bent|zijn|waren|van|leeftijd van|leeftijd|lft\.?|age)\s*:?\s*|[,(]\s*)$/iu;
const ageAfter = /^\s*(?:oud|[,;.)]|$|en\b|is\b|was\b|heeft\b|had\b|uit\b|die\b|met\b|woont\b|werkt\b|zegt\b|vertelt\b)/iu;

/** Words for people after which "(42)" or "van 12" is an age. */
const personNouns =
  'man|vrouw|melder|bron|jongen|meisje|zoon|dochter|vader|moeder|broer|zus|kind|neef|nicht|oom|tante|opa|oma|student|studente|activist|activiste|journalist|betrokkene|spreker|sprekster|echtgenoot|echtgenote|weduwe|jongere|tiener|dame|heer|persoon|slachtoffer|getuige|vluchteling|imam|leraar|lerares';
const parenAge = new RegExp(String.raw`\((?:[^()\n]{0,40},\s*)?(\d{1,3})\)`, 'gu');
/** "dochter van 12", "een vrouw van 38 jaar": the number, found first, then the person before it. */
const vanNumber = /(?:(?<![\p{L}])van|,)\s+(\d{1,3})(\s+jaar)?(?![\p{L}\d]|\s*(?:maanden|weken|dagen|uur|euro|%|keer|procent|minuten|km|kilo))/giu;
const personBefore = new RegExp(String.raw`(?<![\p{L}])(?:${personNouns})(?:\s+\p{L}+){0,2}?\s*$`, 'iu');
/**
 * "zijn zus is 40.", "de vader was 71 en ziek": a bare number after a person and a form of "zijn".
 * After `notAfterLetter` (see matchesAfter).
 */
const isNumber = /(?:is|was|wordt|werd)\s+(\d{1,3})(?=\s*(?:[.,;:)!?]|en\s|$))/giu;
const personSubject = new RegExp(String.raw`(?<![\p{L}])(?:hij|zij|ze|${personNouns})\s*$`, 'iu');
const nameSubject = /\p{Lu}[\p{L}'-]+\s*$/u;
const personMentioned = new RegExp(String.raw`(?<![\p{L}])(?:hij|zij|ze|${personNouns})(?![\p{L}])`, 'iu');
const labelAge = /(?<![\p{L}])(?:leeftijd|lft\.?|age)\s*:?\s*(\d{1,3})(?![\p{L}\d])/giu;
const personBeforeParen = new RegExp(String.raw`(?:\b(?:${personNouns})|\p{Lu}[\p{L}'-]+)\s*$`, 'u');

const bareAge = /, ?(\d{1,3}),/g;
const ageLabels = anyOf(['leeftijd', 'lft', 'age']);

function plausible(n: number): boolean {
  return n >= 1 && n <= 115;
}

/** Ages; `people` are the person spans found, sorted, so that "Ahmed (42)" is recognised. */
export function findAges(text: string, people: readonly Candidate[], out: Candidate[]): void {
  for (const m of text.matchAll(jarig)) {
    const n = jarigNumber.exec(text.slice(Math.max(0, m.index - 22), m.index));
    if (n) out.push(candidate(m.index - n[0].length, m.index + m[0].length, 'age'));
  }
  for (const m of text.matchAll(years)) {
    if (m.index > 0 && /[\p{L}\d,.]/u.test(text[m.index - 1]!)) continue;
    if (!plausible(Number(m[1]))) continue;
    const before = text.slice(Math.max(0, m.index - 25), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const isAge = m[2] !== undefined || (!durationBefore.test(before) && !durationAfter.test(after) && ageBefore.test(before) && ageAfter.test(after));
    if (isAge) out.push(candidate(m.index, m.index + m[0].length, 'age'));
  }
  const personEnds = new Set(people.map((p) => p.end));
  for (const m of text.matchAll(parenAge)) {
    const n = Number(m[1]);
    if (!plausible(n)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const trimmed = before.replace(/\s+$/, '');
    const afterPerson = personEnds.has(m.index - (before.length - trimmed.length)) || personBeforeParen.test(before);
    if (!afterPerson) continue;
    const start = m.index + m[0].length - 1 - m[1]!.length;
    out.push(candidate(start, start + m[1]!.length, 'age'));
  }
  for (const m of text.matchAll(vanNumber)) {
    if (!plausible(Number(m[1])) || !personBefore.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
    const start = m.index + m[0].length - m[1]!.length - (m[2]?.length ?? 0);
    out.push(candidate(start, m.index + m[0].length, 'age'));
  }
  for (const m of matchesAfter(text, notAfterLetter, isNumber)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    // "Zijn zus woont in Almelo en is 40": after "en" the subject is earlier in the sentence.
    const sentence = text
      .slice(Math.max(0, m.index - 120), m.index)
      .split(/[.!?\n]/)
      .pop()!;
    const subject = personSubject.test(before) || nameSubject.test(before) || (/\ben\s*$/.test(before) && personMentioned.test(sentence));
    if (!plausible(Number(m[1])) || !subject) continue;
    const start = m.index + m[0].length - m[1]!.length;
    out.push(candidate(start, start + m[1]!.length, 'age'));
  }
  // A bare age between commas right after a name: "Karim Haddad, 56, zegt …".
  for (const m of text.matchAll(bareAge)) {
    if (!plausible(Number(m[1])) || !personEnds.has(m.index)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    out.push(candidate(start, start + m[1]!.length, 'age'));
  }
  if (!mentions(text, ageLabels)) return;
  for (const m of text.matchAll(labelAge)) {
    if (!plausible(Number(m[1]))) continue;
    const start = m.index + m[0].length - m[1]!.length;
    out.push(candidate(start, start + m[1]!.length, 'age'));
  }
}
