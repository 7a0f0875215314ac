/** What the detectors find. The names are stable: they are stored with decisions and sent in bundles. */
export const redactionCategories = [
  'person',
  'phone',
  'email',
  'url',
  'handle',
  'address',
  'postcode',
  'bsn',
  'iban',
  'plate',
  'document',
  'date',
  'age',
  'place',
  'organisation',
] as const;

export type RedactionCategory = (typeof redactionCategories)[number];

/** The Dutch word in a replacement such as `[PERSOON-1]`. */
export const replacementLabels: Readonly<Record<RedactionCategory, string>> = {
  person: 'PERSOON',
  phone: 'TELEFOON',
  email: 'E-MAIL',
  url: 'URL',
  handle: 'ACCOUNT',
  address: 'ADRES',
  postcode: 'POSTCODE',
  bsn: 'BSN',
  iban: 'IBAN',
  plate: 'KENTEKEN',
  document: 'DOCUMENT',
  date: 'DATUM',
  age: 'LEEFTIJD',
  place: 'PLAATS',
  organisation: 'ORGANISATIE',
};

export const isRedactionCategory = (value: string): value is RedactionCategory => (redactionCategories as readonly string[]).includes(value);

export interface DetectedSpan {
  /** Offsets are JavaScript string indices into the text given to detect(); end is exclusive. */
  start: number;
  end: number;
  category: RedactionCategory;
  text: string;
  /**
   * The officer must decide; never accepted by default. Set for organisation names: a named local
   * association may point to a handful of people, or be a well-known body the analysis needs.
   */
  needsDecision?: boolean;
}
