import { composeIBAN } from 'ibantools';
import { municipalities, neighbourhoods, towns } from '../../../shared/geo';
import { mulberry32 } from '../../../shared/test-support/seeded-random';

/**
 * A seeded generator of annotated sentences for the evaluation corpus: hand-written templates in
 * the register of liaison notes, filled from hand-written lists. Its name lists were written apart
 * from the detector's lexicons and hold many names those lexicons lack, so the generated part also
 * measures how the detectors do on names they have never seen. Same seed, same sentences.
 */

const split = (s: string) => s.trim().split(/\s*,\s*|\s*\n\s*/).filter(Boolean);

const firstNames = split(`
  Mesfin, Tsehaye, Yemane, Kiflom, Habtom, Filmon, Saba, Freweyni, Ruta, Helen, Senait, Aklilu, Merhawi, Tekie, Ghidey,
  Abdiqani, Abdiweli, Hodan, Sahra, Faadumo, Ilhan, Mahamed, Cawil, Ayaan, Muno, Sagal, Khadar,
  Youssra, Nouhaila, Ouissal, Bilal, Achraf, Anass, Zakariae, Rayan, Imane, Chaimae, Soufiane, Mohssine, Hanane, Ilyass,
  Behrouz, Shirin, Kianoush, Roozbeh, Golshifteh, Mehrnoosh, Farzaneh, Arman, Darya, Kiarash, Shadi, Elnaz,
  Emine, Zübeyde, Gülten, Mustafa, Yunus Emre, Berkay, Tuğçe, Ebru, Hatice, Rıza, Kâzım, Serdar, Cansu, İlker,
  Rêzan, Hejar, Rojhat, Bêrîvan, Şêrko, Delal, Zozan, Agîd,
  Abdurahman, Gulnisa, Mahire, Ilshat, Dilshat, Nursimangul, Mutellip, Abdukerim, Parida,
  Xiaowen, Jingyi, Haoyu, Meilin, Zhiyuan, Ruoxi, Wenhao, Yuhan, Jiayi,
  Svetlana, Aleksei, Oksana, Yaroslava, Timofei, Kseniya, Ilya, Ludmila, Artyom,
  Sediqa, Wahidullah, Fereshta, Nazanin, Hamidullah, Mursal, Shukria,
  Thieu, Phuong Anh, Quoc, Lien,
  Marieke, Jeroen, Sanne, Pieter, Ineke, Bas, Annelies
`);
const surnames = split(`
  Tesfagiorgis, Ghebrehiwet, Weldeab, Kidane, Habtemichael, Teklehaimanot, Araya, Mehretab, Zerezghi,
  Warsame, Ducaale, Cabdi, Xuseen, Jaamac, Faarax, Cilmi,
  El Ouali, Bouazzaoui, Ait Taleb, Benhaddou, El Mourabit, Oulad Hadj, Lamkhanter, Azzouz, Boukhriss,
  Rahnama, Ghaffari, Sotoudeh, Mirzakhani, Shokri, Nikpour, Dehghan, Kashani, Jahanbakhsh,
  Karabulut, Çakmakçı, Yücel, Türkmen, Bozkurt, Güngör, Kırbaş, Demirel, Erdinç, Sarıkaya,
  Ekinci, Zengin, Amed, Baysal,
  Tohti, Abdukadir, Memtimin, Sidiq, Turdi,
  Zhou, Gao, Lin, Xu, Qian, Zhang,
  Kuznetsova, Morozova, Vasilenko, Orlova, Fedorchenko, Belyakov,
  Popalzai, Noorzai, Rahmani, Sultani, Mohammadzai,
  Nguyen, Pham, Truong,
  Dekker, de Boer, van Leeuwen, Hoekstra, van der Linden, Verbruggen
`);
const titles = split(`meneer, mevrouw, dhr., mw., imam, pastoor, oom, tante, de heer, zuster, sjeik, dokter`);
const streets = split(`
  Kerkstraat, Molenweg, Stationsplein, Julianalaan, Beatrixstraat, Wilhelminastraat, Schoolstraat, Nieuwstraat,
  Marktplein, Hoofdstraat, Emmalaan, Oranjestraat, Sportlaan, Parallelweg, Van Limburg Stirumstraat,
  Admiraal de Ruijterweg, Burgemeester Roelenweg, Prinsengracht, Westersingel, Rijnkade, Zeedijk, Vondellaan, Lindenhof
`);
const orgNames = split(`
  De Brug, Al Amal, Nieuwe Toekomst, Hoop voor Morgen, Anatolia, Vrouwen van Asmara, Rif Cultuur, Samen Sterk,
  Horizon, Al Nour, Dar Al Salam, Zagros, Tigray Nederland, Medina, Ummah, Kalinka, Lotus, Ararat
`);
const nationalities = split(`Turkse, Marokkaanse, Iraanse, Eritrese, Somalische, Chinese, Russische, Syrische, Afghaanse, Ethiopische, Pakistaanse, Egyptische, Rwandese`);
const countriesNl = split(`Turkije, Marokko, Iran, Eritrea, Somalië, China, Rusland, Syrië, Afghanistan, Ethiopië, Pakistan, Egypte, Rwanda`);
const institutionsNl = split(`het consulaat, de ambassade, de inlichtingendienst, de AIVD, de IND, de politie, het ministerie, de Diyanet, de PFDJ, de ambassadeur`);
const platformsNl = split(`WhatsApp, Telegram, Signal, Facebook, Instagram, TikTok, WeChat, VKontakte, X, YouTube`);
const months = split(`januari, februari, maart, april, mei, juni, juli, augustus, september, oktober, november, december`);
const mailDomains = split(`gmail.com, hotmail.com, outlook.com, ziggo.nl, kpnmail.nl, proton.me, yahoo.com, live.nl`);

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
const mark = (category: string, value: string) => `[[${category}:${value}]]`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function surname(r: Rng): string {
  return pick(r, surnames);
}

