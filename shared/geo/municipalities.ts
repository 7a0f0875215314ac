import type { Province } from './provinces';

/**
 * Dutch municipalities (gemeenten) by province, CBS indeling of 1 January 2025: 342 municipalities,
 * written for this project from the public CBS list. Names follow CBS (`'s-Gravenhage`,
 * `Nuenen, Gerwen en Nederwetten`, `Bergen (NH.)`).
 */
const byProvince: Readonly<Record<Province, readonly string[]>> = {
  Groningen: ['Eemsdelta', 'Groningen', 'Het Hogeland', 'Midden-Groningen', 'Oldambt', 'Pekela', 'Stadskanaal', 'Veendam', 'Westerkwartier', 'Westerwolde'],
  Fryslân: [
    'Achtkarspelen', 'Ameland', 'Dantumadiel', 'De Fryske Marren', 'Harlingen', 'Heerenveen', 'Leeuwarden', 'Noardeast-Fryslân',
    'Ooststellingwerf', 'Opsterland', 'Schiermonnikoog', 'Smallingerland', 'Súdwest-Fryslân', 'Terschelling', 'Tytsjerksteradiel',
    'Vlieland', 'Waadhoeke', 'Weststellingwerf',
  ],
  Drenthe: ['Aa en Hunze', 'Assen', 'Borger-Odoorn', 'Coevorden', 'De Wolden', 'Emmen', 'Hoogeveen', 'Meppel', 'Midden-Drenthe', 'Noordenveld', 'Tynaarlo', 'Westerveld'],
  Overijssel: [
    'Almelo', 'Borne', 'Dalfsen', 'Deventer', 'Dinkelland', 'Enschede', 'Haaksbergen', 'Hardenberg', 'Hellendoorn', 'Hengelo',
    'Hof van Twente', 'Kampen', 'Losser', 'Oldenzaal', 'Olst-Wijhe', 'Ommen', 'Raalte', 'Rijssen-Holten', 'Staphorst', 'Steenwijkerland',
    'Tubbergen', 'Twenterand', 'Wierden', 'Zwartewaterland', 'Zwolle',
  ],
  Flevoland: ['Almere', 'Dronten', 'Lelystad', 'Noordoostpolder', 'Urk', 'Zeewolde'],
  Gelderland: [
    'Aalten', 'Apeldoorn', 'Arnhem', 'Barneveld', 'Berg en Dal', 'Berkelland', 'Beuningen', 'Bronckhorst', 'Brummen', 'Buren',
    'Culemborg', 'Doesburg', 'Doetinchem', 'Druten', 'Duiven', 'Ede', 'Elburg', 'Epe', 'Ermelo', 'Harderwijk', 'Hattem', 'Heerde',
    'Heumen', 'Lingewaard', 'Lochem', 'Maasdriel', 'Montferland', 'Neder-Betuwe', 'Nijkerk', 'Nijmegen', 'Nunspeet', 'Oldebroek',
    'Oost Gelre', 'Oude IJsselstreek', 'Overbetuwe', 'Putten', 'Renkum', 'Rheden', 'Rozendaal', 'Scherpenzeel', 'Tiel', 'Voorst',
    'Wageningen', 'West Betuwe', 'West Maas en Waal', 'Westervoort', 'Wijchen', 'Winterswijk', 'Zaltbommel', 'Zevenaar', 'Zutphen',
  ],
  Utrecht: [
    'Amersfoort', 'Baarn', 'Bunnik', 'Bunschoten', 'De Bilt', 'De Ronde Venen', 'Eemnes', 'Houten', 'IJsselstein', 'Leusden', 'Lopik',
    'Montfoort', 'Nieuwegein', 'Oudewater', 'Renswoude', 'Rhenen', 'Soest', 'Stichtse Vecht', 'Utrecht', 'Utrechtse Heuvelrug',
    'Veenendaal', 'Vijfheerenlanden', 'Wijk bij Duurstede', 'Woerden', 'Woudenberg', 'Zeist',
  ],
  'Noord-Holland': [
    'Aalsmeer', 'Alkmaar', 'Amstelveen', 'Amsterdam', 'Bergen (NH.)', 'Beverwijk', 'Blaricum', 'Bloemendaal', 'Castricum', 'Den Helder',
    'Diemen', 'Dijk en Waard', 'Drechterland', 'Edam-Volendam', 'Enkhuizen', 'Gooise Meren', 'Haarlem', 'Haarlemmermeer', 'Heemskerk',
    'Heemstede', 'Heiloo', 'Hilversum', 'Hollands Kroon', 'Hoorn', 'Huizen', 'Koggenland', 'Landsmeer', 'Laren', 'Medemblik',
    'Oostzaan', 'Opmeer', 'Ouder-Amstel', 'Purmerend', 'Schagen', 'Stede Broec', 'Texel', 'Uitgeest', 'Uithoorn', 'Velsen',
    'Waterland', 'Wijdemeren', 'Wormerland', 'Zaanstad', 'Zandvoort',
  ],
  'Zuid-Holland': [
    'Alblasserdam', 'Albrandswaard', 'Alphen aan den Rijn', 'Barendrecht', 'Bodegraven-Reeuwijk', 'Capelle aan den IJssel', 'Delft',
    'Dordrecht', 'Goeree-Overflakkee', 'Gorinchem', 'Gouda', "'s-Gravenhage", 'Hardinxveld-Giessendam', 'Hendrik-Ido-Ambacht',
    'Hillegom', 'Hoeksche Waard', 'Kaag en Braassem', 'Katwijk', 'Krimpen aan den IJssel', 'Krimpenerwaard', 'Lansingerland', 'Leiden',
    'Leiderdorp', 'Leidschendam-Voorburg', 'Lisse', 'Maassluis', 'Midden-Delfland', 'Molenlanden', 'Nieuwkoop', 'Nissewaard',
    'Noordwijk', 'Oegstgeest', 'Papendrecht', 'Pijnacker-Nootdorp', 'Ridderkerk', 'Rijswijk', 'Rotterdam', 'Schiedam', 'Sliedrecht',
    'Teylingen', 'Vlaardingen', 'Voorne aan Zee', 'Voorschoten', 'Waddinxveen', 'Wassenaar', 'Westland', 'Zoetermeer', 'Zoeterwoude',
    'Zuidplas', 'Zwijndrecht',
  ],
  Zeeland: ['Borsele', 'Goes', 'Hulst', 'Kapelle', 'Middelburg', 'Noord-Beveland', 'Reimerswaal', 'Schouwen-Duiveland', 'Sluis', 'Terneuzen', 'Tholen', 'Veere', 'Vlissingen'],
  'Noord-Brabant': [
    'Alphen-Chaam', 'Altena', 'Asten', 'Baarle-Nassau', 'Bergeijk', 'Bergen op Zoom', 'Bernheze', 'Best', 'Bladel', 'Boekel', 'Boxtel',
    'Breda', 'Cranendonck', 'Deurne', 'Dongen', 'Drimmelen', 'Eersel', 'Eindhoven', 'Etten-Leur', 'Geertruidenberg', 'Geldrop-Mierlo',
    'Gemert-Bakel', 'Gilze en Rijen', 'Goirle', 'Halderberge', 'Heeze-Leende', 'Helmond', "'s-Hertogenbosch", 'Heusden', 'Hilvarenbeek',
    'Laarbeek', 'Land van Cuijk', 'Loon op Zand', 'Maashorst', 'Meierijstad', 'Moerdijk', 'Nuenen, Gerwen en Nederwetten', 'Oirschot',
    'Oisterwijk', 'Oosterhout', 'Oss', 'Reusel-De Mierden', 'Roosendaal', 'Rucphen', 'Sint-Michielsgestel', 'Someren', 'Son en Breugel',
    'Steenbergen', 'Tilburg', 'Valkenswaard', 'Veldhoven', 'Vught', 'Waalre', 'Waalwijk', 'Woensdrecht', 'Zundert',
  ],
  Limburg: [
    'Beek', 'Beekdaelen', 'Beesel', 'Bergen (L.)', 'Brunssum', 'Echt-Susteren', 'Eijsden-Margraten', 'Gennep', 'Gulpen-Wittem', 'Heerlen',
    'Horst aan de Maas', 'Kerkrade', 'Landgraaf', 'Leudal', 'Maasgouw', 'Maastricht', 'Meerssen', 'Mook en Middelaar', 'Nederweert',
    'Peel en Maas', 'Roerdalen', 'Roermond', 'Simpelveld', 'Sittard-Geleen', 'Stein', 'Vaals', 'Valkenburg aan de Geul', 'Venlo',
    'Venray', 'Voerendaal', 'Weert',
  ],
};

