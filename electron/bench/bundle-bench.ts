import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicy, type Policy } from '../../shared/policy/policy-schema';
import { formatTag } from '../../shared/taxonomy/tags';
import { importMeetings } from '../core/capture/notes-import';
import { readyAll } from '../core/capture/ready-all';
import { sealPayload } from '../core/exchange/envelope';
import { prepareOfficerBundle } from '../core/exchange/prepare-officer-bundle';
import { outgoingPayload } from '../core/exchange/outgoing-ledger';
import { approve, listReview, storeIncoming, type IncomingSignal } from '../core/exchange/four-eyes-review';
import { prepareTeamBundles } from '../core/exchange/prepare-team-bundles';
import { createWorkstationKeys, workstationSigningKey } from '../core/exchange/workstation-keys';
import { createVault } from '../core/vault/vault';
import { captureDeps } from '../core/wiring';
import { seededApprovedSignals } from './k-anonymity-bench';

/**
 * Bundles at the sizes the issue names: an officer bundle of 1 000 signals and a team bundle of
 * 10 000. Preparing covers the core re-check of every summary, building the STIX and sealing (age
 * encryption and minisign signature); sealing alone is also timed on the same payload, to give
 * the throughput through age. Figures only.
 */

export interface BundleBench {
  officer: { signals: number; prepareSeconds: number; payloadMB: number; sealMBps: number };
  team: { approved: number; signals: number; cells: number; prepareSeconds: number; payloadMB: number; sealMBps: number };
}

const passphrase = 'bench passphrase that is long enough';
const mb = (text: string) => Buffer.byteLength(text) / 1_000_000;

function policy(raw: Record<string, unknown>): Policy {
  const parsed = parsePolicy({ organisation: 'SZW', language: 'nl', ...raw });
  if (!parsed.ok) throw new Error(`bench policy: ${parsed.problems.map((p) => p.key).join(', ')}`);
  return parsed.policy;
}

const officerLine = (i: number) => {
  const notes = `Gesprek ${i}. Een deelnemer vertelde dat familie in het land van herkomst is ondervraagd over activiteiten in Nederland, en dat medewerkers van het consulaat foto's maakten tijdens een bijeenkomst.`;
  return JSON.stringify({
    date: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}`,
    kind: 'individual-conversation',
    community: 'iranian',
    municipality: i % 2 ? 'Deventer' : 'Utrecht',
    participants: 1,
    notes,
    signals: [
      {
        quote: notes,
        summary: notes,
        tags: [
          'nl-obi:state-actor="IR"',
          'nl-obi:modus-operandi="coercion-by-proxy-family"',
          'nl-obi:target="activists-dissidents"',
          'nl-obi:channel="via-family-in-origin-country"',
        ],
        consent: true,
      },
    ],
  });
};

async function timedSeal(payload: string, recipient: string, signer: ReturnType<typeof workstationSigningKey>): Promise<number> {
  const start = performance.now();
  await sealPayload(payload, [recipient], signer);
  return mb(payload) / ((performance.now() - start) / 1000);
}

export async function benchBundles(officerSignals = 1_000, teamSignals = 10_000): Promise<BundleBench> {
  const work = mkdtempSync(join(tmpdir(), 'obi-bench-bundles-'));
  try {
    const officer = (await createVault(join(work, 'officer'), passphrase)).vault;
    const lead = (await createVault(join(work, 'lead'), passphrase)).vault;
    const officerKeys = await createWorkstationKeys(officer);
    const leadKeys = await createWorkstationKeys(lead);
    const deps = captureDeps(officer);
    importMeetings(officer, deps, Array.from({ length: officerSignals }, (_, i) => officerLine(i)).join('\n'));
    readyAll(officer, deps, true);
    const officerPolicy = policy({ role: 'officer', teamLead: { signer: leadKeys.signer, recipient: leadKeys.recipient } });
    let start = performance.now();
    const o = await prepareOfficerBundle(officer, officerPolicy, deps, new Date());
    const officerSeconds = (performance.now() - start) / 1000;
    const officerPayload = outgoingPayload(officer, o.id);
    const officerSeal = await timedSeal(officerPayload, leadKeys.recipient, workstationSigningKey(officer));
    officer.close();

    // The lead's inbox: the seeded signals in bundles of 1 000, each approved by the lead.
    const seeded = seededApprovedSignals(teamSignals, 23);
    for (let b = 0; b < teamSignals; b += 1000) {
      const signals: IncomingSignal[] = seeded.slice(b, b + 1000).map((s) => ({
        signalRef: s.id,
        conversation: createHash('sha256').update(s.conversation).digest('hex').slice(0, 32),
        summary: 'Familie in het land van herkomst ondervraagd over activiteiten in Nederland.',
        tags: [
          ...s.stateActors.map((v) => formatTag('nl-obi', 'state-actor', v)),
          ...s.objectives.map((v) => formatTag('nl-obi', 'objective', v)),
          ...s.modi.map((v) => formatTag('nl-obi', 'modus-operandi', v)),
          ...s.targets.map((v) => formatTag('nl-obi', 'target', v)),
          ...s.channels.map((v) => formatTag('nl-obi', 'channel', v)),
        ],
        date: s.date,
        municipality: s.municipality,
        province: s.province,
      }));
      storeIncoming(lead, { id: crypto.randomUUID(), kind: 'officer', signer: officerKeys.signer, signerName: 'officer-1', payload: '{}', signals });
    }
    const ids = listReview(lead, leadKeys.signer, 'pending').map((item) => item.id);
    for (const id of ids) approve(lead, id, leadKeys.signer);
    const leadPolicy = policy({
      role: 'teamlead',
      kAnonymity: 5,
      team: [{ name: 'officer-1', signer: officerKeys.signer, recipient: officerKeys.recipient }],
      central: { recipient: officerKeys.recipient },
    });
    start = performance.now();
    const t = await prepareTeamBundles(lead, leadPolicy, new Date(), { withReturns: false });
    const teamSeconds = (performance.now() - start) / 1000;
    const teamPayload = outgoingPayload(lead, t.id);
    const teamSeal = await timedSeal(teamPayload, officerKeys.recipient, workstationSigningKey(lead));
    lead.close();
    return {
      officer: { signals: o.signals, prepareSeconds: officerSeconds, payloadMB: mb(officerPayload), sealMBps: officerSeal },
      team: { approved: ids.length, signals: t.released, cells: t.cells, prepareSeconds: teamSeconds, payloadMB: mb(teamPayload), sealMBps: teamSeal },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
