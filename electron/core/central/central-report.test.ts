import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fenomeenbeeld } from '../../../shared/central/fenomeenbeeld';
import { readPayload, type Organisation } from '../../../shared/exchange/payload';
import type { ReleasedCell } from '../../../shared/exchange/released-cell';
import { readTeamBundle } from '../../../shared/exchange/stix/team-bundle';
import type { Policy } from '../../../shared/policy/policy-schema';
import { reportJsonKeys } from '../../../shared/test-support/central-fixtures';
import { printHtmlToPdf } from '../platform/chromium-pdf';
import { centralWorkstation, conversationLine, makeTeam, teamRound, type Central, type Team } from '../../test-support/central-chain';
import { readInbox } from '../exchange/exchange-service';
import { outgoingPayload } from '../exchange/outgoing-ledger';
import { captureDeps } from '../wiring';
import { makeFenomeenbeeld, renderFenomeenbeeld } from './central-report';

/**
 * The whole chain with seeded data: three organisations with two teams each, three officers per
 * team, four quarters of signals. Every quarter each officer has one conversation about China and
 * one about Iran; in the fourth, three about Iran: the planted rise. In the fourth quarter one BZ
 * team has nothing (it sends the signed empty report) and one NCTV team sends nothing at all.
 */

const quarters = [
  { label: '2026-Q1', date: '2026-01-13', sent: '2026-03-30T10:00:00Z' },
  { label: '2026-Q2', date: '2026-04-14', sent: '2026-06-29T10:00:00Z' },
  { label: '2026-Q3', date: '2026-07-14', sent: '2026-09-29T10:00:00Z' },
  { label: '2026-Q4', date: '2026-10-13', sent: '2026-12-29T10:00:00Z' },
];

let serial = 0;
const conversation = (date: string, actor: 'CN' | 'IR') => conversationLine(date, ++serial, actor);

const organisations: Organisation[] = ['SZW', 'BZ', 'NCTV'];

let central: Central;
let teams: Team[];
let policy: Policy;
/** The released cells of every team bundle, read from what each team lead sent: the test's own account. */
const released: Array<ReleasedCell & { organisation: Organisation; team: string }> = [];
/** The summaries every team lead sent with its cells, with the cell each belongs to. */
const sentSummaries: Array<{ text: string; cell: ReleasedCell; organisation: Organisation }> = [];
let q4: Fenomeenbeeld;
let q3: Fenomeenbeeld;
let q1: Fenomeenbeeld;
let json: Record<string, unknown>;
let html: string;

beforeAll(async () => {
  central = await centralWorkstation();
  teams = [];
  for (const organisation of organisations)
    for (const n of [1, 2]) teams.push(await makeTeam(`${organisation.toLowerCase()}-${n}`, organisation, central.recipient, 3, 3));
  policy = central.policy(teams);
  for (const [qi, q] of quarters.entries()) {
    const last = qi === quarters.length - 1;
    for (const team of teams) {
      if (last && team.name === 'nctv-2') continue;
      const empty = last && team.name === 'bz-2';
      const perOfficer = team.officers.map(() =>
        empty ? null : [conversation(q.date, 'CN'), ...Array.from({ length: last ? 3 : 1 }, () => conversation(q.date, 'IR'))].join('\n'),
      );
      const file = await teamRound(team, perOfficer, new Date(q.sent));
      const payload = readPayload(JSON.parse(outgoingPayload(team.lead, basename(file, '.age'))));
      if (!payload.ok) throw new Error('the team lead sent an invalid payload');
      const read = readTeamBundle(payload.value);
      if (!read.ok) throw new Error('the team bundle does not read');
      released.push(...read.value.cells.map((c) => ({ ...c, organisation: team.organisation, team: team.name })));
      sentSummaries.push(...read.value.summaries.map((s) => ({ text: s.text, cell: read.value.cells[s.cell]!, organisation: team.organisation })));
      const results = await readInbox(central.vault, policy, captureDeps(central.vault), [file]);
      if (results[0]?.outcome !== 'imported') throw new Error(`the central point refused ${team.name}: ${results[0]?.message}`);
    }
  }
  // The chain's vaults close after the first test: every report is made here.
  const now = new Date('2027-01-05T09:00:00Z');
  const made = makeFenomeenbeeld(central.vault, policy, '2026-Q4', now);
  q4 = made.fenomeenbeeld;
  q3 = makeFenomeenbeeld(central.vault, policy, '2026-Q3', now).fenomeenbeeld;
  q1 = makeFenomeenbeeld(central.vault, policy, '2026-Q1', now).fenomeenbeeld;
  json = JSON.parse(renderFenomeenbeeld(made, policy, 'json', 'en')) as Record<string, unknown>;
  html = renderFenomeenbeeld(made, policy, 'html', 'nl');
}, 600_000);

