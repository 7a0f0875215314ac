import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import { passesElevenTest } from './detectors/patterns';

/** The detected spans as "category:text", for readable expectations. */
const found = (text: string) => detect(text).map((s) => `${s.category}:${s.text}`);

describe('detect: data with a fixed shape', () => {
  it('finds phone numbers in Dutch and international formats', () => {
    for (const phone of [
      '06-12345678',
      '0612345678',
      '06 1234 5678',
      '06 - 12 34 56 78',
      '+31 6 12345678',
      '+31 (0)6 12345678',
      '0031 6 1234 5678',
      '020-6123456',
      '010 123 4567',
      '+98 912 345 6789',
      '+90 532 123 45 67',
      '+212 661 234567',
      '+291 7 123456',
    ]) {
      expect(found(`Bel ${phone} na zes uur.`), phone).toEqual([`phone:${phone}`]);
    }
    expect(found('In 2024 kwamen 1200 meldingen binnen, 14-03 was de piek.')).toEqual([]);
  });

  it('finds e-mail addresses, URLs, domains and handles, without the sentence punctuation', () => {
    expect(found('Mail naar k.haddad@example.org.')).toEqual(['email:k.haddad@example.org']);
    expect(found('Zie https://www.example.com/pad?x=1, en www.voorbeeld.nl.')).toEqual(['url:https://www.example.com/pad?x=1', 'url:www.voorbeeld.nl']);
    expect(found('Het kanaal t.me/vrije_stem en linkedin.com/in/iemand-1990 zijn genoemd.')).toEqual([
      'url:t.me/vrije_stem',
      'url:linkedin.com/in/iemand-1990',
    ]);
    expect(found('Volg @vrije_stem op X.')).toEqual(['handle:@vrije_stem']);
    expect(found('Dit gebeurt o.a. in de buurt, bijv. op school.')).toEqual([]);
  });

  it('finds postcodes, but not years next to an abbreviation', () => {
    expect(found('Postcode 7411 AB en 3532ab.')).toEqual(['postcode:7411 AB', 'postcode:3532ab']);
    expect(found('In 2019 EU-breed en 2000 km verder.')).toEqual([]);
  });

  it('finds a BSN by the 11-proef, or by its label when the check fails', () => {
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(found('Nummer 123456782 en 123456789.')).toEqual(['bsn:123456782']);
    expect(found('Zijn BSN is 123.456.789.')).toEqual(['bsn:123.456.789']);
  });

  it('finds IBANs with any spacing, and only valid ones without a Dutch bank shape', () => {
    expect(found('Naar NL91ABNA0417164300 en NL91 ABNA 0417 1643 00 graag.')).toEqual(['iban:NL91ABNA0417164300', 'iban:NL91 ABNA 0417 1643 00']);
    expect(found('Rekening TR33 0006 1005 1978 6457 8413 26 in Turkije.')).toEqual(['iban:TR33 0006 1005 1978 6457 8413 26']);
    expect(found('Code DE12 3456 7890 1234 5678 90 klopt niet.')).toEqual([]);
  });

  it('finds licence plates by Dutch side code, CD plates and labelled plates', () => {
    expect(found('Auto 87-KLM-3, busje VGL-12-K en CD-AB-12.')).toEqual(['plate:87-KLM-3', 'plate:VGL-12-K', 'plate:CD-AB-12']);
    expect(found('Kenteken: AB1234.')).toEqual(['plate:AB1234']);
    expect(found('Zie artikel 12-3 en AB-CD.')).toEqual([]);
  });

  it('finds passport and ID numbers', () => {
    expect(found('Paspoortnummer NX1234T78 en zijn Turkse paspoort U12345678.')).toEqual(['document:NX1234T78', 'document:U12345678']);
    expect(found('Het vreemdelingennummer 2201234567 staat op de brief.')).toEqual(['document:2201234567']);
    expect(found('Zijn Iraanse paspoort (nr. P12345678) ligt bij de ambassade.')).toEqual(['document:P12345678']);
  });

  it('finds exact dates and dates of birth, not months or years alone', () => {
    expect(found('Op 14-03-1986, 3 februari 2026, 2026-02-14 en zaterdag 14 maart.')).toEqual([
      'date:14-03-1986',
      'date:3 februari 2026',
      'date:2026-02-14',
      'date:zaterdag 14 maart',
    ]);
    expect(found('Geb. 1980 in Marokko.')).toEqual(['date:1980']);
    expect(found('In februari 2026 en sinds 2019.')).toEqual([]);
  });

  it('finds ages, not durations', () => {
    expect(found('Een 34-jarige vrouw en haar twaalfjarige dochter.')).toEqual(['age:34-jarige', 'age:twaalfjarige']);
    expect(found('Ahmed Nur, 45 jaar, zegt het.')).toEqual(['person:Ahmed Nur', 'age:45 jaar']);
    expect(found('Karim Haddad (42) en een man van 40 jaar.')).toEqual(['person:Karim Haddad', 'age:42', 'age:40 jaar']);
    expect(found('Hij woont al 10 jaar in Nederland en zat 5 jaar in de cel.')).toEqual([]);
    expect(found('Zijn zus woont in Almelo en is 40. Het aantal meldingen is 40.')).toEqual(['place:Almelo', 'age:40']);
  });
});

