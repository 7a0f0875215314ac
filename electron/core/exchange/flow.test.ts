import { appendFileSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPayload } from '../../../shared/exchange/payload';
import { parsePolicy, type Policy } from '../../../shared/policy/policy-schema';
import { beyondDerivedIds, oasisValidate } from '../../test-support/conformance-tools';
import { stixProblems } from '../../test-support/stix-conformance';
import { stock, stockAgeKey } from '../../test-support/stock-tools';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { captureDeps } from '../wiring';
import { importMeetings } from '../capture/notes-import';
import { readyAll } from '../capture/ready-all';
import { Signals } from '../capture/signals';
import { createVault, type OpenVault } from '../vault/vault';
import { sendNow, readInbox } from './exchange-service';
import { approve, listReview, returnItem } from './four-eyes-review';
import { createWorkstationKeys, workstationAgeIdentity } from './workstation-keys';
import { openBundleFile } from './envelope';
import { outgoingPayload } from './outgoing-ledger';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

/** Personal data in the notes that must never leave the officer's vault. */
const canaries = { name: 'Karim Haddad', phone: '06-12345678', bsn: '111222333', street: 'Dorpsstraat 14' };

const tags = [
  'nl-obi:state-actor="IR"',
  'nl-obi:modus-operandi="coercion-by-proxy-family"',
  'nl-obi:target="activists-dissidents"',
  'nl-obi:channel="via-family-in-origin-country"',
];
const line = (i: number, municipality: string) => {
  const notes = `Gesprek ${i}. ${canaries.name} (BSN ${canaries.bsn}), ${canaries.street}, bereikbaar op ${canaries.phone}, vertelde dat zijn familie in Iran is ondervraagd over zijn activisme.`;
  return JSON.stringify({
    date: `2026-10-${String(5 + (i % 3)).padStart(2, '0')}`,
    kind: 'individual-conversation',
    community: 'iranian',
    municipality,
    participants: 1,
    notes,
    signals: [{ quote: notes.slice(notes.indexOf(canaries.name)), summary: notes.slice(notes.indexOf(canaries.name)), tags, consent: true }],
  });
};

function policy(raw: Record<string, unknown>): Policy {
  const parsed = parsePolicy({ organisation: 'SZW', language: 'nl', ...raw });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.policy;
}

async function workstation(role: 'officer' | 'teamlead') {
  const { vault } = await createVault(join(tempDir(), role), passphrase, testVaultOptions);
  open.push(vault);
  return { vault, keys: await createWorkstationKeys(vault) };
}

/** Everything that left the officer's laptop, decrypted where we hold the key, as text. */
function everythingThatLeft(dirs: string[], decrypted: string[]): string {
  const raw = dirs.flatMap((d) =>
    readdirSync(d, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(d, e.name)).toString('latin1')),
  );
  return [...raw, ...decrypted].join('\n');
}

