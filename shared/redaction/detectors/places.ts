import { candidate, type Candidate } from '../candidate';
import { findMunicipality } from '../../geo';
import { getLexicon } from '../lexicon/lexicon';
import type { Token } from '../tokenise';
import { adjacent, FREE, KEPT, markTaken, previousIndex, SPANNED, type TokenState } from './context';
import { Fact, isDutch, isParticle, isSurnameKey, opensPlace, remembered } from './word-facts';

/**
 * Dutch places below province level from shared/geo (municipalities, towns, neighbourhoods).
 * A name that is also a Dutch word (Best, Buren, Putten, Sluis) counts only capitalised and not at
 * the start of a sentence, or after "in", "uit", "te" and the like. A name that is both a
 * municipality and a province (Groningen, Utrecht) is kept as a province when it stands in a list
 * with other provinces.
 */

const placeWords = new Set([
  'in',
  'uit',
  'te',
  'nabij',
  'vanuit',
  'rond',
  'richting',
  'naar',
  'bij',
  'gemeente',
  'regio',
  'wijk',
  'buurt',
  'dorp',
  'stad',
  'omgeving',
]);
const articles = new Set(['de', 'het']);
const districtWords = new Set(['noord', 'oost', 'zuid', 'west', 'centrum', 'midden', 'noordoost', 'noordwest', 'zuidoost', 'zuidwest']);
const listJoiners = new Set(['en', 'of']);

function inPlaceContext(tokens: readonly Token[], i: number): boolean {
  const p = previousIndex(tokens, i, articles);
  return p >= 0 && placeWords.has(tokens[p]!.key);
}

/** Groningen or Utrecht in "Fryslân, Groningen en Drenthe": the province, which stays. */
function provinceInList(tokens: readonly Token[], from: number, to: number, provinces: ReadonlySet<string>): boolean {
  const neighbour = (i: number, step: -1 | 1): boolean => {
    let j = i + step;
    if (tokens[j] && listJoiners.has(tokens[j]!.key)) j += step;
    const t = tokens[j];
    return t !== undefined && provinces.has(t.key);
  };
  return neighbour(from, -1) || neighbour(to - 1, 1);
}

export function findPlaces(text: string, state: TokenState, out: Candidate[]): void {
  const lex = getLexicon();
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    if ((taken[i] !== FREE && taken[i] !== KEPT) || !opensPlace(tokens[i]!)) continue;
    const m = lex.places.match(tokens, i);
    // A kept word starts a place only as part of a longer name (Hollands Kroon).
    if (!m || (taken[i] === KEPT && m.length === 1)) continue;
    const from = i;
    const to = i + m.length;
    // Inside a place of several words a kept word is part of the name (Bergen op Zoom).
    let free = true;
    for (let k = from + 1; k < to; k++) free &&= taken[k] === FREE || taken[k] === KEPT;
    if (!free) continue;
    const first = tokens[from]!;
    const single = m.length === 1;
    const anyCap = tokens.slice(from, to).some((t) => t.cap);
    if (single) {
      const word = isDutch(first);
      if (word) {
        // Best, Buren, Putten: only as a capitalised name where a place is expected.
        if (!first.cap || (first.sentenceStart && !inPlaceContext(tokens, from))) continue;
        if (!inPlaceContext(tokens, from) && (first.sentenceStart || tokens[from + 1]?.cap)) continue;
      } else if (!first.cap && first.text.length < 4) continue;
    } else if (!anyCap && (!inPlaceContext(tokens, from) || (tokens.slice(from, to).every(isDutch) && !findMunicipality(m.value)))) {
      // Lower case, several words: "in den haag" yes, but "in de wijk" is no village (De Wijk).
      continue;
    }
    if (
      lex.provinces.has(
        tokens
          .slice(from, to)
          .map((t) => t.key)
          .join(' '),
      ) &&
      provinceInList(tokens, from, to, lex.provinces)
    ) {
      markTaken(state, from, to, KEPT);
      i = to - 1;
      continue;
    }
    // A surname after a particle is no place: "Jan van Hoorn", "mevrouw de Vries".
    let p = from;
    while (p > 0 && p > from - 3 && adjacent(tokens, p - 1) && isParticle(tokens[p - 1]!)) p--;
    if (p < from && !inPlaceContext(tokens, p) && (tokens[p - 1]?.cap || isSurnameKey(first))) continue;
    // A district written with the city: Utrecht-Oost, Zwolle-Zuid, Rotterdam Centrum.
    let end = to;
    if (
      end < tokens.length &&
      (tokens[end]!.hyphenBefore || tokens[end]!.spaceBefore) &&
      districtWords.has(tokens[end]!.key) &&
      tokens[end]!.cap &&
      taken[end] === FREE
    )
      end++;
    out.push(candidate(first.start, tokens[end - 1]!.end, 'place'));
    markTaken(state, from, end, SPANNED);
    i = end - 1;
  }
  findPlaceAdjectives(text, state, out);
  findNeighbourhoodNames(state, out);
}