/** The test's own sum over the released cells of a quarter, by one dimension. */
function expectedBy(key: (c: (typeof released)[number]) => string, from: string, to: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of released.filter((c) => c.period.from >= from && c.period.to <= to)) sums.set(key(c), (sums.get(key(c)) ?? 0) + c.count);
  return sums;
}

const shown = (rows: ReadonlyArray<{ value: string; count: number | null }>) => new Map(rows.filter((r) => r.count !== null).map((r) => [r.value, r.count!]));

describe('the central point, end to end', () => {
  it('shows every figure as the sum of the released cells of the period', () => {
    expect(released.length).toBeGreaterThan(0);
    expect(shown(q4.byStateActor)).toEqual(expectedBy((c) => c.stateActor, '2026-10-01', '2026-12-31'));
    expect(shown(q4.byOrganisation)).toEqual(expectedBy((c) => c.organisation, '2026-10-01', '2026-12-31'));
    expect(shown(q4.byModusOperandi)).toEqual(expectedBy((c) => c.modusOperandi, '2026-10-01', '2026-12-31'));
    expect(shown(q4.byStateActor)).toEqual(
      new Map([
        ['CN', 12],
        ['IR', 36],
      ]),
    );
    expect(shown(q1.byStateActor)).toEqual(expectedBy((c) => c.stateActor, '2026-01-01', '2026-03-31'));
  });

  it('flags the planted rise of Iran and nothing else', () => {
    const flagged = [...q4.trends.byStateActor, ...q4.trends.byStateActorAndModusOperandi].filter((s) => s.flagged);
    expect(flagged.length).toBeGreaterThan(0);
    expect(new Set(flagged.map((s) => s.stateActor))).toEqual(new Set(['IR']));
    expect([...q3.trends.byStateActor, ...q3.trends.byStateActorAndModusOperandi].filter((s) => s.flagged)).toEqual([]);
  });

  it('calls a team that sent nothing silent and one that sent the empty report empty', () => {
    const status = Object.fromEntries(q4.coverage.map((c) => [c.team, c.status]));
    expect(status).toEqual({ 'szw-1': 'reported', 'szw-2': 'reported', 'bz-1': 'reported', 'bz-2': 'empty', 'nctv-1': 'reported', 'nctv-2': 'silent' });
  });

  it('carries at most two summaries per cell from the team leads, each from another conversation, and shows each with its cell', () => {
    const q4Cells = released.filter((c) => c.period.from >= '2026-10-01');
    expect(sentSummaries.length).toBeGreaterThan(0);
    for (const cell of new Set(sentSummaries.map((s) => s.cell))) {
      const texts = sentSummaries.filter((s) => s.cell === cell).map((s) => s.text);
      expect(texts.length).toBeLessThanOrEqual(2);
      // Every summary names its own conversation ("gesprek N"): two alike would be one conversation twice.
      expect(new Set(texts.map((t) => /gesprek (\d+)/.exec(t)?.[1])).size).toBe(texts.length);
    }
    const q4Sent = sentSummaries.filter((s) => s.cell.period.from >= '2026-10-01');
    expect(q4.illustrations.map((i) => i.text).sort()).toEqual(q4Sent.map((s) => s.text).sort());
    for (const i of q4.illustrations) {
      const sent = q4Sent.find((s) => s.text === i.text)!;
      expect(i.organisation).toBe(sent.organisation);
      expect(i.values.stateActor).toBe(sent.cell.stateActor);
      expect(q4Cells.some((c) => c.stateActor === i.values.stateActor && c.organisation === i.organisation)).toBe(true);
    }
  });

  it('renders the report as JSON with the keys of the contract, and prints the HTML to a PDF', async () => {
    for (const key of reportJsonKeys) expect(json, key).toHaveProperty(key);
    expect(html).toContain('<svg');
    const pdf = await printHtmlToPdf(html, '/usr/bin/chromium');
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 180_000);
});