function person(r: Rng, allowLower: boolean): string {
  const form = Math.floor(r() * 6);
  const f = pick(r, firstNames);
  const s = surname(r);
  if (form === 0) return mark('person', `${f} ${s}`);
  if (form === 1) return mark('person', `${f.charAt(0)}. ${s}`);
  if (form === 2) return `${pick(r, titles)} ${mark('person', s)}`;
  if (form === 3 && allowLower) return mark('person', f.toLowerCase());
  if (form === 4) return mark('person', f);
  return mark('person', `${f} ${s}`);
}

function phone(r: Rng): string {
  const forms = [
    () => `06-${digits(r, 8)}`,
    () => `06 ${digits(r, 4)} ${digits(r, 4)}`,
    () => `+31 6 ${digits(r, 8)}`,
    () => `+31 (0)6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    () => `0031 6 ${digits(r, 8)}`,
    () => `0${pick(r, ['10', '20', '30', '40', '50', '70', '71', '73', '76', '79'])}-${digits(r, 7)}`,
    () => `+90 5${digits(r, 2)} ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
    () => `+98 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`,
    () => `+212 6${digits(r, 8)}`,
    () => `+291 7 ${digits(r, 6)}`,
    () => `+252 61 ${digits(r, 7)}`,
    () => `+86 1${digits(r, 2)} ${digits(r, 4)} ${digits(r, 4)}`,
  ];
  return mark('phone', pick(r, forms)());
}

function bsn(r: Rng): string {
  for (;;) {
    const d = digits(r, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
    const last = sum % 11;
    if (last < 10 && (d[0] !== '0' || r() < 0.2)) {
      const value = `${d}${last}`;
      return mark('bsn', r() < 0.3 ? `${value.slice(0, 4)}.${value.slice(4, 6)}.${value.slice(6)}` : value);
    }
  }
}

function iban(r: Rng): string {
  const bank = pick(r, ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'BUNQ', 'KNAB']);
  const value = composeIBAN({ countryCode: 'NL', bban: `${bank}${digits(r, 10)}` })!;
  const spaced = value.replace(/(.{4})/g, '$1 ').trim();
  return mark('iban', r() < 0.5 ? value : spaced);
}

