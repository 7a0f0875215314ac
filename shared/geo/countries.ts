/**
 * Countries (ISO 3166-1 alpha-2), their Dutch and English names, capitals, nationality adjectives
 * and Dutch demonyms. Written for this project. One line per country:
 * `code | Dutch names | English names | capitals | Dutch adjectives | English adjectives | Dutch demonyms`,
 * alternatives separated by commas. Dutch adjectives are given in their base form (`Turks`); the
 * inflected form (`Turkse`) is derived.
 */
const table = `
AF|Afghanistan|Afghanistan|Kaboel,Kabul|Afghaans|Afghan|Afghaan,Afghanen
AL|Albanië|Albania|Tirana|Albanees|Albanian|Albanees,Albanezen
DZ|Algerije|Algeria|Algiers|Algerijns|Algerian|Algerijn,Algerijnen
AD|Andorra|Andorra|Andorra la Vella|Andorrees|Andorran|Andorrees,Andorranen
AO|Angola|Angola|Luanda|Angolees|Angolan|Angolees,Angolezen
AG|Antigua en Barbuda|Antigua and Barbuda|Saint John's|Antiguaans|Antiguan|
AR|Argentinië|Argentina|Buenos Aires|Argentijns|Argentine,Argentinian|Argentijn,Argentijnen
AM|Armenië|Armenia|Jerevan,Yerevan|Armeens|Armenian|Armeniër,Armeniërs
AU|Australië|Australia|Canberra|Australisch|Australian|Australiër,Australiërs
AT|Oostenrijk|Austria|Wenen,Vienna|Oostenrijks|Austrian|Oostenrijker,Oostenrijkers
AZ|Azerbeidzjan|Azerbaijan|Bakoe,Baku|Azerbeidzjaans,Azerisch|Azerbaijani,Azeri|Azerbeidzjaan,Azerbeidzjanen,Azeri
BS|Bahama's,Bahamas|Bahamas|Nassau|Bahamaans|Bahamian|
BH|Bahrein|Bahrain|Manama|Bahreins|Bahraini|Bahreiner,Bahreiners
BD|Bangladesh|Bangladesh|Dhaka|Bengaals,Bengalees|Bangladeshi|Bengalees,Bengalezen
BB|Barbados|Barbados|Bridgetown|Barbadiaans|Barbadian|
BY|Belarus,Wit-Rusland|Belarus|Minsk|Belarussisch,Wit-Russisch|Belarusian|Belarus,Belarussen,Wit-Rus,Wit-Russen
BE|België|Belgium|Brussel,Brussels|Belgisch|Belgian|Belg,Belgen
BZ|Belize|Belize|Belmopan|Belizaans|Belizean|
BJ|Benin|Benin|Porto-Novo|Benins|Beninese|
BT|Bhutan|Bhutan|Thimphu|Bhutaans|Bhutanese|
BO|Bolivia|Bolivia|Sucre,La Paz|Boliviaans|Bolivian|Boliviaan,Bolivianen
BA|Bosnië en Herzegovina,Bosnië|Bosnia and Herzegovina,Bosnia|Sarajevo|Bosnisch|Bosnian|Bosniër,Bosniërs,Bosniak,Bosniakken
BW|Botswana|Botswana|Gaborone|Botswaans|Botswanan|
BR|Brazilië|Brazil|Brasilia,Brasília|Braziliaans|Brazilian|Braziliaan,Brazilianen
BN|Brunei|Brunei|Bandar Seri Begawan|Bruneis|Bruneian|
BG|Bulgarije|Bulgaria|Sofia|Bulgaars|Bulgarian|Bulgaar,Bulgaren
BF|Burkina Faso|Burkina Faso|Ouagadougou|Burkinees|Burkinabe|
BI|Burundi|Burundi|Gitega,Bujumbura|Burundees|Burundian|
KH|Cambodja|Cambodia|Phnom Penh|Cambodjaans|Cambodian|Cambodjaan,Cambodjanen
CM|Kameroen|Cameroon|Yaoundé|Kameroens|Cameroonian|Kameroener,Kameroeners
CA|Canada|Canada|Ottawa|Canadees|Canadian|Canadees,Canadezen
CV|Kaapverdië|Cape Verde,Cabo Verde|Praia|Kaapverdisch|Cape Verdean|Kaapverdiaan,Kaapverdianen
CF|Centraal-Afrikaanse Republiek|Central African Republic|Bangui|Centraal-Afrikaans|Central African|
TD|Tsjaad|Chad|N'Djamena|Tsjadisch|Chadian|
CL|Chili|Chile|Santiago|Chileens|Chilean|Chileen,Chilenen
CN|China,Volksrepubliek China|China,People's Republic of China|Peking,Beijing|Chinees|Chinese|Chinees,Chinezen
CO|Colombia|Colombia|Bogota,Bogotá|Colombiaans|Colombian|Colombiaan,Colombianen
KM|Comoren|Comoros|Moroni|Comorees|Comorian|
CG|Congo-Brazzaville,Republiek Congo|Republic of the Congo,Congo-Brazzaville|Brazzaville|Congolees|Congolese|Congolees,Congolezen
CD|Congo,Congo-Kinshasa,Democratische Republiek Congo,DR Congo|Democratic Republic of the Congo,DR Congo,Congo|Kinshasa|Congolees|Congolese|Congolees,Congolezen
CR|Costa Rica|Costa Rica|San José|Costa Ricaans|Costa Rican|
CI|Ivoorkust|Ivory Coast,Côte d'Ivoire|Yamoussoukro|Ivoriaans|Ivorian|Ivoriaan,Ivorianen
HR|Kroatië|Croatia|Zagreb|Kroatisch|Croatian|Kroaat,Kroaten
CU|Cuba|Cuba|Havana|Cubaans|Cuban|Cubaan,Cubanen
CY|Cyprus|Cyprus|Nicosia|Cypriotisch|Cypriot|Cyprioot,Cyprioten
CZ|Tsjechië|Czechia,Czech Republic|Praag,Prague|Tsjechisch|Czech|Tsjech,Tsjechen
DK|Denemarken|Denmark|Kopenhagen,Copenhagen|Deens|Danish|Deen,Denen
DJ|Djibouti|Djibouti|Djibouti|Djiboutiaans|Djiboutian|
DM|Dominica|Dominica|Roseau|Dominicaans|Dominican|
DO|Dominicaanse Republiek|Dominican Republic|Santo Domingo|Dominicaans|Dominican|Dominicaan,Dominicanen
EC|Ecuador|Ecuador|Quito|Ecuadoraans|Ecuadorian|Ecuadoraan,Ecuadoranen
EG|Egypte|Egypt|Caïro,Cairo|Egyptisch|Egyptian|Egyptenaar,Egyptenaren
SV|El Salvador|El Salvador|San Salvador|Salvadoraans|Salvadoran|
GQ|Equatoriaal-Guinea|Equatorial Guinea|Malabo|Equatoriaal-Guinees|Equatoguinean|
ER|Eritrea|Eritrea|Asmara|Eritrees|Eritrean|Eritreeër,Eritreeërs
EE|Estland|Estonia|Tallinn|Estisch|Estonian|Est,Esten
SZ|Eswatini,Swaziland|Eswatini,Swaziland|Mbabane|Swazisch|Swazi|
ET|Ethiopië|Ethiopia|Addis Abeba,Addis Ababa|Ethiopisch|Ethiopian|Ethiopiër,Ethiopiërs
FJ|Fiji|Fiji|Suva|Fijisch|Fijian|
FI|Finland|Finland|Helsinki|Fins|Finnish|Fin,Finnen
FR|Frankrijk|France|Parijs,Paris|Frans|French|Fransman,Fransen
GA|Gabon|Gabon|Libreville|Gabonees|Gabonese|
GM|Gambia|Gambia,The Gambia|Banjul|Gambiaans|Gambian|Gambiaan,Gambianen
GE|Georgië|Georgia|Tbilisi|Georgisch|Georgian|Georgiër,Georgiërs
DE|Duitsland|Germany|Berlijn,Berlin|Duits|German|Duitser,Duitsers
GH|Ghana|Ghana|Accra|Ghanees|Ghanaian|Ghanees,Ghanezen
GR|Griekenland|Greece|Athene,Athens|Grieks|Greek|Griek,Grieken
GD|Grenada|Grenada|Saint George's|Grenadiaans|Grenadian|
GT|Guatemala|Guatemala|Guatemala-Stad,Guatemala City|Guatemalteeks|Guatemalan|
GN|Guinee|Guinea|Conakry|Guinees|Guinean|Guineeër,Guineeërs
GW|Guinee-Bissau|Guinea-Bissau|Bissau|Guinee-Bissaus|Bissau-Guinean|
GY|Guyana|Guyana|Georgetown|Guyaans|Guyanese|Guyaan,Guyanen
HT|Haïti|Haiti|Port-au-Prince|Haïtiaans|Haitian|Haïtiaan,Haïtianen
HN|Honduras|Honduras|Tegucigalpa|Hondurees|Honduran|
HU|Hongarije|Hungary|Boedapest,Budapest|Hongaars|Hungarian|Hongaar,Hongaren
IS|IJsland|Iceland|Reykjavik,Reykjavík|IJslands|Icelandic|IJslander,IJslanders
IN|India|India|New Delhi|Indiaas|Indian|Indiër,Indiërs
ID|Indonesië|Indonesia|Jakarta|Indonesisch|Indonesian|Indonesiër,Indonesiërs
IR|Iran|Iran|Teheran,Tehran|Iraans,Perzisch|Iranian,Persian|Iraniër,Iraniërs,Pers,Perzen
IQ|Irak|Iraq|Bagdad,Baghdad|Iraaks|Iraqi|Irakees,Irakezen
IE|Ierland|Ireland|Dublin|Iers|Irish|Ier,Ieren
IL|Israël|Israel|Jeruzalem,Jerusalem|Israëlisch|Israeli|Israëliër,Israëliërs
IT|Italië|Italy|Rome|Italiaans|Italian|Italiaan,Italianen
JM|Jamaica|Jamaica|Kingston|Jamaicaans|Jamaican|Jamaicaan,Jamaicanen
JP|Japan|Japan|Tokio,Tokyo|Japans|Japanese|Japanner,Japanners
JO|Jordanië|Jordan|Amman|Jordaans|Jordanian|Jordaniër,Jordaniërs
KZ|Kazachstan|Kazakhstan|Astana|Kazachs|Kazakh|Kazach,Kazachen
KE|Kenia|Kenya|Nairobi|Keniaans|Kenyan|Keniaan,Kenianen
KI|Kiribati|Kiribati|Tarawa|Kiribatisch|I-Kiribati|
KP|Noord-Korea|North Korea|Pyongyang|Noord-Koreaans|North Korean|Noord-Koreaan,Noord-Koreanen
KR|Zuid-Korea|South Korea|Seoul|Zuid-Koreaans|South Korean|Zuid-Koreaan,Zuid-Koreanen
XK|Kosovo|Kosovo|Pristina|Kosovaars|Kosovar|Kosovaar,Kosovaren
KW|Koeweit|Kuwait|Koeweit-Stad,Kuwait City|Koeweits|Kuwaiti|Koeweiti,Koeweiti's
KG|Kirgizië,Kirgizstan|Kyrgyzstan|Bisjkek,Bishkek|Kirgizisch|Kyrgyz|Kirgies,Kirgiezen
LA|Laos|Laos|Vientiane|Laotiaans|Lao,Laotian|Laotiaan,Laotianen
LV|Letland|Latvia|Riga|Lets|Latvian|Let,Letten
LB|Libanon|Lebanon|Beiroet,Beirut|Libanees|Lebanese|Libanees,Libanezen
LS|Lesotho|Lesotho|Maseru|Lesothaans|Basotho|
LR|Liberia|Liberia|Monrovia|Liberiaans|Liberian|Liberiaan,Liberianen
LY|Libië|Libya|Tripoli|Libisch|Libyan|Libiër,Libiërs
LI|Liechtenstein|Liechtenstein|Vaduz|Liechtensteins|Liechtensteiner|
LT|Litouwen|Lithuania|Vilnius|Litouws|Lithuanian|Litouwer,Litouwers
LU|Luxemburg|Luxembourg|Luxemburg,Luxembourg|Luxemburgs|Luxembourgish|Luxemburger,Luxemburgers
MG|Madagaskar|Madagascar|Antananarivo|Malagassisch|Malagasy|
MW|Malawi|Malawi|Lilongwe|Malawisch|Malawian|
MY|Maleisië|Malaysia|Kuala Lumpur|Maleisisch|Malaysian|Maleisiër,Maleisiërs
MV|Maldiven|Maldives|Malé|Maldivisch|Maldivian|
ML|Mali|Mali|Bamako|Malinees|Malian|Malinees,Malinezen
MT|Malta|Malta|Valletta|Maltees|Maltese|Maltees,Maltezen
MH|Marshalleilanden|Marshall Islands|Majuro|Marshallees|Marshallese|
MR|Mauritanië|Mauritania|Nouakchott|Mauritaans|Mauritanian|Mauritaniër,Mauritaniërs
MU|Mauritius|Mauritius|Port Louis|Mauritiaans|Mauritian|
MX|Mexico|Mexico|Mexico-Stad,Mexico City|Mexicaans|Mexican|Mexicaan,Mexicanen
FM|Micronesia|Micronesia|Palikir|Micronesisch|Micronesian|
MD|Moldavië,Moldova|Moldova|Chisinau,Chișinău|Moldavisch|Moldovan|Moldaviër,Moldaviërs
MC|Monaco|Monaco|Monaco|Monegaskisch|Monegasque|
MN|Mongolië|Mongolia|Ulaanbaatar|Mongools|Mongolian|Mongool,Mongolen
ME|Montenegro|Montenegro|Podgorica|Montenegrijns|Montenegrin|Montenegrijn,Montenegrijnen
MA|Marokko|Morocco|Rabat|Marokkaans|Moroccan|Marokkaan,Marokkanen
MZ|Mozambique|Mozambique|Maputo|Mozambikaans|Mozambican|
MM|Myanmar,Birma|Myanmar,Burma|Naypyidaw|Myanmarees,Birmaans|Burmese|Birmees,Birmezen
NA|Namibië|Namibia|Windhoek|Namibisch|Namibian|Namibiër,Namibiërs
NR|Nauru|Nauru|Yaren|Nauruaans|Nauruan|
NP|Nepal|Nepal|Kathmandu|Nepalees|Nepali,Nepalese|Nepalees,Nepalezen
NL|Nederland|Netherlands,The Netherlands|Amsterdam|Nederlands|Dutch|Nederlander,Nederlanders
NZ|Nieuw-Zeeland|New Zealand|Wellington|Nieuw-Zeelands|New Zealand|Nieuw-Zeelander,Nieuw-Zeelanders
NI|Nicaragua|Nicaragua|Managua|Nicaraguaans|Nicaraguan|
NE|Niger|Niger|Niamey|Nigerees|Nigerien|
NG|Nigeria|Nigeria|Abuja|Nigeriaans|Nigerian|Nigeriaan,Nigerianen
MK|Noord-Macedonië,Macedonië|North Macedonia|Skopje|Macedonisch|Macedonian|Macedoniër,Macedoniërs
NO|Noorwegen|Norway|Oslo|Noors|Norwegian|Noor,Noren
OM|Oman|Oman|Muscat,Masqat|Omaans|Omani|Omaniet,Omanieten
PK|Pakistan|Pakistan|Islamabad|Pakistaans|Pakistani|Pakistaan,Pakistanen
PW|Palau|Palau|Ngerulmud|Palaus|Palauan|
PS|Palestina,Palestijnse gebieden|Palestine|Ramallah,Oost-Jeruzalem|Palestijns|Palestinian|Palestijn,Palestijnen
PA|Panama|Panama|Panama-Stad,Panama City|Panamees|Panamanian|
PG|Papoea-Nieuw-Guinea|Papua New Guinea|Port Moresby|Papoea-Nieuw-Guinees|Papua New Guinean|
PY|Paraguay|Paraguay|Asunción|Paraguayaans|Paraguayan|
PE|Peru|Peru|Lima|Peruaans|Peruvian|Peruaan,Peruanen
PH|Filipijnen|Philippines|Manilla,Manila|Filipijns|Filipino,Philippine|Filipijn,Filipijnen,Filipino
PL|Polen|Poland|Warschau,Warsaw|Pools|Polish|Pool,Polen
PT|Portugal|Portugal|Lissabon,Lisbon|Portugees|Portuguese|Portugees,Portugezen
QA|Qatar|Qatar|Doha|Qatarees|Qatari|Qatarees,Qatarezen
RO|Roemenië|Romania|Boekarest,Bucharest|Roemeens|Romanian|Roemeen,Roemenen
RU|Rusland,Russische Federatie|Russia,Russian Federation|Moskou,Moscow|Russisch|Russian|Rus,Russen
RW|Rwanda|Rwanda|Kigali|Rwandees|Rwandan|Rwandees,Rwandezen
KN|Saint Kitts en Nevis|Saint Kitts and Nevis|Basseterre|Kittiaans|Kittitian|
LC|Saint Lucia|Saint Lucia|Castries|Luciaans|Saint Lucian|
VC|Saint Vincent en de Grenadines|Saint Vincent and the Grenadines|Kingstown|Vincentiaans|Vincentian|
WS|Samoa|Samoa|Apia|Samoaans|Samoan|
SM|San Marino|San Marino|San Marino|San Marinees|Sammarinese|
ST|Sao Tomé en Principe|São Tomé and Príncipe|São Tomé,Sao Tomé|Santomees|Santomean|
SA|Saoedi-Arabië|Saudi Arabia|Riyad,Riyadh|Saoedisch,Saoedi-Arabisch|Saudi,Saudi Arabian|Saoediër,Saoediërs,Saoedi,Saoedi's
SN|Senegal|Senegal|Dakar|Senegalees|Senegalese|Senegalees,Senegalezen
RS|Servië|Serbia|Belgrado,Belgrade|Servisch|Serbian|Serviër,Serviërs,Serf,Serven
SC|Seychellen|Seychelles|Victoria|Seychels|Seychellois|
SL|Sierra Leone|Sierra Leone|Freetown|Sierra Leoons|Sierra Leonean|
SG|Singapore|Singapore|Singapore|Singaporees|Singaporean|
SK|Slowakije|Slovakia|Bratislava|Slowaaks|Slovak|Slowaak,Slowaken
SI|Slovenië|Slovenia|Ljubljana|Sloveens|Slovenian,Slovene|Sloveen,Slovenen
SB|Salomonseilanden|Solomon Islands|Honiara|Salomonees|Solomon Islander|
SO|Somalië|Somalia|Mogadishu,Mogadisho|Somalisch|Somali|Somaliër,Somaliërs,Somali's
ZA|Zuid-Afrika|South Africa|Pretoria,Kaapstad,Cape Town|Zuid-Afrikaans|South African|Zuid-Afrikaan,Zuid-Afrikanen
SS|Zuid-Sudan|South Sudan|Juba|Zuid-Sudanees|South Sudanese|Zuid-Sudanees,Zuid-Sudanezen
ES|Spanje|Spain|Madrid|Spaans|Spanish|Spanjaard,Spanjaarden
LK|Sri Lanka|Sri Lanka|Sri Jayawardenepura Kotte,Colombo|Sri Lankaans|Sri Lankan|Sri Lankaan,Sri Lankanen
SD|Sudan,Soedan|Sudan|Khartoem,Khartoum|Sudanees,Soedanees|Sudanese|Sudanees,Sudanezen,Soedanees,Soedanezen
SR|Suriname|Suriname|Paramaribo|Surinaams|Surinamese|Surinamer,Surinamers
SE|Zweden|Sweden|Stockholm|Zweeds|Swedish|Zweed,Zweden
CH|Zwitserland|Switzerland|Bern|Zwitsers|Swiss|Zwitser,Zwitsers
SY|Syrië|Syria|Damascus|Syrisch|Syrian|Syriër,Syriërs
TW|Taiwan|Taiwan|Taipei|Taiwanees|Taiwanese|Taiwanees,Taiwanezen
TJ|Tadzjikistan|Tajikistan|Doesjanbe,Dushanbe|Tadzjieks|Tajik|Tadzjiek,Tadzjieken
TZ|Tanzania|Tanzania|Dodoma|Tanzaniaans|Tanzanian|Tanzaniaan,Tanzanianen
TH|Thailand|Thailand|Bangkok|Thais|Thai|Thai
TL|Oost-Timor|East Timor,Timor-Leste|Dili|Oost-Timorees|Timorese|
TG|Togo|Togo|Lomé|Togolees|Togolese|
TO|Tonga|Tonga|Nuku'alofa|Tongaans|Tongan|
TT|Trinidad en Tobago|Trinidad and Tobago|Port of Spain|Trinidadiaans|Trinidadian|
TN|Tunesië|Tunisia|Tunis|Tunesisch|Tunisian|Tunesiër,Tunesiërs
TR|Turkije,Türkiye|Turkey,Türkiye|Ankara|Turks|Turkish|Turk,Turken
TM|Turkmenistan|Turkmenistan|Asjchabad,Ashgabat|Turkmeens|Turkmen|Turkmeen,Turkmenen
TV|Tuvalu|Tuvalu|Funafuti|Tuvaluaans|Tuvaluan|
UG|Oeganda|Uganda|Kampala|Oegandees|Ugandan|Oegandees,Oegandezen
UA|Oekraïne|Ukraine|Kyiv,Kiev,Kyjiv|Oekraïens|Ukrainian|Oekraïner,Oekraïners
AE|Verenigde Arabische Emiraten,VAE|United Arab Emirates,UAE|Abu Dhabi|Emiraats|Emirati|Emiraat,Emiraten
GB|Verenigd Koninkrijk,Groot-Brittannië,Engeland,Schotland,Wales|United Kingdom,Great Britain,Britain,England,Scotland|Londen,London|Brits,Engels,Schots|British,English,Scottish|Brit,Britten,Engelsman,Engelsen,Schot,Schotten
US|Verenigde Staten,Amerika,VS|United States,United States of America,America,USA|Washington|Amerikaans|American|Amerikaan,Amerikanen
UY|Uruguay|Uruguay|Montevideo|Uruguayaans|Uruguayan|
UZ|Oezbekistan|Uzbekistan|Tasjkent,Tashkent|Oezbeeks|Uzbek|Oezbeek,Oezbeken
VU|Vanuatu|Vanuatu|Port Vila|Vanuatuaans|Ni-Vanuatu|
VA|Vaticaanstad|Vatican City|Vaticaanstad,Vatican City|Vaticaans|Vatican|
VE|Venezuela|Venezuela|Caracas|Venezolaans|Venezuelan|Venezolaan,Venezolanen
VN|Vietnam|Vietnam|Hanoi|Vietnamees|Vietnamese|Vietnamees,Vietnamezen
YE|Jemen|Yemen|Sanaa,Sana'a|Jemenitisch|Yemeni|Jemeniet,Jemenieten
ZM|Zambia|Zambia|Lusaka|Zambiaans|Zambian|
ZW|Zimbabwe|Zimbabwe|Harare|Zimbabwaans|Zimbabwean|Zimbabwaan,Zimbabwanen
AW|Aruba|Aruba|Oranjestad|Arubaans|Aruban|Arubaan,Arubanen
CW|Curaçao|Curaçao|Willemstad|Curaçaos|Curaçaoan|Curaçaoënaar,Curaçaoënaars
SX|Sint Maarten|Sint Maarten|Philipsburg|Sint-Maartens|Sint Maartener|
HK|Hongkong,Hong Kong|Hong Kong|Hongkong,Hong Kong|Hongkongs|Hong Konger|Hongkonger,Hongkongers
EH|Westelijke Sahara|Western Sahara|El Aaiún,Laâyoune|Saharaans,Sahrawi|Sahrawi|Sahrawi's
`;

