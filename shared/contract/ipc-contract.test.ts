import { describe, expect, it } from 'vitest';
import { errorCodes } from './errors';
import { channelPrefix, channels, contract, isChannel } from './ipc-contract';

describe('the IPC contract', () => {
  it('lists every channel once, frozen', () => {
    expect([...channels].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.isFrozen(channels)).toBe(true);
  });

  it('knows its own channels only, not inherited names', () => {
    expect(isChannel('vault.unlock')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
  });

  it('rejects unknown request fields instead of ignoring them', () => {
    expect(contract['vault.lock'].request.safeParse({ extra: 1 }).success).toBe(false);
    expect(contract['vault.unlock'].request.safeParse({ passphrase: 'x', admin: true }).success).toBe(false);
  });

  it('asks at least 12 characters of a new passphrase but accepts any guess when unlocking', () => {
    expect(contract['vault.setup'].request.safeParse({ passphrase: 'short' }).success).toBe(false);
    expect(contract['vault.setup'].request.safeParse({ passphrase: 'long enough now' }).success).toBe(true);
    expect(contract['vault.unlock'].request.safeParse({ passphrase: 'x' }).success).toBe(true);
    expect(contract['vault.unlock'].request.safeParse({ passphrase: '' }).success).toBe(false);
  });

  it('takes only a year, quarter or month, a known format and nl or en for the report', () => {
    const request = contract['central.export'].request;
    expect(request.safeParse({ period: '2026-Q4', format: 'stix', lang: 'en' }).success).toBe(true);
    expect(request.safeParse({ period: '2026-Q5', format: 'html', lang: 'nl' }).error?.issues[0]?.path).toEqual(['period']);
    expect(request.safeParse({ period: '2026-10', format: 'pdf', lang: 'nl' }).success).toBe(true);
    expect(request.safeParse({ period: '2026-10', format: 'docx', lang: 'nl' }).error?.issues[0]?.path).toEqual(['format']);
    expect(contract['central.report'].request.safeParse({ lang: 'de' }).success).toBe(false);
    expect(contract['central.report'].request.safeParse({ lang: 'nl' }).success).toBe(true);
  });

  it("passes the release floor's effect to the team lead's preview, which older cores leave out", () => {
    const preview = {
      k: 5,
      released: { signals: 12, cells: 2 },
      waiting: { signals: 0, combinations: [] },
      generalised: { region: 3, period: 12, target: 0 },
      floor: { floor: { period: 'week' }, reason: 'Election campaign', coarsened: 4, cellsWithoutFloor: 5 },
    };
    const response = contract['exchange.prepare'].response;
    const parsed = response.parse({ id: 'b', payload: '{}', blocked: [], preview });
    expect(parsed.preview?.floor).toEqual(preview.floor);
    const { floor: _floor, ...older } = preview;
    expect(response.parse({ id: 'b', payload: '{}', blocked: [], preview: older }).preview?.floor).toBeUndefined();
  });

  it('uses a channel prefix and distinct error codes', () => {
    expect(channelPrefix).toBe('obi:');
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });
});
