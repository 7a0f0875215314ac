import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { captureDeps } from '../wiring';
import { Meetings } from '../capture/meetings';
import { readyAll } from '../capture/ready-all';
import { Signals } from '../capture/signals';
import { createVault, type OpenVault } from '../vault/vault';
import { applyStatuses } from './apply-statuses';
import { vaultSql } from '../../test-support/vault-sql';

const open: OpenVault[] = [];
afterEach(() => open.splice(0).forEach((v) => v.close()));

async function sentSignals(n: number) {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  open.push(vault);
  const deps = captureDeps(vault);
  const m = new Meetings(vault, deps).create(
    { date: '2026-11-02', time: null, kind: 'event', community: 'iranian', municipality: 'Deventer', setting: '', participants: 8 },
    'Notities',
  );
  const signals = new Signals(vault, deps);
  const ids = Array.from(
    { length: n },
    (_, i) =>
      signals.create({
        meetingId: m.id,
        spans: [{ start: 0, end: 4 }],
        summary: `Samenvatting ${i}`,
        tags: ['nl-obi:state-actor="IR"', 'nl-obi:modus-operandi="intimidation-threats"'],
        consent: true,
      }).id,
  );
  readyAll(vault, deps, true);
  for (const id of ids) {
    vaultSql(vault)('UPDATE signals SET export_ref = ? WHERE id = ?').run(`ref-${id}`, id);
    signals.transition(id, 'sent');
  }
  return { vault, deps, signals, ids };
}

describe('statuses reported back by the team lead', () => {
  it('reopens returned signals with the reason and moves approved and delivered ones on', async () => {
    const { vault, deps, signals, ids } = await sentSignals(3);
    const [a, b, c] = ids as [number, number, number];
    const result = applyStatuses(vault, deps, [
      { signalRef: `ref-${a}`, status: 'returned', reason: 'Noem de straat niet' },
      { signalRef: `ref-${b}`, status: 'approved' },
      { signalRef: `ref-${c}`, status: 'delivered' },
      { signalRef: 'ref-unknown', status: 'approved' },
    ]);
    expect(result).toEqual({ applied: 3, ignored: 1 });
    expect(signals.get(a)).toMatchObject({ state: 'returned', returnReason: 'Noem de straat niet' });
    expect(signals.get(b).state).toBe('approved');
    expect(signals.get(c).state).toBe('delivered');
    expect(applyStatuses(vault, deps, [{ signalRef: `ref-${b}`, status: 'delivered' }])).toEqual({ applied: 1, ignored: 0 });
    expect(signals.get(b).state).toBe('delivered');
    expect(applyStatuses(vault, deps, [{ signalRef: `ref-${c}`, status: 'returned', reason: 'x' }])).toEqual({ applied: 0, ignored: 1 });
  });
});