describe('detect: names, places, addresses and organisations', () => {
  it('finds Dutch and diaspora names with titles, initials and particles; titles stay readable', () => {
    expect(found('Mw. A. Yıldız sprak met imam Yusuf en Jan de Vries.')).toEqual(['person:A. Yıldız', 'person:Yusuf', 'person:Jan de Vries']);
    expect(found('Dhr. K. van den Berg en Mohammed El Amrani.')).toEqual(['person:K. van den Berg', 'person:Mohammed El Amrani']);
    expect(found('Gesprek met Elif Şahin, Negassi Tesfamariam en Li Wei.')).toEqual(['person:Elif Şahin', 'person:Negassi Tesfamariam', 'person:Li Wei']);
  });

  it('finds first names alone, lower-case names in hasty notes, and later mentions of a name', () => {
    expect(found('Tesfay zegt dat Fatima bang is.')).toEqual(['person:Tesfay', 'person:Fatima']);
    expect(found('met karim en ahmed gesproken.')).toEqual(['person:karim', 'person:ahmed']);
    expect(found('Karim Haddad belde. Later ontkende Haddad alles.')).toEqual(['person:Karim Haddad', 'person:Haddad']);
  });

  it('takes surnames that are Dutch words only with context', () => {
    expect(found('Meneer Bakker en P. Visser kwamen.')).toEqual(['person:Bakker', 'person:P. Visser']);
    expect(found('De bakker en de visser kwamen.')).toEqual([]);
    expect(found('Mevrouw De Groot hielp.')).toEqual(['person:De Groot']);
    expect(found("Mw. N. Hosseini-Bakker en 'Ahmet Bey' kwamen; de oom van Hussein niet.")).toEqual([
      'person:N. Hosseini-Bakker',
      'person:Ahmet',
      'person:Hussein',
    ]);
  });

  it('finds places below province level and keeps provinces, countries and capitals', () => {
    expect(found('Zij woont in Apeldoorn, daarna in de Schilderswijk en in Den Haag.')).toEqual(['place:Apeldoorn', 'place:Schilderswijk', 'place:Den Haag']);
    expect(found('Familie in Teheran en Ankara, melders uit Noord-Brabant en Fryslân.')).toEqual([]);
    expect(found('Meldingen uit Fryslân, Groningen en Drenthe.')).toEqual([]);
    expect(found('Hij woont in Groningen.')).toEqual(['place:Groningen']);
    expect(found('Haar ouders in Nador kregen bezoek.')).toEqual(['place:Nador']);
    expect(found('In Best en Buren, maar niet: best mogelijk, de buren.')).toEqual(['place:Best', 'place:Buren']);
    expect(found('In de wijk Transvaal, in Utrecht-Oost en in de Vogelwijk.')).toEqual(['place:Transvaal', 'place:Utrecht-Oost', 'place:Vogelwijk']);
  });

  it('takes a city adjective as the place it gives away, and no word for a place that only names a property of every object', () => {
    expect(found('Hij gaat naar de Haagse markt.')).toEqual(['place:Haagse']);
    expect(found('Zij kwam langs met een Constructor en een ToString.').filter((s) => s.startsWith('place:'))).toEqual([]);
  });

  it('finds street addresses with house numbers, and streets alone when capitalised', () => {
    expect(found('Op de Dorpsstraat 14, de Van Goghstraat 7a en de Laan van Meerdervoort 233.')).toEqual([
      'address:Dorpsstraat 14',
      'address:Van Goghstraat 7a',
      'address:Laan van Meerdervoort 233',
    ]);
    expect(found('Een café aan het Mercatorplein; Postbus 1234.')).toEqual(['address:Mercatorplein', 'address:Postbus 1234']);
  });

  it('flags organisation names for the officer, leaving the kind of organisation readable', () => {
    const spans = detect('Stichting Al Amal en de Mevlana-moskee; de Turkse moskee en de Diyanet.');
    expect(spans.map((s) => [s.text, s.category, s.needsDecision])).toEqual([
      ['Al Amal', 'organisation', true],
      ['Mevlana', 'organisation', true],
    ]);
  });

  it('leaves sentences without personal data alone, also when full of countries and institutions', () => {
    for (const text of [
      'Volgens de AIVD zet het Iraanse regime criminele netwerken in tegen critici in Europa.',
      'De Eritrese ambassade en het Turkse consulaat vragen via WhatsApp en Telegram om donaties.',
      'Het ministerie van Buitenlandse Zaken, de IND en de politie zijn op de hoogte.',
      'Koerdische, Oeigoerse en Chinese studenten in Nederland voelen zich bespied door de MSS.',
      'Geen persoonsgegevens; het gesprek ging over angst en zelfcensuur in de gemeenschap.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('detect: shape of the result', () => {
  it('returns sorted, non-overlapping spans whose text is the input at their offsets', () => {
    const alphabet = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-@/:()+İıŞşÖö\n'];
    const pieces = [
      'Karim Haddad',
      ' 06-12345678 ',
      'NL91ABNA0417164300',
      ' in Utrecht ',
      '@x_y',
      'k@x.nl',
      ' 34-jarige ',
      "'s-Gravenhage",
      'Dorpsstraat 14',
      '😀',
    ];
    const text = fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.constantFrom(...pieces)), { maxLength: 80 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const spans = detect(t);
        let at = 0;
        for (const s of spans) {
          if (s.start < at || s.end <= s.start || s.end > t.length || t.slice(s.start, s.end) !== s.text) return false;
          at = s.end;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});

describe('detect: names in every script and what else redaction missed (issue 10)', () => {
  it('proposes every run of letters in a script other than Latin, for a decision', () => {
    for (const name of ['王芳', 'مريم حداد', 'ሰላም ተስፋይ', 'Тимур Алиев', 'דוד כהן', 'राहुल शर्मा']) {
      const spans = detect(`Volgens ${name} is het gevaarlijk.`);
      expect(spans.map((s) => s.text)).toEqual([name]);
      expect(spans[0]!.category).toBe('person');
    }
    expect(detect('De contactpersoon 王芳 werkt bij de ambassade.')[0]!.needsDecision).toBe(true);
  });

  it('takes both names joined by "en" or "&", also when the first is a Dutch or kept word', () => {
    expect(found('Sara en Noor Haddad kwamen langs.')).toEqual(['person:Sara', 'person:Noor Haddad']);
    expect(found('Roos & Kees Bakker waren er ook.')).toEqual(['person:Roos', 'person:Kees Bakker']);
    expect(found('gesproken met noor en karim.')).toEqual(['person:noor', 'person:karim']);
  });

  it('takes a lower-case first name before a found surname', () => {
    expect(found('sara haddad belde gisteren.')).toEqual(['person:sara haddad']);
  });

  it('finds a bare age between commas after a name, not any number between commas', () => {
    expect(found('Karim Haddad, 56, zegt dat hij wordt gevolgd.')).toEqual(['person:Karim Haddad', 'age:56']);
    expect(found('Het ging om de punten 3, 56, 7 van de lijst.')).toEqual([]);
  });

  it('finds Chinese and Turkish identity numbers by their check digits, and foreign id labels', () => {
    expect(found('Op de kopie: 11010519491231002X.')).toEqual(['document:11010519491231002X']);
    expect(found('Op de kopie: 11010519491231003X.')).toEqual([]);
    expect(found('Zijn nummer 12345678916 stond erop.')).toEqual(['document:12345678916']);
    expect(found('Zijn nummer 12345678917 stond erop.')).toEqual([]);
    expect(found('Haar identiteitsnummer is AB1234567.')).toEqual(['document:AB1234567']);
  });
});
