import { mulberry32 } from '../../shared/test-support/seeded-random';
import { foldForSearch } from '../../shared/text/fold';
import type { SqlDatabase } from '../core/vault/sqlcipher';

/**
 * A seeded generator of realistic-looking meetings and signals for the benchmarks: the same seed
 * gives the same vault. Text is assembled from hand-written Dutch fragments in the register of
 * liaison notes; names are synthetic. Rows go in with plain SQL in large transactions, because
 * generating is not what is measured.
 */
const openings = [
  'Bijeenkomst in het buurthuis met vertegenwoordigers van de gemeenschap.',
  'Individueel gesprek op verzoek van een contactpersoon.',
  'Online overleg met het bestuur van een culturele vereniging.',
  'Informele ontmoeting na afloop van een voorlichtingsavond.',
  'Gesprek met jongeren over hun ervaringen op school en online.',
];
const fragments = [
  'Men vertelt dat medewerkers van de ambassade foto’s maakten tijdens de demonstratie.',
  'Een deelnemer zegt dat familie in het land van herkomst is ondervraagd door de inlichtingendienst.',
  'Er circuleren berichten in een Telegram-groep waarin leden van de vereniging worden bedreigd.',
  'Het consulaat zou hebben aangeboden paspoorten sneller te verlengen in ruil voor informatie.',
  'Studenten voelen zich bekeken en vermijden politieke discussies in de collegezaal.',
  'Een imam vertelt over druk om preken vooraf voor te leggen aan een buitenlandse stichting.',
  'Via WhatsApp kregen ouders het verzoek namen van activisten door te geven.',
  'Bij een culturele avond waren onbekende mannen aanwezig die gesprekken opnamen.',
  'Een journalist ontving anonieme dreigberichten na een publicatie over mensenrechten.',
  'Men durft geen aangifte te doen uit angst voor gevolgen voor familie.',
  'De financiering van de moskee komt deels uit het buitenland en dat beïnvloedt het bestuur.',
  'Een ondernemer werd gevraagd bij te dragen aan een fonds van de ambassade.',
  'Sommige leden trekken zich terug uit de vereniging en komen niet meer naar bijeenkomsten.',
  'Er is spanning tussen groepen binnen de gemeenschap over de houding tegenover de regering thuis.',
  'Een deelnemer meldt dat zijn reisdocumenten niet werden verlengd na kritiek op sociale media.',
];
const names = ['Yıldız', 'Çelik', 'Haddad', 'Tesfaye', 'Farahani', 'Wang', 'Abdullahi', 'Öztürk', 'Mehmet', 'Ahmadi'];
const municipalities: Array<[string, string]> = [
  ['Amsterdam', 'Noord-Holland'],
  ['Rotterdam', 'Zuid-Holland'],
  ["'s-Gravenhage", 'Zuid-Holland'],
  ['Utrecht', 'Utrecht'],
  ['Deventer', 'Overijssel'],
  ['Tilburg', 'Noord-Brabant'],
  ['Almere', 'Flevoland'],
  ['Zwolle', 'Overijssel'],
  ['Groningen', 'Groningen'],
  ['Eindhoven', 'Noord-Brabant'],
];
const communities = ['turkish', 'iranian', 'chinese', 'eritrean', 'moroccan', 'russian', 'uyghur', 'somali'];
const actors = ['TR', 'IR', 'CN', 'ER', 'MA', 'RU', 'SY', 'unknown'];
const modi = ['intimidation-threats', 'coercion-by-proxy-family', 'physical-surveillance', 'digital-threat-harassment', 'informant-recruitment'];
const kinds = ['community-dialogue', 'individual-conversation', 'event', 'remote'];
const states = ['draft', 'draft', 'ready', 'sent', 'approved', 'delivered'];

/** Words that occur in the generated text, for search queries. */
export const benchQueryWords = [
  'ambassade',
  'consulaat',
  'telegram',
  'yildiz',
  'familie',
  'paspoorten',
  'dreigberichten',
  'moskee',
  'studenten',
  'aangifte',
  'demonstratie',
  'celik',
  'reisdocumenten',
];

export function generateCapture(db: SqlDatabase, meetings: number, signalsPerMeeting: number, seed = 42): void {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = new Date('2026-11-01T10:00:00Z').toISOString();
  const insertMeeting = db.prepare(
    `INSERT INTO meetings (id, date, time, kind, community, municipality, province, setting, participants, taxonomy_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'buurthuis', ?, 1, ?, ?)`,
  );
  const insertNotes = db.prepare('INSERT INTO notes (meeting_id, body, revision, saved_at) VALUES (?, ?, 1, ?)');
  const indexNotes = db.prepare('INSERT INTO notes_fts (rowid, body) VALUES (?, ?)');
  const insertSignal = db.prepare(
    `INSERT INTO signals (meeting_id, state, summary, consent, taxonomy_version, created_at, updated_at, state_changed_at)
     VALUES (?, ?, ?, 1, 1, ?, ?, ?)`,
  );
  const indexSummary = db.prepare('INSERT INTO summaries_fts (rowid, body) VALUES (?, ?)');
  const insertTag = db.prepare('INSERT OR IGNORE INTO signal_tags (signal_id, predicate, tag) VALUES (?, ?, ?)');
  const insertSpan = db.prepare('INSERT INTO signal_spans (signal_id, start, end, quote) VALUES (?, ?, ?, ?)');
  const batch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 1000) * 86_400_000).toISOString().slice(0, 10);
      const [municipality, province] = pick(municipalities);
      insertMeeting.run(id, day, '19:30', pick(kinds), pick(communities), municipality, province, 3 + Math.floor(rnd() * 30), at, at);
      const parts = [pick(openings)];
      const n = 4 + Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) parts.push(rnd() < 0.2 ? `Mevrouw ${pick(names)} vertelt: ${pick(fragments)}` : pick(fragments));
      const body = parts.join(' ');
      insertNotes.run(id, body, at);
      indexNotes.run(id, foldForSearch(body));
      for (let s = 0; s < signalsPerMeeting; s++) {
        const quote = parts[1 + s] ?? parts[0]!;
        const start = body.indexOf(quote);
        const summary = quote.replace(/Mevrouw \S+ vertelt: /, '');
        const { lastInsertRowid } = insertSignal.run(id, pick(states), summary, at, at, at);
        const signalId = Number(lastInsertRowid);
        indexSummary.run(signalId, foldForSearch(summary));
        insertTag.run(signalId, 'nl-obi:state-actor', `nl-obi:state-actor="${pick(actors)}"`);
        insertTag.run(signalId, 'nl-obi:modus-operandi', `nl-obi:modus-operandi="${pick(modi)}"`);
        insertSpan.run(signalId, start, start + quote.length, quote);
      }
    }
  });
  for (let i = 1; i <= meetings; i += 5000) batch(i, Math.min(meetings + 1, i + 5000));
}
