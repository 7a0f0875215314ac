import { join } from 'node:path';
import { afterEach } from 'vitest';
import { parsePolicy, type Policy } from '../../shared/policy/policy-schema';
import { captureDeps } from '../core/wiring';
import { importMeetings } from '../core/capture/notes-import';
import { readyAll } from '../core/capture/ready-all';
import { createWorkstationKeys } from '../core/exchange/workstation-keys';
import { createVault, type OpenVault } from '../core/vault/vault';
import { stockAgeKey } from './stock-tools';
import { passphrase, tempDir, testVaultOptions } from './temp-dirs';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

const tags = ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"', 'nl-obi:target="students-academics"', 'nl-obi:channel="in-person"'];

/** `n` conversations with one signal each, as `obi notes import` takes them in. */
export const meetings = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      date: '2026-10-12',
      kind: 'individual-conversation',
      community: 'chinese',
      municipality: 'Utrecht',
      participants: 1,
      notes: `Gesprek ${from + i}: studenten werden gefotografeerd.`,
      signals: [{ quote: 'studenten werden gefotografeerd', summary: `Studenten gefotografeerd, gesprek ${from + i}.`, tags, consent: true }],
    }),
  ).join('\n');

export function testPolicy(raw: Record<string, unknown>): Policy {
  const parsed = parsePolicy({ organisation: 'SZW', language: 'nl', ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

async function workstation(name: string) {
  const { vault } = await createVault(join(tempDir(), name), passphrase, testVaultOptions);
  open.push(vault);
  return { vault, keys: await createWorkstationKeys(vault), deps: captureDeps(vault) };
}

export type TransportPolicy = Record<string, unknown>;

/**
 * An officer with `ready` ready signals and a team lead (k = 2) in this process, each with its
 * policy; the transports are the caller's. The central point's key is a stock age key.
 */
export async function exchangePair(transports: { officer: TransportPolicy; lead: TransportPolicy }, ready = 3) {
  const root = tempDir();
  const officer = await workstation('officer');
  const lead = await workstation('lead');
  const central = stockAgeKey(root);
  importMeetings(officer.vault, officer.deps, meetings(ready));
  readyAll(officer.vault, officer.deps, true);
  const officerPolicy = testPolicy({ role: 'officer', teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient }, transport: transports.officer });
  const leadPolicy = testPolicy({
    role: 'teamlead',
    kAnonymity: 2,
    team: [{ name: 'officer-1', signer: officer.keys.signer, recipient: officer.keys.recipient }],
    central: { recipient: central.recipient },
    transport: transports.lead,
  });
  return { root, officer, lead, central, officerPolicy, leadPolicy };
}
