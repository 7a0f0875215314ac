import { allPlaceNames, countries, countryWordForms, findMunicipality, provinceAliases, provinces } from '../../geo';
import { foldForLookup as fold } from '../../text/fold';
import { tokenise, type Token } from '../tokenise';
import generatedNames from './generated/names.json';
import { domainTerms, foreignRegions, groupsAndTerms, institutions, majorForeignCities, platforms, publicFigures } from './keep-lists';
import {
  africanFirstNames,
  asianAndEasternFirstNames,
  diasporaFirstNames,
  diasporaSurnames,
  dutchFirstNames,
  dutchSurnames,
  nameParticles,
  surnameEndings,
  titlesAfter,
  titlesBefore,
} from './name-lists';

/** A word of a phrase: the value of the phrase that ends here, and the words that may follow. */
interface PhraseNode<T> {
  value?: T;
  next?: Map<string, PhraseNode<T>>;
}

/**
 * Word sequences, looked up word by word from the first (a trie of phrase keys): the longest phrase
 * at a token is found without joining the words after it into keys to try.
 */
export class PhraseSet<T> {
  private readonly first = new Map<string, PhraseNode<T>>();

  add(phrase: string, value: T): void {
    const keys = tokenise(phrase)
      .map((t) => t.phraseKey)
      .filter(Boolean);
    if (keys.length === 0) return;
    let level = this.first;
    let node: PhraseNode<T> | undefined;
    for (const key of keys) {
      if (node) level = node.next ??= new Map<string, PhraseNode<T>>();
      node = level.get(key);
      if (!node) level.set(key, (node = {}));
    }
    node!.value ??= value;
  }

  /** Whether a phrase starts with this word (a phrase key). */
  opens(key: string): boolean {
    return this.first.has(key);
  }

  /** The longest phrase starting at tokens[i] whose words are joined by spaces or hyphens only. */
  match(tokens: readonly Token[], i: number): { length: number; value: T } | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    let node = this.first.get(first.phraseKey);
    let found: { length: number; value: T } | undefined;
    for (let n = 1; node; n++) {
      if (node.value !== undefined) found = { length: n, value: node.value };
      const next = tokens[i + n];
      if (!node.next || !next || !(next.spaceBefore || next.hyphenBefore)) break;
      node = node.next.get(next.phraseKey);
    }
    return found;
  }
}

export type KeepKind = 'geo' | 'institution' | 'platform' | 'term' | 'public';

export interface Lexicon {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** Surnames that are written after a particle (de Vries, van Dijk): "de" opens a name only before these. */
  particleSurnames: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  titlesBefore: ReadonlySet<string>;
  titlesAfter: ReadonlySet<string>;
  surnameEndings: readonly string[];
  keep: PhraseSet<KeepKind>;
  /** Keep phrases of one word, for compounds such as Tamilgemeenschap or WhatsAppgroep. */
  keepWords: ReadonlySet<string>;
  places: PhraseSet<string>;
  provinces: ReadonlySet<string>;
}

const splitList = (s: string): string[] => s.split(',').filter(Boolean);

function build(): Lexicon {
  const firstNames = new Set<string>();
  for (const n of [...splitList(generatedNames.firstNames), ...dutchFirstNames, ...diasporaFirstNames, ...africanFirstNames, ...asianAndEasternFirstNames]) {
    firstNames.add(fold(n));
  }
  const surnames = new Set<string>();
  const particleSurnames = new Set<string>(dutchSurnames.map(fold));
  for (const n of splitList(generatedNames.lastNames)) {
    // "de smet", "van damme": the last word is the part that is capitalised in running text.
    const parts = n.split(' ');
    const core = fold(parts[parts.length - 1]!);
    surnames.add(core);
    if (parts.length > 1) particleSurnames.add(core);
  }
  for (const n of [...dutchSurnames, ...diasporaSurnames]) surnames.add(fold(n));

  const keep = new PhraseSet<KeepKind>();
  // Dutch municipalities are places to redact even where they are capitals (Amsterdam) or
  // provinces (Groningen, Utrecht): the province is kept by the place detector from context.
  const dutch = (name: string) => findMunicipality(name) !== undefined;
  for (const w of countryWordForms()) if (!dutch(w)) keep.add(w, 'geo');
  // Capitals that are also first names (Sofia, Victoria, Santiago) would hide a person: not kept.
  for (const c of countries) for (const cap of c.capitals) if (!dutch(cap) && !firstNames.has(fold(cap))) keep.add(cap, 'geo');
  for (const p of [...provinces, ...Object.keys(provinceAliases)]) if (!dutch(p)) keep.add(p, 'geo');
  for (const w of [...foreignRegions, ...majorForeignCities]) keep.add(w, 'geo');
  for (const w of institutions) keep.add(w, 'institution');
  for (const w of platforms) keep.add(w, 'platform');
  for (const w of [...groupsAndTerms, ...domainTerms]) keep.add(w, 'term');
  for (const w of publicFigures) keep.add(w, 'public');

  const keepWords = new Set<string>();
  for (const w of [...countryWordForms(), ...institutions, ...platforms, ...groupsAndTerms, ...foreignRegions]) {
    if (!/[\s-]/.test(w)) keepWords.add(fold(w));
  }

  const places = new PhraseSet<string>();
  for (const name of allPlaceNames()) places.add(name, name);

  return {
    firstNames,
    surnames,
    particleSurnames,
    particles: new Set(nameParticles.map(fold)),
    titlesBefore: new Set(titlesBefore.map(fold)),
    titlesAfter: new Set(titlesAfter.map(fold)),
    surnameEndings: surnameEndings.map(fold),
    keep,
    keepWords,
    places,
    provinces: new Set([...provinces, ...Object.keys(provinceAliases)].map(fold)),
  };
}

let lexicon: Lexicon | null = null;

/** Built on first use: a few milliseconds, then shared by every call. */
export function getLexicon(): Lexicon {
  lexicon ??= build();
  return lexicon;
}
