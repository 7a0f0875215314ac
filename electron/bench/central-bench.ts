import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Organisation, Payload } from '../../shared/exchange/payload';
import type { ReleasedCell } from '../../shared/exchange/released-cell';
import { buildTeamPayload } from '../../shared/exchange/stix/team-bundle';
import { municipalities } from '../../shared/geo';
import { parsePolicy, type Policy } from '../../shared/policy/policy-schema';
import { builtinTaxonomy } from '../../shared/taxonomy/builtin-taxonomy';
import machinetag from '../../shared/taxonomy/nl-obi/machinetag.json';
import { mulberry32 } from '../../shared/test-support/seeded-random';
import { takeInTeamBundle } from '../core/central/central-intake';
import { makeFenomeenbeeld, renderFenomeenbeeld } from '../core/central/central-report';
import { openBundle, sealPayload } from '../core/exchange/envelope';
import { createWorkstationKeys, workstationAgeIdentity, workstationSigningKey } from '../core/exchange/workstation-keys';
import { createVault } from '../core/vault/vault';

/**
 * The central point's intake: a year of team bundles (default 1 000 of 500 cells each, from
 * seeded cells) taken into one central vault, each in its own transaction as the inbox does it:
 * the team-bundle contract checked, the report, cells and summaries stored. Opening a sealed bundle
 * (signature, decryption, payload contract) is measured apart on a sample, as sealing 1 000 large
 * bundles first would dominate the run. Then the report of the year from that vault, as
 * `obi report --period 2026` makes it. Figures only.
 */

export interface CentralBench {
  bundles: number;
  cellsPerBundle: number;
  intakeSeconds: number;
  bundlesPerSecond: number;
  heapGrowthMiB: number;
  rssMiB: number;
  openMsPerBundle: number;
  payloadMB: number;
  /** The year's report from the vault the intake filled: cells read, fenomeenbeeld built; then the HTML. */
  reportMs: number;
  reportHtmlMs: number;
  reportHeapMiB: number;
}

const valuesOf = (predicate: string) => machinetag.values.find((v) => v.predicate === predicate)!.entry.map((e) => e.value);

function seededCells(n: number, quarter: number, rnd: () => number): ReleasedCell[] {
  const actors = ['CN', 'TR', 'IR', 'RU', 'ER', 'MA', 'SY', 'multiple', 'unknown'];
  const objectives = valuesOf('objective');
  const modi = valuesOf('modus-operandi');
  const targets = valuesOf('target');
  const channels = valuesOf('channel');
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() ** 2 * xs.length)]!;
  const month = quarter * 3 + Math.floor(rnd() * 3) + 1;
  const last = new Date(Date.UTC(2026, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return Array.from({ length: n }, () => ({
    stateActor: pick(actors),
    objective: pick(objectives),
    modusOperandi: pick(modi),
    target: pick(targets),
    channel: pick(channels),
    region: { level: 'municipality' as const, value: municipalities[Math.floor(rnd() * municipalities.length)]!.name },
    period: { level: 'month' as const, from: `2026-${mm}-01`, to: `2026-${mm}-${last}` },
    count: 5 + Math.floor(rnd() * 40),
  }));
}

const organisations: Organisation[] = ['SZW', 'BZ', 'NCTV'];

const taxonomy = builtinTaxonomy();

function teamPayload(i: number, cells: number, rnd: () => number): Payload {
  const quarter = i % 4;
  const from = `2026-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(2026, quarter * 3 + 3, 0)).toISOString().slice(0, 10);
  const content = seededCells(cells, quarter, rnd);
  return buildTeamPayload(
    {
      id: randomUUID(),
      organisation: organisations[i % 3]!,
      period: { from, to },
      taxonomyVersion: taxonomy.machinetag.version,
      softwareVersion: '0.1.0',
      now: new Date(`${to}T12:00:00Z`),
    },
    taxonomy,
    { cells: content, summaries: [{ cell: 0, text: 'Samenvatting zonder namen.' }], k: 5, suppressed: 0, carriedOver: 0 },
  );
}

export async function benchCentral(work: string, passphrase: string, bundles = 1_000, cellsPerBundle = 500, sample = 10): Promise<CentralBench> {
  const { vault } = await createVault(join(work, 'central'), passphrase);
  try {
    const keys = await createWorkstationKeys(vault);
    const teams = Array.from({ length: 30 }, (_, t) => ({
      name: `team-${t}`,
      organisation: organisations[t % 3]!,
      signer: 'RWSioElkdZ2TEl9ZFCZPxOBPPYKlf0xt4lGDiV4icm0P/graN+TwIku6'.slice(0, -2) + String(t).padStart(2, '0'),
    }));
    const parsed = parsePolicy({ organisation: 'NCTV', role: 'central', teams });
    if (!parsed.ok) throw new Error('bench policy invalid');
    const policy: Policy = parsed.policy;
    const rnd = mulberry32(23);

    // Opening: signature and decryption of a sample of sealed bundles.
    const signer = workstationSigningKey(vault);
    const identity = workstationAgeIdentity(vault);
    let openMs = 0;
    let payloadBytes = 0;
    for (let i = 0; i < sample; i++) {
      const text = JSON.stringify(teamPayload(i, cellsPerBundle, rnd));
      payloadBytes += text.length;
      const sealed = await sealPayload(text, [keys.recipient], signer);
      const start = performance.now();
      await openBundle(
        { name: 'b.age', bytes: Buffer.from(sealed.age), signature: sealed.minisig },
        { identity, trustedSigners: [{ name: 'team', signer: keys.signer }] },
      );
      openMs += performance.now() - start;
    }

    const heapBefore = process.memoryUsage().heapUsed;
    let seconds = 0;
    for (let i = 0; i < bundles; i++) {
      const payload = teamPayload(i, cellsPerBundle, rnd);
      // Team i % 30 belongs to organisation i % 3, as the payload says.
      const team = teams[i % teams.length]!;
      const start = performance.now();
      takeInTeamBundle(vault, policy, { payload, team: team.name, taxonomy, now: new Date('2027-01-05T09:00:00Z') });
      seconds += (performance.now() - start) / 1000;
    }
    const heapReport = process.memoryUsage().heapUsed;
    const reportStart = performance.now();
    const made = makeFenomeenbeeld(vault, policy, '2026', new Date('2027-01-05T09:00:00Z'));
    const reportMs = performance.now() - reportStart;
    const htmlStart = performance.now();
    renderFenomeenbeeld(made, policy, 'html', 'nl');
    const reportHtmlMs = performance.now() - htmlStart;
    const reportHeapMiB = Math.max(0, process.memoryUsage().heapUsed - heapReport) / 1024 / 1024;
    return {
      reportMs,
      reportHtmlMs,
      reportHeapMiB,
      bundles,
      cellsPerBundle,
      intakeSeconds: seconds,
      bundlesPerSecond: bundles / seconds,
      heapGrowthMiB: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024,
      rssMiB: process.memoryUsage().rss / 1024 / 1024,
      openMsPerBundle: openMs / sample,
      payloadMB: payloadBytes / sample / 1_000_000,
    };
  } finally {
    vault.close();
  }
}
