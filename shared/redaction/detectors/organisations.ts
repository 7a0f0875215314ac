import { findCountry } from '../../geo';
import { candidate, type Candidate } from '../candidate';
import { getLexicon } from '../lexicon/lexicon';
import type { Token } from '../tokenise';
import { adjacent, FREE, KEPT, markTaken, SPANNED, type TokenState } from './context';

/**
 * Names of organisations that may point to a small group of people: a named association,
 * foundation, mosque, church or shop. Always flagged for the officer's decision: a local
 * association should go, a national body may stay. The span holds the name only, so the kind of
 * organisation (stichting, moskee) stays readable: "stichting [ORGANISATIE-1]".
 */

/** Words for a kind of organisation that stand before its name: stichting Al Amal. */
const kindsBefore = new Set([
  'stichting',
  'vereniging',
  'moskee',
  'kerk',
  'kerkgemeenschap',
  'gemeenschap',
  'centrum',
  'federatie',
  'platform',
  'comité',
  'comite',
  'associatie',
  'dernek',
  'vakfi',
  'vakif',
  'cemevi',
  'masjid',
  'gurdwara',
  'tempel',
  'school',
  'weekendschool',
  'koranschool',
  'sportclub',
  'voetbalclub',
  'club',
  'studentenvereniging',
  'vrouwenvereniging',
  'jongerenvereniging',
  'foundation',
  'association',
  'bond',
  'broederschap',
  'zusterschap',
  'parochie',
  'winkel',
  'slagerij',
  'bakkerij',
  'supermarkt',
  'restaurant',
  'café',
  'cafe',
  'kapsalon',
  'reisbureau',
  'belwinkel',
  'bedrijf',
  'theehuis',
  'koffiehuis',
  'buurthuis',
  'jongerencentrum',
  'wijkcentrum',
  'cultureel',
  'culturele',
  'genootschap',
  'organisatie',
  'vzw',
  'stg',
]);
/** Kinds written after the name: the Mevlana-moskee, Ulu Camii, Medhane Alem kerk. */
const kindsAfter = new Set([
  'moskee',
  'camii',
  'cami',
  'kerk',
  'vereniging',
  'stichting',
  'centrum',
  'cemevi',
  'masjid',
  'mosque',
  'church',
  'tempel',
  'school',
  'club',
  'foundation',
  'association',
  'gemeenschap',
  'kerkgemeenschap',
  'federatie',
  'platform',
  'bv',
  'vof',
]);
const nameConnectors = new Set(['van', 'voor', 'de', 'het', 'der', 'en', 'al', 'el', '&']);

/**
 * The most words an organisation's name has (Stichting Vrienden van de Eritrese Gemeenschap in
 * Nederland has eight); a longer run of capitalised words is not looked at further, so that each
 * word costs the same.
 */
const maxNameWords = 10;

/** A run of capitalised words, with connectors between them (Vrienden van Asmara, Al Amal). */
function nameRun(tokens: readonly Token[], taken: Uint8Array, i: number): number {
  let j = i;
  let end = i;
  const limit = Math.min(tokens.length, i + maxNameWords);
  while (j < limit && (taken[j] === FREE || taken[j] === KEPT)) {
    if (j > i && !adjacent(tokens, j - 1)) break;
    const t = tokens[j]!;
    if (t.cap && !t.hasDigit) {
      j++;
      end = j;
    } else if (j > i && nameConnectors.has(t.key) && tokens[j + 1]?.cap) j++;
    else break;
  }
  return end;
}

function namesInstitution(tokens: readonly Token[], from: number, to: number): boolean {
  const { keep } = getLexicon();
  for (let k = from; k < to; k++) {
    const m = keep.match(tokens, k);
    if (m && m.value !== 'geo' && m.value !== 'term') return true;
  }
  return false;
}

function allKept(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken[k] !== KEPT) return false;
  return true;
}

const quoted = /^\s*["'“‘„]([^"'”’\n]{2,60})["'”’]/u;

export function findOrganisations(text: string, state: TokenState, out: Candidate[]): void {
  const lex = getLexicon();
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] !== FREE) continue;
    // Kind first: "stichting Al Amal", "Stichting Vrienden van Asmara", 'vereniging "De Brug"'.
    if (kindsBefore.has(t.key)) {
      const q = quoted.exec(text.slice(t.end, t.end + 70));
      if (q) {
        const start = t.end + q[0].indexOf(q[1]!);
        out.push(candidate(start, start + q[1]!.length, 'organisation', true));
        let j = i + 1;
        while (j < tokens.length && tokens[j]!.start < start + q[1]!.length) j++;
        markTaken(state, i + 1, j, SPANNED);
        i = j - 1;
        continue;
      }
      let from = i + 1;
      while (from < tokens.length && from < i + 3 && kindsBefore.has(tokens[from]!.key) && adjacent(tokens, from - 1)) from++;
      if (from >= tokens.length || !adjacent(tokens, from - 1) || !tokens[from]!.cap) continue;
      const to = nameRun(tokens, taken, from);
      // After "stichting" a name of kept words is still a name (stichting Tigray Nederland), unless
      // it names a state body or platform (moskee van de Diyanet).
      if (to <= from || namesInstitution(tokens, from, to) || (to - from === 1 && findCountry(tokens[from]!.text))) continue;
      if (to - from === 1 && lex.places.match(tokens, from)?.length === 1) continue;
      out.push(candidate(tokens[from]!.start, tokens[to - 1]!.end, 'organisation', true));
      markTaken(state, from, to, SPANNED);
      i = to - 1;
      continue;
    }
    // Name first: "Mevlana-moskee", "Ulu Camii", "Medhane Alem kerk".
    if (!t.cap || t.hasDigit || t.allCaps) continue;
    const to = nameRun(tokens, taken, i);
    const kind = tokens[to];
    if (!kind || !kindsAfter.has(kind.key) || !adjacent(tokens, to - 1) || allKept(taken, i, to)) continue;
    // "De Turkse moskee" is no name; "Eritrees-orthodoxe kerk" neither (kept words).
    let from = i;
    while (from < to && (taken[from] === KEPT || (tokens[from]!.sentenceStart && (tokens[from]!.key === 'de' || tokens[from]!.key === 'het')))) from++;
    if (from >= to) continue;
    out.push(candidate(tokens[from]!.start, tokens[to - 1]!.end, 'organisation', true));
    markTaken(state, from, to, SPANNED);
    i = to - 1;
  }
}
