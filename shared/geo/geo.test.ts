import { describe, expect, it } from 'vitest';
import {
  countries,
  countryWordForms,
  findCountry,
  findMunicipality,
  findPlace,
  findProvince,
  inflectAdjective,
  landsdeelOf,
  municipalities,
  municipalityAliases,
  neighbourhoods,
  provinces,
  towns,
} from './index';

describe('municipalities', () => {
  it('lists the 342 municipalities of 2025, each once, in the right number per province', () => {
    expect(municipalities).toHaveLength(342);
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(342);
    const count = (p: string) => municipalities.filter((m) => m.province === p).length;
    expect(Object.fromEntries(provinces.map((p) => [p, count(p)]))).toEqual({
      Groningen: 10,
      Fryslân: 18,
      Drenthe: 12,
      Overijssel: 25,
      Flevoland: 6,
      Gelderland: 51,
      Utrecht: 26,
      'Noord-Holland': 44,
      'Zuid-Holland': 50,
      Zeeland: 13,
      'Noord-Brabant': 56,
      Limburg: 31,
    });
  });

  it('finds a municipality by CBS name or common name, ignoring case, diacritics and punctuation', () => {
    expect(findMunicipality('den haag')).toEqual({ name: "'s-Gravenhage", province: 'Zuid-Holland' });
    expect(findMunicipality("'s-Gravenhage")?.province).toBe('Zuid-Holland');
    expect(findMunicipality('S GRAVENHAGE')?.name).toBe("'s-Gravenhage");
    expect(findMunicipality('Den Bosch')).toEqual({ name: "'s-Hertogenbosch", province: 'Noord-Brabant' });
    expect(findMunicipality('sudwest fryslan')).toEqual({ name: 'Súdwest-Fryslân', province: 'Fryslân' });
    expect(findMunicipality('Apeldoorn')?.province).toBe('Gelderland');
    expect(findMunicipality('  utrecht ')?.province).toBe('Utrecht');
    expect(findMunicipality('Bergen (L.)')?.province).toBe('Limburg');
    expect(findMunicipality('bergen nh')?.name).toBe('Bergen (NH.)');
    expect(findMunicipality('Nuenen')?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(findMunicipality('capelle a/d ijssel')?.name).toBe('Capelle aan den IJssel');
    expect(findMunicipality('Valkenburg a/d Geul')?.province).toBe('Limburg');
    expect(findMunicipality('Capelle aan den IJssel')?.province).toBe('Zuid-Holland');
  });

  it('does not take towns, provinces or countries for municipalities', () => {
    expect(findMunicipality('Hoofddorp')).toBeUndefined();
    expect(findMunicipality('Noord-Holland')).toBeUndefined();
    expect(findMunicipality('Turkije')).toBeUndefined();
    expect(findMunicipality('')).toBeUndefined();
  });

  it('has every alias point to a listed municipality', () => {
    for (const [alias, name] of Object.entries(municipalityAliases)) {
      expect(findMunicipality(name)?.name, alias).toBe(name);
      expect(findMunicipality(alias), alias).toBeDefined();
    }
  });
});

describe('provinces and landsdelen', () => {
  it('has twelve provinces in four landsdelen', () => {
    expect(provinces).toHaveLength(12);
    expect(landsdeelOf('Fryslân')).toBe('Noord');
    expect(landsdeelOf('Gelderland')).toBe('Oost');
    expect(landsdeelOf('Zeeland')).toBe('West');
    expect(landsdeelOf('Limburg')).toBe('Zuid');
    expect(new Set(provinces.map(landsdeelOf))).toEqual(new Set(['Noord', 'Oost', 'West', 'Zuid']));
  });

  it('finds provinces by official and common names', () => {
    expect(findProvince('friesland')).toBe('Fryslân');
    expect(findProvince('noord brabant')).toBe('Noord-Brabant');
    expect(findProvince('Amsterdam')).toBeUndefined();
  });
});

describe('places', () => {
  it('finds towns and neighbourhoods with their municipality and province', () => {
    expect(findPlace('Hoofddorp')).toMatchObject({ kind: 'town', municipality: 'Haarlemmermeer', province: 'Noord-Holland' });
    expect(findPlace('schilderswijk')).toMatchObject({ kind: 'neighbourhood', municipality: "'s-Gravenhage", province: 'Zuid-Holland' });
    expect(findPlace('Kanaleneiland')).toMatchObject({ kind: 'neighbourhood', province: 'Utrecht' });
    expect(findPlace('Bijlmer')?.municipality).toBe('Amsterdam');
    expect(findPlace('Den Haag')).toMatchObject({ kind: 'municipality', name: "'s-Gravenhage" });
    expect(findPlace('Turkije')).toBeUndefined();
  });

  it('places every town and neighbourhood in a listed municipality', () => {
    for (const p of [...towns, ...neighbourhoods]) {
      const within = findMunicipality(p.within) ?? findPlace(p.within);
      expect(within, `${p.name} in ${p.within}`).toBeDefined();
    }
  });
});

describe('countries', () => {
  it('has unique ISO 3166-1 alpha-2 codes and names in both languages', () => {
    expect(countries.length).toBeGreaterThan(190);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    for (const c of countries) {
      expect(c.code, c.namesEn[0]).toMatch(/^[A-Z]{2}$/);
      expect(c.namesNl.length * c.namesEn.length * c.capitals.length * c.adjectivesNl.length, c.code).toBeGreaterThan(0);
    }
  });

  it('finds a country by Dutch or English name or code', () => {
    expect(findCountry('Turkije')?.code).toBe('TR');
    expect(findCountry('eritrea')?.capitals).toContain('Asmara');
    expect(findCountry('Iran')?.adjectivesNl).toContain('Iraans');
    expect(findCountry('Morocco')?.namesNl).toContain('Marokko');
    expect(findCountry('CN')?.capitals).toContain('Peking');
  });

  it('inflects adjectives of nationality and offers every form to keep', () => {
    expect(['Turks', 'Eritrees', 'Russisch', 'Marokkaans'].map(inflectAdjective)).toEqual(['Turkse', 'Eritrese', 'Russische', 'Marokkaanse']);
    const forms = new Set(countryWordForms());
    for (const w of ['Turkije', 'Turkse', 'Eritrese', 'Marokkanen', 'Teheran', 'Ankara', 'Iranian', 'Chinezen']) expect(forms, w).toContain(w);
  });
});