function plate(r: Rng): string {
  const L = 'BDFGHJKLNPRSTVXZ';
  const l = (n: number) => Array.from({ length: n }, () => L[Math.floor(r() * L.length)]).join('');
  const forms = [() => `${digits(r, 2)}-${l(3)}-${digits(r, 1)}`, () => `${l(2)}-${digits(r, 3)}-${l(1)}`, () => `${l(3)}-${digits(r, 2)}-${l(1)}`, () => `${l(1)}-${digits(r, 3)}-${l(2)}`, () => `${l(2)}-${l(2)}-${digits(r, 2)}`];
  return mark('plate', pick(r, forms)());
}

function postcode(r: Rng): string {
  const L = 'ABCEGHJKLMNPRTVWXZ';
  return mark('postcode', `${1000 + Math.floor(r() * 9000)}${r() < 0.7 ? ' ' : ''}${L[Math.floor(r() * L.length)]}${L[Math.floor(r() * L.length)]}`);
}

function date(r: Rng): string {
  const d = 1 + Math.floor(r() * 28);
  const m = 1 + Math.floor(r() * 12);
  const y = 1950 + Math.floor(r() * 76);
  const two = (n: number) => String(n).padStart(2, '0');
  const forms = [() => `${two(d)}-${two(m)}-${y}`, () => `${d} ${months[m - 1]} ${y}`, () => `${two(d)}/${two(m)}/${y}`, () => `${d} ${months[m - 1]}`];
  return mark('date', pick(r, forms)());
}

function place(r: Rng): string {
  const source = r();
  if (source < 0.6) return mark('place', pick(r, municipalities).name.replace(/ \((NH|L)\.\)$/, ''));
  if (source < 0.8) return mark('place', pick(r, towns).name);
  return mark('place', pick(r, neighbourhoods).name);
}

function address(r: Rng): string {
  const n = `${1 + Math.floor(r() * 250)}${r() < 0.2 ? pick(r, ['a', 'b', '-II', 'bis']) : ''}`;
  return mark('address', `${pick(r, streets)} ${n}`);
}

function handle(r: Rng): string {
  const f = pick(r, firstNames).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return mark('handle', `@${f}${pick(r, ['_nl', '.', '_', ''])}${digits(r, 2)}`);
}

function email(r: Rng): string {
  const f = pick(r, firstNames).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  const s = surname(r).toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  return mark('email', `${f}.${s}@${pick(r, mailDomains)}`);
}

