import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Organisation } from '../../shared/exchange/payload';
import type { Policy } from '../../shared/policy/policy-schema';
import { importMeetings } from '../core/capture/notes-import';
import { readyAll } from '../core/capture/ready-all';
import { readInbox, sendNow } from '../core/exchange/exchange-service';
import { approve, listReview } from '../core/exchange/four-eyes-review';
import { createWorkstationKeys } from '../core/exchange/workstation-keys';
import { createVault, type OpenVault } from '../core/vault/vault';
import { captureDeps } from '../core/wiring';
import { testPolicy } from './exchange-pair';
import { passphrase, tempDir, testVaultOptions } from './temp-dirs';

/**
 * Whole teams (officers and a team lead, each with a vault and keys) sending to a central
 * workstation in this process, over folders, as the central point's tests need them. Each team
 * bundle goes to its own folder, so a test decides what reaches the central inbox.
 */

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

async function workstation(dir: string) {
  const { vault } = await createVault(dir, passphrase, testVaultOptions);
  open.push(vault);
  return { vault, keys: await createWorkstationKeys(vault) };
}

export interface Officer {
  name: string;
  vault: OpenVault;
  policy: Policy;
}

export interface Team {
  name: string;
  organisation: Organisation;
  lead: OpenVault;
  leadPolicy: Policy;
  signer: string;
  officers: Officer[];
  /** Where the officers' bundles go and the team bundles land. */
  o2l: string;
  out: string;
}

export interface Central {
  vault: OpenVault;
  recipient: string;
  inbox: string;
  policy: (teams: ReadonlyArray<Pick<Team, 'name' | 'organisation' | 'signer'>>, extra?: Record<string, unknown>) => Policy;
}

export async function centralWorkstation(organisation: Organisation = 'NCTV'): Promise<Central> {
  const root = tempDir();
  const inbox = join(root, 'inbox');
  mkdirSync(inbox);
  const { vault, keys } = await workstation(join(root, 'central'));
  return {
    vault,
    recipient: keys.recipient,
    inbox,
    policy: (teams, extra = {}) =>
      testPolicy({
        organisation,
        role: 'central',
        teams: teams.map((t) => ({ name: t.name, organisation: t.organisation, signer: t.signer })),
        transport: { kind: 'folder', inbox, outbox: join(root, 'out') },
        ...extra,
      }),
  };
}

const actorTags = {
  CN: ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"', 'nl-obi:target="students-academics"', 'nl-obi:channel="in-person"'],
  IR: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="coercion-by-proxy-family"', 'nl-obi:target="activists-dissidents"', 'nl-obi:channel="in-person"'],
} as const;

/**
 * One conversation as a line of `obi notes import`: a meeting in Utrecht on `date` with one signal
 * about China or Iran, its notes and summary naming conversation `n` (so a test can tell them apart).
 */
export function conversationLine(date: string, n: number, actor: keyof typeof actorTags = 'IR'): string {
  return JSON.stringify({
    date,
    kind: 'individual-conversation',
    community: actor === 'CN' ? 'chinese' : 'iranian',
    municipality: 'Utrecht',
    participants: 1,
    notes: `Gesprek ${n} over druk vanuit het buitenland.`,
    signals: [{ quote: 'druk vanuit het buitenland', summary: `Druk vanuit het buitenland, gesprek ${n}.`, tags: actorTags[actor], consent: true }],
  });
}

export async function makeTeam(name: string, organisation: Organisation, centralRecipient: string, officers = 1, k = 2): Promise<Team> {
  const root = tempDir();
  const [o2l, out] = [join(root, 'o2l'), join(root, 'out')];
  mkdirSync(o2l);
  mkdirSync(out);
  const lead = await workstation(join(root, 'lead'));
  const members = await Promise.all(Array.from({ length: officers }, (_, i) => workstation(join(root, `officer-${i + 1}`))));
  const leadPolicy = testPolicy({
    organisation,
    role: 'teamlead',
    kAnonymity: k,
    team: members.map((m, i) => ({ name: `officer-${i + 1}`, signer: m.keys.signer, recipient: m.keys.recipient })),
    central: { recipient: centralRecipient },
  });
  return {
    name,
    organisation,
    lead: lead.vault,
    leadPolicy,
    signer: lead.keys.signer,
    o2l,
    out,
    officers: members.map((m, i) => ({
      name: `officer-${i + 1}`,
      vault: m.vault,
      policy: testPolicy({ organisation, role: 'officer', teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient } }),
    })),
  };
}

/**
 * One round of a team: each officer imports its meetings (JSONL, as `obi notes import` takes them),
 * readies and sends them; the team lead takes them in, approves every one and sends the team
 * bundle (empty when nobody had anything). Returns the team bundle's file.
 */
export async function teamRound(team: Team, lines: ReadonlyArray<string | null>, now: Date): Promise<string> {
  const sent: string[] = [];
  for (const [i, officer] of team.officers.entries()) {
    const text = lines[i];
    if (!text) continue;
    const deps = captureDeps(officer.vault);
    importMeetings(officer.vault, deps, text);
    readyAll(officer.vault, deps, true);
    const r = await sendNow(officer.vault, officer.policy, deps, { outDir: team.o2l, now });
    sent.push(...r.paths.filter((p) => p.endsWith('.age')));
  }
  const leadDeps = captureDeps(team.lead);
  if (sent.length > 0) await readInbox(team.lead, team.leadPolicy, leadDeps, sent);
  for (const item of listReview(team.lead, null, 'pending')) approve(team.lead, item.id, null);
  const r = await sendNow(team.lead, team.leadPolicy, leadDeps, { outDir: team.out, now });
  const teamFile = join(team.out, `${r.prepared}.age`);
  if (!r.prepared || !r.paths.includes(teamFile)) throw new Error(`team ${team.name} sent no team bundle`);
  return teamFile;
}