const neighbourhoodEndings = /(?:wijk|buurt|kwartier)$/;

/** Unlisted neighbourhoods by their shape: a capitalised name ending in -wijk, -buurt, -kwartier. */
function findNeighbourhoodNames(state: TokenState, out: Candidate[]): void {
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] !== FREE || !t.cap || t.sentenceStart || t.key.length < 8 || !neighbourhoodEndings.test(t.key)) continue;
    out.push(candidate(t.start, t.end, 'place'));
    taken[i] = SPANNED;
  }
}

const irregularAdjectives: Readonly<Record<string, string>> = {
  haagse: 'Den Haag',
  bossche: 'Den Bosch',
  leidse: 'Leiden',
  nijmeegse: 'Nijmegen',
  dordtse: 'Dordrecht',
  zaanse: 'Zaanstad',
  groninger: 'Groningen',
  groningse: 'Groningen',
  amsterdamse: 'Amsterdam',
  rotterdamse: 'Rotterdam',
  utrechtse: 'Utrecht',
  eindhovense: 'Eindhoven',
  tilburgse: 'Tilburg',
  bredase: 'Breda',
  almeerse: 'Almere',
  zwolse: 'Zwolle',
  goudse: 'Gouda',
  delftse: 'Delft',
  arnhemse: 'Arnhem',
  schiedamse: 'Schiedam',
  enschedese: 'Enschede',
  maastrichtse: 'Maastricht',
  haarlemse: 'Haarlem',
  amersfoortse: 'Amersfoort',
  alkmaarse: 'Alkmaar',
  apeldoornse: 'Apeldoorn',
  venlose: 'Venlo',
  helmondse: 'Helmond',
  zoetermeerse: 'Zoetermeer',
  leeuwarder: 'Leeuwarden',
  hengelose: 'Hengelo',
  lelystadse: 'Lelystad',
  amstelveense: 'Amstelveen',
  vlaardingse: 'Vlaardingen',
  dordrechtse: 'Dordrecht',
  emmense: 'Emmen',
};

/** The table's own keys only: a word that names a property of every object (Constructor) is no city. */
const placeAdjective = (t: Token): boolean => Object.hasOwn(irregularAdjectives, t.key);
/** Remembered per word, like the lexicon facts: one `in` per distinct word. */
const isPlaceAdjective = (t: Token): boolean => remembered(t, Fact.placeAdjective, placeAdjective);

/** "de Haagse moskee", "een Rotterdamse stichting": the adjective gives the city away. */
function findPlaceAdjectives(_text: string, state: TokenState, out: Candidate[]): void {
  const { tokens, taken } = state;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (taken[i] !== FREE || !t.cap || !isPlaceAdjective(t)) continue;
    out.push(candidate(t.start, t.end, 'place'));
    taken[i] = SPANNED;
  }
}
