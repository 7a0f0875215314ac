import { mulberry32 } from '../../shared/test-support/seeded-random';
import { MeetingStore } from '../core/capture/meeting-store';
import { SignalStore } from '../core/capture/signal-store';
import type { OpenVault } from '../core/vault/vault';

/**
 * A seeded generator of realistic-looking meetings and signals for the benchmarks: the same seed
 * gives the same vault. Text is assembled from hand-written Dutch fragments in the register of
 * liaison notes; names are synthetic. Rows go in through capture's stores in large transactions,
 * without the checks of the capture services (and as drafts), because generating is not what is
 * measured.
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
const kinds = ['community-dialogue', 'individual-conversation', 'event', 'remote'] as const;

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

export function generateCapture(vault: OpenVault, meetings: number, signalsPerMeeting: number, seed = 42): void {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const at = new Date('2026-11-01T10:00:00Z').toISOString();
  const meetingStore = new MeetingStore(vault);
  const signalStore = new SignalStore(vault);
  const batch = (count: number) =>
    vault.transaction(() => {
      for (let n = 0; n < count; n++) {
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rnd() * 1000) * 86_400_000).toISOString().slice(0, 10);
        const [municipality, province] = pick(municipalities);
        const id = meetingStore.insert(
          {
            date: day,
            time: '19:30',
            kind: pick(kinds),
            community: pick(communities),
            municipality,
            province,
            setting: 'buurthuis',
            participants: 3 + Math.floor(rnd() * 30),
            taxonomyVersion: 1,
          },
          at,
        );
        const parts = [pick(openings)];
        const k = 4 + Math.floor(rnd() * 8);
        for (let i = 0; i < k; i++) parts.push(rnd() < 0.2 ? `Mevrouw ${pick(names)} vertelt: ${pick(fragments)}` : pick(fragments));
        const body = parts.join(' ');
        meetingStore.addNotes(id, body, at);
        for (let s = 0; s < signalsPerMeeting; s++) {
          const quote = parts[1 + s] ?? parts[0]!;
          const start = body.indexOf(quote);
          const summary = quote.replace(/Mevrouw \S+ vertelt: /, '');
          const signalId = signalStore.insert({ meetingId: id, summary, consent: true, taxonomyVersion: 1 }, at);
          signalStore.indexSummary(signalId, summary);
          signalStore.setTags(signalId, [
            { predicate: 'nl-obi:state-actor', tag: `nl-obi:state-actor="${pick(actors)}"` },
            { predicate: 'nl-obi:modus-operandi', tag: `nl-obi:modus-operandi="${pick(modi)}"` },
          ]);
          signalStore.addSpans(signalId, [{ start, end: start + quote.length, quote }]);
        }
      }
    });
  for (let done = 0; done < meetings; done += 5000) batch(Math.min(5000, meetings - done));
}
