import { candidate, type Candidate } from '../candidate';

/**
 * Names written in a script other than Latin (Arabic and Persian, Chinese, Ge'ez, Cyrillic, Hebrew,
 * Greek, Devanagari, …). The word lists cannot vouch for them, so every run of such letters (words
 * joined by single spaces or hyphens) becomes a proposal the officer must decide on: fail closed,
 * since the bundle check only blocks what the detectors find. One pass of a regular expression
 * whose parts cannot match the same characters, so it runs in time linear in the text.
 */
const nonLatinRun = /[^\P{L}\p{Script=Latin}][\p{M}\u200c\u200d]*(?:(?:[ \u00a0'’-]?)[^\P{L}\p{Script=Latin}][\p{M}\u200c\u200d]*)*/uy;
/**
 * No letter outside the Latin script comes before µ (U+00B5): the run is tried only where such a
 * character stands, which in Dutch notes is seldom, instead of testing the letter class everywhere.
 */
const firstNonLatinLetter = 0xb5;

export function findNonLatinRuns(text: string, out: Candidate[]): void {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < firstNonLatinLetter) continue;
    nonLatinRun.lastIndex = i;
    const m = nonLatinRun.exec(text);
    if (m === null) continue;
    // A person by default, a lower priority than any detector that knows better.
    out.push({ ...candidate(i, i + m[0].length, 'person', true), priority: 29 });
    i += m[0].length - 1;
  }
}
