import { describe, expect, it } from 'vitest';
import { detect } from './detect';
import { Pseudonymiser } from './pseudonymiser';
import { redact } from './redact';

describe('Pseudonymiser', () => {
  it('gives the same value the same number and a new value the next number, per category', () => {
    const p = new Pseudonymiser();
    expect(p.replacementFor('person', 'Karim Haddad')).toBe('[PERSOON-1]');
    expect(p.replacementFor('person', 'Elif Şahin')).toBe('[PERSOON-2]');
    expect(p.replacementFor('person', 'karim  haddad')).toBe('[PERSOON-1]');
    expect(p.replacementFor('phone', '06-12345678')).toBe('[TELEFOON-1]');
    expect(p.replacementFor('phone', '0612345678')).toBe('[TELEFOON-1]');
    expect(p.replacementFor('place', 'Apeldoorn')).toBe('[PLAATS-1]');
    expect(p.replacementFor('organisation', 'Al Amal')).toBe('[ORGANISATIE-1]');
  });

  it('gives a single name the number of the one full name it belongs to', () => {
    const p = new Pseudonymiser();
    p.replacementFor('person', 'Karim Haddad');
    expect(p.replacementFor('person', 'Haddad')).toBe('[PERSOON-1]');
    p.replacementFor('person', 'Samir Haddad');
    expect(p.replacementFor('person', 'Samir')).toBe('[PERSOON-2]');
    // "Karim" belongs to one full name only; a new surname shared by two names gets its own number.
    expect(p.replacementFor('person', 'Karim')).toBe('[PERSOON-1]');
  });

  it('keeps numbers consistent across texts when shared (one bundle)', () => {
    const shared = new Pseudonymiser();
    const a = 'Karim Haddad belde vanaf 06-12345678.';
    const b = 'Later zag Elif Şahin ook Karim Haddad in Apeldoorn.';
    expect(redact(a, detect(a), shared).text).toBe('[PERSOON-1] belde vanaf [TELEFOON-1].');
    expect(redact(b, detect(b), shared).text).toBe('Later zag [PERSOON-2] ook [PERSOON-1] in [PLAATS-1].');
  });
});

describe('redact', () => {
  it('replaces the spans and reports them with offsets into the original text', () => {
    const text = 'Bel Jan de Vries op 06-12345678.';
    const result = redact(text, detect(text));
    expect(result.text).toBe('Bel [PERSOON-1] op [TELEFOON-1].');
    expect(result.spans).toEqual([
      { start: 4, end: 16, category: 'person', replacement: '[PERSOON-1]' },
      { start: 20, end: 31, category: 'phone', replacement: '[TELEFOON-1]' },
    ]);
    for (const s of result.spans) expect(text.slice(s.start, s.end)).not.toContain('[');
  });

  it('accepts spans in any order, joins overlapping ones, and refuses spans outside the text', () => {
    const text = 'Ahmed woont in Zaandam.';
    const r = redact(text, [
      { start: 15, end: 22, category: 'place' },
      { start: 0, end: 5, category: 'person' },
      { start: 2, end: 4, category: 'email' },
    ]);
    expect(r.text).toBe('[PERSOON-1] woont in [PLAATS-1].');
    expect(() => redact(text, [{ start: 5, end: 99, category: 'person' }])).toThrow(RangeError);
    expect(() => redact(text, [{ start: 3, end: 3, category: 'person' }])).toThrow(RangeError);
  });

  it('leaves a text without spans as it is', () => {
    expect(redact('Niets te zien.', [])).toEqual({ text: 'Niets te zien.', spans: [] });
  });
});
