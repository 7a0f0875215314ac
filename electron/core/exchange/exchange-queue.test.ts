import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePolicy, type Policy } from '../../../shared/policy/policy-schema';
import { stockAgeKey } from '../../test-support/stock-tools';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { captureDeps } from '../wiring';
import { importMeetings } from '../capture/notes-import';
import { readyAll } from '../capture/ready-all';
import { Signals } from '../capture/signals';
import { createVault, type OpenVault } from '../vault/vault';
import { exchangeHandlers } from '../rpc/exchange-handlers';
import { sendNow, readInbox } from './exchange-service';
import { approve, listReview } from './four-eyes-review';
import { createWorkstationKeys } from './workstation-keys';
import { vaultSql } from '../../test-support/vault-sql';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

const tags = [
  'nl-obi:state-actor="CN"',
  'nl-obi:modus-operandi="digital-threat-harassment"',
  'nl-obi:target="students-academics"',
  'nl-obi:channel="social-media"',
];
const meeting = (i: number) =>
  JSON.stringify({
    date: '2026-10-06',
    kind: 'individual-conversation',
    community: 'chinese',
    municipality: 'Utrecht',
    participants: 1,
    notes: `Gesprek ${i} over gevolgd worden op sociale media.`,
    signals: [{ quote: 'gevolgd worden op sociale media', summary: `Signaal ${i}: studenten worden online gevolgd.`, tags, consent: true }],
  });

function policy(raw: Record<string, unknown>): Policy {
  const parsed = parsePolicy({ organisation: 'SZW', language: 'nl', ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

async function workstation(name: string) {
  const { vault } = await createVault(join(tempDir(), name), passphrase, testVaultOptions);
  open.push(vault);
  return { vault, keys: await createWorkstationKeys(vault) };
}

/** An officer with three ready signals and a team lead, joined by folders, each with its policy. */
async function officerAndLead() {
  const root = tempDir();
  const [o2l, central] = ['o2l', 'central'].map((d) => join(root, d)) as [string, string];
  for (const d of [o2l, central]) mkdirSync(d);
  const officer = await workstation('officer');
  const lead = await workstation('lead');
  const deps = captureDeps(officer.vault);
  importMeetings(officer.vault, deps, [1, 2, 3].map(meeting).join('\n'));
  const ready = readyAll(officer.vault, deps, true);
  const officerPolicy = policy({
    role: 'officer',
    teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient },
    transport: { kind: 'folder', outbox: o2l, inbox: o2l },
  });
  const leadPolicy = policy({
    role: 'teamlead',
    team: [{ name: 'officer-1', signer: officer.keys.signer, recipient: officer.keys.recipient }],
    central: { recipient: stockAgeKey(root).recipient },
    transport: { kind: 'folder', outbox: central, inbox: o2l },
  });
  return { root, o2l, officer, lead, deps, ready, officerPolicy, leadPolicy };
}

describe('exchange steps of one vault run one after another', () => {
  it('binds each signal to one bundle and takes each bundle in once when the schedule and a button fire together', async () => {
    const { o2l, officer, lead, deps, ready, officerPolicy, leadPolicy } = await officerAndLead();
    expect(ready).toMatchObject({ ready: 3 });

    await Promise.all([sendNow(officer.vault, officerPolicy, deps), sendNow(officer.vault, officerPolicy, deps)]);
    const bindings = vaultSql(officer.vault)('SELECT signal_id AS id, count(*) AS n FROM outgoing_signals GROUP BY signal_id').all() as Array<{
      id: number;
      n: number;
    }>;
    expect(bindings.map((b) => b.n)).toEqual([1, 1, 1]);

    const ldeps = captureDeps(lead.vault);
    const results = (await Promise.all([readInbox(lead.vault, leadPolicy, ldeps), readInbox(lead.vault, leadPolicy, ldeps)])).flat();
    // Each bundle taken in leaves the inbox for processed/.
    const bundles = readdirSync(join(o2l, 'processed')).filter((n) => n.endsWith('.age')).length;
    expect(bundles).toBe(2);
    expect(readdirSync(o2l).filter((n) => n.endsWith('.age'))).toEqual([]);
    expect(results.filter((r) => r.outcome === 'imported')).toHaveLength(bundles);
    expect(results.filter((r) => r.outcome === 'refused')).toEqual([]);
  });
});

describe("the team lead's prepared bundle", () => {
  it('shows the same aggregation preview when it is opened again (after a restart, the ledger has it)', async () => {
    const { root, officer, lead, deps, ready, officerPolicy, leadPolicy } = await officerAndLead();
    expect(ready).toMatchObject({ ready: 3 });
    await sendNow(officer.vault, officerPolicy, deps);
    await readInbox(lead.vault, leadPolicy, captureDeps(lead.vault));
    for (const item of listReview(lead.vault, lead.keys.signer)) approve(lead.vault, item.id, lead.keys.signer);

    const handlers = () =>
      exchangeHandlers(
        () => lead.vault,
        leadPolicy,
        captureDeps,
        () => root,
      );
    const first = await handlers()['exchange.prepare']({});
    expect(first.preview).toMatchObject({ k: 5, released: { signals: 0 }, waiting: { signals: 3 } });
    const again = await handlers()['exchange.prepare']({});
    expect(again).toEqual(first);
  });
});

describe("the officer's prepared bundle", () => {
  it('holds its signals ready until it is discarded, and moves them on only through the one transition, audited', async () => {
    const { root, officer, deps, officerPolicy } = await officerAndLead();
    const handlers = exchangeHandlers(
      () => officer.vault,
      officerPolicy,
      captureDeps,
      () => root,
    );
    const signals = new Signals(officer.vault, deps);
    const [first] = signals.list({ state: 'ready' });

    await handlers['exchange.prepare']({});
    expect(() => signals.transition(first!.id, 'draft')).toThrow('This signal is in a bundle that is ready to leave; discard that bundle first.');
    await handlers['exchange.discard']({});
    expect(signals.transition(first!.id, 'draft').state).toBe('draft');

    await handlers['exchange.prepare']({});
    await handlers['exchange.send']({});
    expect(signals.list({ state: 'sent' })).toHaveLength(2);
    const changes = officer.vault
      .recentAudit(200)
      .filter((e) => e.event === 'signal.state_changed' && e.data.to === 'sent')
      .map((e) => e.data.signal);
    expect(changes.sort()).toEqual(signals.list({ state: 'sent' }).map((s) => s.id));
  });
});
