/**
 * Adversarial texts for the redaction detectors: short units of every detector's vocabulary
 * repeated (a pasted chat export, a table of phone numbers, a list of dates is such text). The
 * benchmark reports the slowest of them; the linear-time test generates more from the same units.
 */

/** Units of every detector's vocabulary: digits, dates, initials, particles, street and first names, postcodes, ids. */
export const adversarialUnits = [
  '1',
  '12',
  '12-12-2012',
  '3 maart',
  'van der',
  'de',
  'A.A.',
  'A.',
  '1.1.',
  'AB12',
  'NL91ABNA0417164300',
  'Jan',
  'jan',
  'Kerkstraat',
  'Kerkstraat 12',
  'Laan van',
  'stichting',
  'Mevlana',
  '1012 AB',
  '1012ab',
  '06-12345678',
  '+31',
  '123456782',
  '87-KLM-3',
  'NX12AB345',
  'a@b.nl',
  'a.nl',
  '@a',
  'www.a',
  'http://a',
  'mw.',
  '(42)',
  '34-jarige',
  '56 jaar',
  'Deventer',
  'مريم',
  '王芳',
  'Ольга',
  'ሰላም',
  'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
] as const;

/** What stands between repeated units: nothing, a space, a comma, a full stop, a hyphen or a line break. */
export const adversarialSeparators = [' ', '', ', ', '. ', '-', '\n'] as const;

/** `unit` repeated with `separator` between, cut to exactly `length` characters. */
export function repeatTo(unit: string, separator: string, length: number): string {
  const step = unit + separator;
  return step.repeat(Math.ceil(length / step.length)).slice(0, length);
}

/** Every unit with every separator, each `length` characters long. */
export function adversarialTexts(length: number): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const unit of adversarialUnits) {
    for (const separator of adversarialSeparators)
      out.push({ name: `${JSON.stringify(unit)} × ${JSON.stringify(separator)}`, text: repeatTo(unit, separator, length) });
  }
  return out;
}