export interface Country {
  /** ISO 3166-1 alpha-2 code (Kosovo: the user-assigned XK). */
  code: string;
  namesNl: readonly string[];
  namesEn: readonly string[];
  capitals: readonly string[];
  adjectivesNl: readonly string[];
  adjectivesEn: readonly string[];
  demonymsNl: readonly string[];
}

const list = (field: string | undefined): string[] =>
  field
    ? field
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** The inflected form of a Dutch adjective of nationality: Turks → Turkse, Eritrees → Eritrese. */
export function inflectAdjective(adjective: string): string {
  if (adjective.endsWith('ees')) return `${adjective.slice(0, -3)}ese`;
  if (adjective.endsWith('isch')) return `${adjective}e`;
  if (adjective.endsWith('s')) return `${adjective}e`;
  return adjective;
}

export const countries: readonly Country[] = Object.freeze(
  table
    .trim()
    .split('\n')
    .map((line) => {
      const [code, nl, en, capitals, adjNl, adjEn, demNl] = line.split('|');
      return Object.freeze({
        code: code!,
        namesNl: list(nl),
        namesEn: list(en),
        capitals: list(capitals),
        adjectivesNl: list(adjNl),
        adjectivesEn: list(adjEn),
        demonymsNl: list(demNl),
      });
    }),
);