export interface Municipality {
  name: string;
  province: Province;
}

export const municipalities: readonly Municipality[] = Object.freeze(
  (Object.entries(byProvince) as Array<[Province, readonly string[]]>).flatMap(([province, names]) =>
    names.map((name) => Object.freeze({ name, province })),
  ),
);

/**
 * Names people use for a municipality besides its CBS name: the everyday name of the seat, Dutch
 * names of Frisian municipalities, the two Bergens without their suffix (resolved to the larger).
 */
export const municipalityAliases: Readonly<Record<string, string>> = {
  'Den Haag': "'s-Gravenhage",
  'The Hague': "'s-Gravenhage",
  'Den Bosch': "'s-Hertogenbosch",
  "'s-Hertogenbosch": "'s-Hertogenbosch",
  Nuenen: 'Nuenen, Gerwen en Nederwetten',
  'Nuenen c.a.': 'Nuenen, Gerwen en Nederwetten',
  Bergen: 'Bergen (NH.)',
  'Bergen NH': 'Bergen (NH.)',
  'Bergen L': 'Bergen (L.)',
  'Súdwest Fryslân': 'Súdwest-Fryslân',
  'Zuidwest-Friesland': 'Súdwest-Fryslân',
  'Noordoost-Friesland': 'Noardeast-Fryslân',
  'De Friese Meren': 'De Fryske Marren',
  Tietjerksteradeel: 'Tytsjerksteradiel',
  Dantumadeel: 'Dantumadiel',
  Valkenburg: 'Valkenburg aan de Geul',
  Alphen: 'Alphen aan den Rijn',
  Capelle: 'Capelle aan den IJssel',
  Krimpen: 'Krimpen aan den IJssel',
  Hardinxveld: 'Hardinxveld-Giessendam',
  Sittard: 'Sittard-Geleen',
  Geleen: 'Sittard-Geleen',
  Leidschendam: 'Leidschendam-Voorburg',
  Voorburg: 'Leidschendam-Voorburg',
  Pijnacker: 'Pijnacker-Nootdorp',
  Nootdorp: 'Pijnacker-Nootdorp',
  Bodegraven: 'Bodegraven-Reeuwijk',
  Geldrop: 'Geldrop-Mierlo',
  Gemert: 'Gemert-Bakel',
  Etten: 'Etten-Leur',
  Edam: 'Edam-Volendam',
  Volendam: 'Edam-Volendam',
  Rijssen: 'Rijssen-Holten',
  Holten: 'Rijssen-Holten',
};