const templates: Array<(r: Rng) => string> = [
  (r) => `Gesprek met ${person(r, false)} over druk vanuit ${pick(r, institutionsNl)}.`,
  (r) => `${cap(person(r, false))} uit ${place(r)} meldt dat ${pick(r, institutionsNl)} naar haar familie in ${pick(r, countriesNl)} vroeg.`,
  (r) => `De melder is bereikbaar op ${phone(r)}.`,
  (r) => `Contact loopt via ${email(r)}, niet via ${pick(r, platformsNl)}.`,
  (r) => `Zij woont aan de ${address(r)}, ${postcode(r)} ${place(r)}.`,
  (r) => `Zijn BSN ${bsn(r)} stond op een formulier van ${pick(r, institutionsNl)}.`,
  (r) => `Het geld moest naar ${iban(r)}, aldus een bericht op ${pick(r, platformsNl)}.`,
  (r) => `Een auto met kenteken ${plate(r)} stond bij de woning in ${place(r)}.`,
  (r) => `Geboren op ${date(r)} in ${place(r)}, volgens de kopie die ${pick(r, institutionsNl)} had.`,
  (r) => `Op ${date(r)} kreeg ${person(r, false)} een bericht via ${pick(r, platformsNl)}.`,
  (r) => `${cap(person(r, false))}, ${mark('age', `${18 + Math.floor(r() * 60)} jaar`)}, zegt dat de ${pick(r, nationalities)} gemeenschap bang is.`,
  (r) => `De ${mark('age', `${16 + Math.floor(r() * 60)}-jarige`)} vrouw uit ${place(r)} werd benaderd door een man van ${pick(r, institutionsNl)}.`,
  (r) => `${cap(person(r, false))} (${mark('age', String(20 + Math.floor(r() * 55)))}) wil anoniem blijven.`,
  (r) => `Er is een bijeenkomst bij stichting ${mark('organisation', pick(r, orgNames))} in ${place(r)}.`,
  (r) => `Vereniging ${mark('organisation', pick(r, orgNames))} zou lijsten bijhouden voor ${pick(r, institutionsNl)}.`,
  (r) => `Volg ${handle(r)} op ${pick(r, platformsNl)}: daar verschenen de foto's.`,
  (r) => `De ${pick(r, nationalities)} ambassade vroeg naar activisten in ${place(r)}.`,
  (r) => `met ${person(r, true)} gesproken na afloop, ${pick(r, ['geen bijzonderheden', 'nieuwe info over het consulaat', 'belt later terug'])}.`,
  (r) => `Haar broer ${mark('person', pick(r, firstNames))} werd in ${pick(r, countriesNl)} verhoord over zijn contacten in Nederland.`,
  (r) => `Het paspoort met nummer ${mark('document', `${pick(r, ['N', 'B', 'X', 'U'])}${pick(r, ['W', 'R', 'P', 'K'])}${digits(r, 6)}${digits(r, 1)}`)} werd ingehouden.`,
  (r) => `Volgens ${pick(r, institutionsNl)} worden ${pick(r, nationalities)} studenten op ${pick(r, platformsNl)} gevolgd.`,
  (r) => `Meldingen uit ${pick(r, ['Noord-Holland', 'Zuid-Holland', 'Gelderland', 'Limburg', 'Noord-Brabant', 'Overijssel'])} gaan vooral over ${pick(r, countriesNl)}.`,
  (r) => `Geen persoonsgegevens; het gesprek ging over ${pick(r, institutionsNl)} en angst onder ${pick(r, nationalities)} Nederlanders.`,
  (r) => `${cap(pick(r, institutionsNl))} van ${pick(r, countriesNl)} zou informanten hebben in de gemeenschap.`,
  (r) => `In ${place(r)} werden posters weggehaald; ${person(r, false)} zag wie het deed.`,
  (r) => `${cap(person(r, false))} en ${person(r, false)} kregen dezelfde dreigbrief.`,
  (r) => `Zie ${mark('url', `www.${pick(r, ['vrijestem', 'diaspora-info', 'nieuwsdienst', 'gemeenschapnl'])}.${pick(r, ['nl', 'org', 'com'])}`)} voor de oproep die werd gedeeld.`,
  (r) => `De bijeenkomst op ${date(r)} in ${place(r)} werd gefilmd.`,
  (r) => `Sinds ${1990 + Math.floor(r() * 35)} woont het gezin in Nederland; de vader werkt al ${2 + Math.floor(r() * 20)} jaar in de zorg.`,
  (r) => `In ${pick(r, months)} ${2020 + Math.floor(r() * 6)} kwamen meer meldingen over ${pick(r, countriesNl)} en ${pick(r, countriesNl)}.`,
  (r) => `${cap(pick(r, nationalities))} jongeren zeggen dat ${pick(r, institutionsNl)} hun ouders in ${pick(r, countriesNl)} onder druk zet.`,
  (r) => `Volgens ${pick(r, titles)} ${mark('person', surname(r))} houdt de ${pick(r, nationalities)} vereniging lijsten bij.`,
];

/** `count` annotated sentences as `id<TAB>text` lines, the same for the same seed. */
export function generateSentences(seed: number, count: number): string[] {
  const r = mulberry32(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    lines.push(`g${String(i + 1).padStart(3, '0')}\t${template(r)}`);
  }
  return lines;
}
