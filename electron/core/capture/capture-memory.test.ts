import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { passphrase, tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { vaultSql } from '../../test-support/vault-sql';
import { createVault, type OpenVault } from '../vault/vault';
import { adoptCaptureMemory, readCaptureMemory, remember } from './capture-memory';

const vaults: OpenVault[] = [];
afterEach(() => vaults.splice(0).forEach((v) => v.close()));

async function open() {
  const { vault } = await createVault(join(tempDir(), 'v'), passphrase, testVaultOptions);
  vaults.push(vault);
  return vault;
}

const ir = 'nl-obi:state-actor="IR"';
const cn = 'nl-obi:state-actor="CN"';

describe('capture memory in the vault', () => {
  it('remembers the last place and the recent tags per dimension, newest first, five at most', async () => {
    const vault = await open();
    expect(readCaptureMemory(vault)).toEqual({ community: null, municipality: null, recentTags: {} });
    remember(vault, { meeting: { community: 'iranian', municipality: 'Deventer' } });
    for (const tag of [ir, cn, ir, ...[1, 2, 3, 4].map((n) => `nl-obi:state-actor="X${n}"`)]) {
      remember(vault, { tag: { predicate: 'nl-obi:state-actor', tag } });
    }
    const memory = readCaptureMemory(vault);
    expect(memory).toMatchObject({ community: 'iranian', municipality: 'Deventer' });
    expect(memory.recentTags['nl-obi:state-actor']).toEqual([
      'nl-obi:state-actor="X4"',
      'nl-obi:state-actor="X3"',
      'nl-obi:state-actor="X2"',
      'nl-obi:state-actor="X1"',
      ir,
    ]);
  });

  it('takes over what an earlier version kept outside the vault once, where the vault holds nothing yet', async () => {
    const vault = await open();
    remember(vault, { tag: { predicate: 'nl-obi:state-actor', tag: cn } });
    const moved = adoptCaptureMemory(vault, {
      community: 'eritrean',
      municipality: 'Utrecht',
      recentTags: { 'nl-obi:state-actor': [ir], 'nl-obi:channel': ['nl-obi:channel="online"'] },
    });
    expect(moved).toEqual({
      community: 'eritrean',
      municipality: 'Utrecht',
      recentTags: { 'nl-obi:state-actor': [cn], 'nl-obi:channel': ['nl-obi:channel="online"'] },
    });
    expect(adoptCaptureMemory(vault, { community: 'chinese', municipality: 'Zwolle', recentTags: {} })).toMatchObject({ community: 'eritrean' });
  });

  it('reads a damaged stored value as nothing remembered', async () => {
    const vault = await open();
    vaultSql(vault)("INSERT INTO capture_memory (key, value) VALUES ('meetingDefaults', '{not json'), ('recentTags', '{\"x\": 5}')").run();
    expect(readCaptureMemory(vault)).toEqual({ community: null, municipality: null, recentTags: {} });
  });
});
