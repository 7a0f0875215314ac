import { countries, inflectAdjective, type Country } from './countries';
import { municipalities, municipalityAliases, type Municipality } from './municipalities';
import { placeKey } from './normalise';
import { neighbourhoods, towns } from './places';
import { provinceAliases, provinces, type Province } from './provinces';

const municipalityByKey = new Map<string, Municipality>();
// "Bergen (NH.)" keys as "bergen nh"; the bare "Bergen" goes through the aliases.
for (const m of municipalities) municipalityByKey.set(placeKey(m.name), m);
const byName = new Map(municipalities.map((m) => [m.name, m]));
for (const [alias, name] of Object.entries(municipalityAliases)) {
  const target = byName.get(name);
  if (target && !municipalityByKey.has(placeKey(alias))) municipalityByKey.set(placeKey(alias), target);
}

/**
 * The municipality a name refers to, by its CBS name or a common name ("Den Haag", "Den Bosch"),
 * ignoring case and diacritics. Towns inside a municipality are not municipalities: see findPlace.
 */
export function findMunicipality(name: string): { name: string; province: Province } | undefined {
  return municipalityByKey.get(placeKey(name));
}

const provinceByKey = new Map<string, Province>(provinces.map((p) => [placeKey(p), p]));
for (const [alias, p] of Object.entries(provinceAliases)) provinceByKey.set(placeKey(alias), p);

export function findProvince(name: string): Province | undefined {
  return provinceByKey.get(placeKey(name));
}

export type PlaceKind = 'municipality' | 'town' | 'neighbourhood';

export interface PlaceMatch {
  /** The name as listed. */
  name: string;
  kind: PlaceKind;
  /** The municipality the place lies in (itself for a municipality). */
  municipality: string;
  province: Province;
}

const placeByKey = new Map<string, PlaceMatch>();
for (const m of municipalities) placeByKey.set(placeKey(m.name), { name: m.name, kind: 'municipality', municipality: m.name, province: m.province });
for (const [key, m] of municipalityByKey) {
  if (!placeByKey.has(key)) placeByKey.set(key, { name: m.name, kind: 'municipality', municipality: m.name, province: m.province });
}
for (const p of [...towns, ...neighbourhoods]) {
  const m = findMunicipality(p.within);
  const key = placeKey(p.name);
  if (m && !placeByKey.has(key)) placeByKey.set(key, { name: p.name, kind: p.kind, municipality: m.name, province: m.province });
}

/** A Dutch place below province level: a municipality, a listed town or a listed neighbourhood. */
export function findPlace(name: string): PlaceMatch | undefined {
  return placeByKey.get(placeKey(name));
}

/** Every listed Dutch place below province level with the names it is found by. */
export function allPlaceNames(): readonly string[] {
  return [...municipalities.map((m) => m.name), ...Object.keys(municipalityAliases), ...towns.map((t) => t.name), ...neighbourhoods.map((n) => n.name)];
}

const countryByKey = new Map<string, Country>();
for (const c of countries) {
  for (const n of [...c.namesNl, ...c.namesEn, c.code]) {
    const key = placeKey(n);
    if (!countryByKey.has(key)) countryByKey.set(key, c);
  }
}

/** A country by its Dutch or English name or ISO 3166-1 alpha-2 code. */
export function findCountry(name: string): Country | undefined {
  return countryByKey.get(placeKey(name));
}

/**
 * Every word form that names a country, its capital or its people: names, capitals, adjectives
 * (base and inflected), Dutch demonyms and English adjectives. Used to keep them readable.
 */
export function countryWordForms(): readonly string[] {
  const forms = new Set<string>();
  for (const c of countries) {
    for (const s of [...c.namesNl, ...c.namesEn, ...c.capitals, ...c.adjectivesEn, ...c.demonymsNl]) forms.add(s);
    for (const a of c.adjectivesNl) {
      forms.add(a);
      forms.add(inflectAdjective(a));
    }
  }
  return [...forms];
}
