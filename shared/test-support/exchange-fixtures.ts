import type { PayloadHeader } from '../exchange/payload';
import type { ReleasedCell } from '../exchange/released-cell';
import type { OfficerSignal } from '../exchange/stix/officer-bundle';
import type { SignalStatus } from '../exchange/stix/returned-bundle';
import type { TeamSummary } from '../exchange/stix/team-bundle';

/** Sample content for the bundle builders, covering every kind of value a cell may hold. */

export const header = (id = '6f1c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60'): PayloadHeader => ({
  id,
  organisation: 'SZW',
  period: { from: '2026-07-01', to: '2026-09-30' },
  taxonomyVersion: 2,
  softwareVersion: '0.1.0',
  now: new Date('2026-10-01T09:41:27.123Z'),
});

export const officerSignals: OfficerSignal[] = [
  {
    signalRef: '0b3e7a52-8f4d-4f6b-a2c1-5d9e8f7a6b01',
    conversation: '3f2a9c1e7b5d4a6c8e0f1a2b3c4d5e6f',
    summary: '[PERSOON-1] werd na een bijeenkomst aangesproken door een medewerker van het consulaat.',
    tags: ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="intimidation-threats"', 'admiralty-scale:source-reliability="b"'],
    meetingDate: '2026-08-14',
    municipality: "'s-Gravenhage",
    province: 'Zuid-Holland',
    consent: true,
  },
  {
    signalRef: '1c4f8b63-9a5e-4a7c-b3d2-6eaf9a8b7c12',
    conversation: '5b1c0d2e3f4a5b6c7d8e9f0a1b2c3d4e',
    summary: 'Familie in het land van herkomst werd bezocht na deelname aan een demonstratie.',
    tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="coercion-by-proxy-family"', 'nl-obi:channel="via-family-in-origin-country"'],
    meetingDate: '2026-09-02',
    municipality: "'s-Gravenhage",
    province: 'Zuid-Holland',
    consent: true,
  },
  {
    signalRef: '2d5a9c74-ab6f-4b8d-84e3-7fb0ab9c8d23',
    conversation: '9a8b7c6d5e4f30211f2e3d4c5b6a7988',
    summary: 'Berichten via sociale media met de oproep om niet meer naar de vereniging te gaan.',
    tags: ['nl-obi:state-actor="TR"', 'nl-obi:modus-operandi="digital-threat-harassment"', 'admiralty-scale:information-credibility="2"'],
    meetingDate: '2026-09-20',
    municipality: 'Eindhoven',
    province: 'Noord-Brabant',
    consent: true,
  },
];

export const cells: ReleasedCell[] = [
  {
    stateActor: 'CN',
    modusOperandi: 'intimidation-threats',
    target: 'activists-dissidents',
    channel: 'in-person',
    region: { level: 'province', value: 'Zuid-Holland' },
    period: { level: 'month', from: '2026-08-01', to: '2026-08-31' },
    count: 6,
  },
  {
    stateActor: 'CN',
    modusOperandi: 'intimidation-threats',
    target: 'journalists-media',
    channel: 'social-media',
    region: { level: 'municipality', value: 'Amsterdam' },
    period: { level: 'day', from: '2026-08-14', to: '2026-08-14' },
    count: 5,
  },
  {
    stateActor: 'multiple',
    modusOperandi: 'multiple',
    target: 'any',
    channel: 'multiple',
    region: { level: 'landsdeel', value: 'West' },
    period: { level: 'quarter', from: '2026-07-01', to: '2026-09-30' },
    count: 9,
  },
  {
    stateActor: 'unknown',
    modusOperandi: 'coercion-by-proxy-family',
    target: 'civil society',
    channel: 'unknown',
    region: { level: 'country', value: 'NL' },
    period: { level: 'week', from: '2026-09-14', to: '2026-09-20' },
    count: 5,
  },
];

export const summaries: TeamSummary[] = [
  { cell: 0, text: 'Meerdere activisten werden na bijeenkomsten aangesproken door medewerkers van de ambassade.' },
  { cell: 2, text: 'Druk via familie in het land van herkomst na deelname aan demonstraties.' },
];

export const statuses: SignalStatus[] = [
  { signalRef: '0b3e7a52-8f4d-4f6b-a2c1-5d9e8f7a6b01', status: 'approved' },
  { signalRef: '1c4f8b63-9a5e-4a7c-b3d2-6eaf9a8b7c12', status: 'returned', reason: 'Het kanaal ontbreekt; vul het aan.' },
  { signalRef: '2d5a9c74-ab6f-4b8d-84e3-7fb0ab9c8d23', status: 'delivered' },
];
