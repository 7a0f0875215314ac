/** The twelve provinces of the Netherlands, as CBS names them (Fryslân in its official spelling). */
export const provinces = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
] as const;

export type Province = (typeof provinces)[number];

/** CBS landsdelen (NUTS-1): the coarsest level at which the fenomeenbeeld may show a place. */
export const landsdelen = ['Noord', 'Oost', 'West', 'Zuid'] as const;
export type Landsdeel = (typeof landsdelen)[number];

const landsdeelByProvince: Readonly<Record<Province, Landsdeel>> = {
  Groningen: 'Noord',
  Fryslân: 'Noord',
  Drenthe: 'Noord',
  Overijssel: 'Oost',
  Flevoland: 'Oost',
  Gelderland: 'Oost',
  Utrecht: 'West',
  'Noord-Holland': 'West',
  'Zuid-Holland': 'West',
  Zeeland: 'West',
  'Noord-Brabant': 'Zuid',
  Limburg: 'Zuid',
};

export function landsdeelOf(province: Province): Landsdeel {
  return landsdeelByProvince[province];
}

/** Other spellings people use for a province (Dutch and English). */
export const provinceAliases: Readonly<Record<string, Province>> = {
  Friesland: 'Fryslân',
  'North Holland': 'Noord-Holland',
  'South Holland': 'Zuid-Holland',
  'North Brabant': 'Noord-Brabant',
  Brabant: 'Noord-Brabant',
};