describe('officer → team lead → central, over folders', () => {
  it('sends redacted signals, reviews them with four eyes, returns one, releases k-anonymous cells, and leaks nothing', async () => {
    const root = tempDir();
    const [o2l, l2o, central, returns] = ['o2l', 'l2o', 'central', 'returns'].map((d) => join(root, d)) as [string, string, string, string];
    for (const d of [o2l, l2o, central, returns]) mkdirSync(d);
    const officer = await workstation('officer');
    const lead = await workstation('teamlead');
    const centralKey = stockAgeKey(root);
    const officerPolicy = policy({
      role: 'officer',
      teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient },
      transport: { kind: 'folder', outbox: o2l, inbox: returns },
    });
    const leadPolicy = policy({
      role: 'teamlead',
      kAnonymity: 2,
      team: [{ name: 'officer-1', signer: officer.keys.signer, recipient: officer.keys.recipient }],
      central: { recipient: centralKey.recipient },
      transport: { kind: 'folder', outbox: central, inbox: o2l, returns },
    });
    const odeps = captureDeps(officer.vault);
    const ldeps = captureDeps(lead.vault);

    importMeetings(officer.vault, odeps, [0, 1, 2, 3, 4].map((i) => line(i, i % 2 ? 'Deventer' : 'Zwolle')).join('\n'));
    expect(readyAll(officer.vault, odeps, true)).toMatchObject({ ready: 5 });
    const first = await sendNow(officer.vault, officerPolicy, odeps);
    expect(first.paths.map((p) => p.split('/').pop())).toEqual([`${first.prepared}.age.minisig`, `${first.prepared}.age`]);
    expect(new Signals(officer.vault, odeps).list({ state: 'sent' })).toHaveLength(5);

    // The ledger's preview is exactly the JSON that was sealed; the padding around it is only spaces.
    const sealed = await openBundleFile(join(o2l, `${first.prepared}.age`), {
      identity: workstationAgeIdentity(lead.vault),
      trustedSigners: [{ name: 'o', signer: officer.keys.signer }],
    });
    expect(sealed.text).toBe(outgoingPayload(officer.vault, first.prepared!));
    expect(statSync(join(o2l, `${first.prepared}.age`)).size).toBeGreaterThan(64 * 1024);

    // Stock minisign verifies the officer's bundle with the officer's public key.
    const officerPub = join(root, 'officer.pub');
    writeFileSync(officerPub, `untrusted comment: officer\n${officer.keys.signer}\n`);
    expect(stock('minisign', ['-Vm', join(o2l, `${first.prepared}.age`), '-p', officerPub]).status).toBe(0);

    // A tampered copy, and a bundle signed by someone outside the team, are refused and leave nothing behind.
    const tampered = join(root, 'tampered.age');
    copyFileSync(join(o2l, `${first.prepared}.age`), tampered);
    copyFileSync(join(o2l, `${first.prepared}.age.minisig`), `${tampered}.minisig`);
    appendFileSync(tampered, 'x');
    const stranger = await workstation('officer');
    const strangerOut = join(root, 'stranger');
    await sendNow(
      stranger.vault,
      policy({
        role: 'officer',
        teamLead: { signer: lead.keys.signer, recipient: lead.keys.recipient },
        transport: { kind: 'folder', outbox: strangerOut, inbox: strangerOut },
      }),
      captureDeps(stranger.vault),
    );
    const foreign = readdirSync(strangerOut)
      .filter((n) => n.endsWith('.age'))
      .map((n) => join(strangerOut, n));
    const refused = await readInbox(lead.vault, leadPolicy, ldeps, [tampered, ...foreign]);
    expect(refused.map((r) => [r.outcome, r.reason])).toEqual([
      ['refused', 'signature_invalid'],
      ['refused', 'bundle_untrusted'],
    ]);
    expect(listReview(lead.vault, lead.keys.signer)).toHaveLength(0);

    // The lead takes the real one in, once: it leaves the inbox for processed/, and a renamed copy
    // put back is known by its signed id and skipped without doubling anything.
    expect((await readInbox(lead.vault, leadPolicy, ldeps)).map((r) => r.outcome)).toEqual(['imported']);
    expect(readdirSync(join(o2l, 'processed')).sort()).toEqual([`${first.prepared}.age`, `${first.prepared}.age.minisig`]);
    expect(await readInbox(lead.vault, leadPolicy, ldeps)).toEqual([]);
    copyFileSync(join(o2l, 'processed', `${first.prepared}.age`), join(o2l, 'renamed.age'));
    copyFileSync(join(o2l, 'processed', `${first.prepared}.age.minisig`), join(o2l, 'renamed.age.minisig'));
    expect(await readInbox(lead.vault, leadPolicy, ldeps)).toEqual([{ file: 'renamed.age', outcome: 'skipped', reason: 'seen' }]);
    expect((await readInbox(lead.vault, leadPolicy, ldeps, [join(o2l, 'processed', `${first.prepared}.age`)]))[0]).toMatchObject({
      outcome: 'refused',
      reason: 'bundle_replayed',
    });
    const items = listReview(lead.vault, lead.keys.signer, 'pending');
    expect(items).toHaveLength(5);
    expect(JSON.stringify(items)).not.toMatch(/Karim|Haddad|12345678|111222333|Dorpsstraat/);

    for (const item of items.slice(0, 4)) approve(lead.vault, item.id, lead.keys.signer);
    returnItem(lead.vault, items[4]!.id, 'Te weinig context', lead.keys.signer);
    const teamRun = await sendNow(lead.vault, leadPolicy, ldeps);
    expect(teamRun.team).toMatchObject({ released: 4 });

    // The central point: stock age decrypts, stock minisign verifies, the STIX is valid, every cell ≥ k.
    const teamFile = join(central, `${teamRun.prepared}.age`);
    const leadPub = join(root, 'lead.pub');
    writeFileSync(leadPub, `untrusted comment: lead\n${lead.keys.signer}\n`);
    expect(stock('minisign', ['-Vm', teamFile, '-p', leadPub]).status).toBe(0);
    const decrypted = stock('age', ['-d', '-i', centralKey.keyFile, teamFile]);
    expect(decrypted.status).toBe(0);
    const payload = readPayload(JSON.parse(decrypted.out) as unknown);
    expect(payload.ok).toBe(true);
    if (!payload.ok) return;
    expect(payload.value.manifest).toMatchObject({ kind: 'team', k: 2, organisation: 'SZW' });
    expect(stixProblems(payload.value.bundle)).toEqual([]);
    const sightings = payload.value.bundle.objects.filter((o) => o.type === 'sighting') as unknown as Array<{ count: number }>;
    expect(sightings.length).toBeGreaterThan(0);
    expect(sightings.every((s) => s.count >= 2)).toBe(true);
    expect(sightings.reduce((n, s) => n + s.count, 0)).toBe(4);

    // The officer hears back: the returned signal reopens with the reason, the others are delivered.
    expect((await readInbox(officer.vault, officerPolicy, odeps)).map((r) => r.outcome)).toEqual(['imported']);
    const signals = new Signals(officer.vault, odeps);
    const back = signals.list({ state: 'returned' });
    expect(back).toHaveLength(1);
    expect(back[0]!.returnReason).toBe('Te weinig context');
    expect(signals.list({ state: 'delivered' })).toHaveLength(4);

    // Fixed and sent again, approved, released at the next team export.
    signals.update(back[0]!.id, { summary: 'Familie van een activist in Iran ondervraagd over zijn activisme.' });
    readyAll(officer.vault, odeps, true);
    const again = await sendNow(officer.vault, officerPolicy, odeps);
    await readInbox(lead.vault, leadPolicy, ldeps);
    const resent = listReview(lead.vault, lead.keys.signer, 'pending');
    expect(resent).toHaveLength(1);
    approve(lead.vault, resent[0]!.id, lead.keys.signer);
    await sendNow(lead.vault, leadPolicy, ldeps);

    // Nothing personal anywhere that left the officer's laptop: the raw files, and decrypted.
    const officerBundles = [first.prepared!, again.prepared!].map((id) => join(o2l, 'processed', `${id}.age`));
    const leadIdentity = workstationAgeIdentity(lead.vault);
    const opened = await Promise.all(
      officerBundles.map((f) => openBundleFile(f, { identity: leadIdentity, trustedSigners: [{ name: 'o', signer: officer.keys.signer }] })),
    );
    const centralTexts = readdirSync(central)
      .filter((n) => n.endsWith('.age'))
      .map((n) => stock('age', ['-d', '-i', centralKey.keyFile, join(central, n)]).out);
    const text = everythingThatLeft(
      [o2l, join(o2l, 'processed'), central, returns, join(returns, 'processed')],
      [...opened.map((o) => o.text), ...centralTexts],
    );
    for (const value of Object.values(canaries)) expect(text, value).not.toContain(value);
    expect(text).not.toContain('Haddad');

    // Every bundle of the chain as the OASIS validator sees it: valid, no warning but {103}.
    const officerIdentity = workstationAgeIdentity(officer.vault);
    const returnedBundles = await Promise.all(
      readdirSync(returns)
        .filter((n) => n.endsWith('.age'))
        .map((n) => openBundleFile(join(returns, n), { identity: officerIdentity, trustedSigners: [{ name: 'l', signer: lead.keys.signer }] })),
    );
    const bundleOf = (payload: string) => (JSON.parse(payload) as { bundle: unknown }).bundle;
    const chain: Record<string, unknown> = Object.fromEntries([
      ...opened.map((o, i): [string, unknown] => [`officer bundle ${i}`, bundleOf(o.text)]),
      ...centralTexts.map((t, i): [string, unknown] => [`team bundle ${i}`, bundleOf(t)]),
      ...returnedBundles.map((o, i): [string, unknown] => [`returned bundle ${i}`, bundleOf(o.text)]),
    ]);
    expect(Object.keys(chain)).toHaveLength(2 + centralTexts.length + returnedBundles.length);
    expect(returnedBundles.length).toBeGreaterThan(0);
    for (const [name, verdict] of Object.entries(oasisValidate(chain))) {
      expect(verdict.valid, name).toBe(true);
      expect(beyondDerivedIds(verdict), `${name}: ${verdict.findings.join('\n')}`).toEqual([]);
    }
  });

  it('sends a signed, empty report when there is nothing: "nothing happened" is not silence', async () => {
    const root = tempDir();
    const lead = await workstation('teamlead');
    const centralKey = stockAgeKey(root);
    const leadPolicy = policy({
      role: 'teamlead',
      team: [{ name: 'o', signer: lead.keys.signer, recipient: lead.keys.recipient }],
      central: { recipient: centralKey.recipient },
      transport: { kind: 'folder', outbox: join(root, 'out'), inbox: join(root, 'in') },
    });
    const run = await sendNow(lead.vault, leadPolicy, captureDeps(lead.vault));
    const decrypted = stock('age', ['-d', '-i', centralKey.keyFile, join(root, 'out', `${run.prepared}.age`)]);
    const payload = JSON.parse(decrypted.out) as { manifest: { counts: { signals: number; cells: number }; kind: string } };
    expect(payload.manifest).toMatchObject({ kind: 'team', counts: { signals: 0, cells: 0 } });
  });
});
