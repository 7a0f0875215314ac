import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, isValidRecoveryGroup, parseRecoveryKey } from './recovery-key-format';

const key16 = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe('recovery key text', () => {
  it('round-trips any 16 bytes through eight groups of six digits', () => {
    fc.assert(
      fc.property(key16, (bytes) => {
        const text = formatRecoveryKey(bytes);
        expect(text).toMatch(/^(\d{6}-){7}\d{6}$/);
        const parsed = parseRecoveryKey(text);
        expect(parsed.ok && [...parsed.bytes]).toEqual([...bytes]);
      }),
    );
  });

  it('tolerates spaces, missing separators, and the look-alike letters O and I/l', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 13);
    const text = formatRecoveryKey(bytes);
    const variants = [text.replaceAll('-', ' '), text.replaceAll('-', ''), ` ${text}\n`, text.replaceAll('0', 'O').replaceAll('1', 'l')];
    for (const v of variants) {
      const parsed = parseRecoveryKey(v);
      expect(parsed.ok && [...parsed.bytes]).toEqual([...bytes]);
    }
  });

  it('catches every single wrong digit and names its group', () => {
    fc.assert(
      fc.property(key16, fc.nat(47), fc.integer({ min: 1, max: 9 }), (bytes, pos, delta) => {
        const digits = formatRecoveryKey(bytes).replaceAll('-', '');
        const changed = digits.slice(0, pos) + String((Number(digits[pos]) + delta) % 10) + digits.slice(pos + 1);
        const parsed = parseRecoveryKey(changed);
        expect(parsed).toEqual({ ok: false, reason: 'checksum', groups: [Math.floor(pos / 6) + 1] });
      }),
    );
  });

  it('catches every swap of two different neighbouring digits within a group', () => {
    fc.assert(
      fc.property(key16, fc.nat(7), fc.nat(4), (bytes, group, offset) => {
        const digits = formatRecoveryKey(bytes).replaceAll('-', '');
        const i = group * 6 + offset;
        fc.pre(digits[i] !== digits[i + 1]);
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        const parsed = parseRecoveryKey(swapped);
        expect(parsed.ok).toBe(false);
      }),
    );
  });

  it('reports a wrong length with the number of digits found', () => {
    expect(parseRecoveryKey('123456-789')).toEqual({ ok: false, reason: 'length', digits: 9 });
    expect(parseRecoveryKey('')).toEqual({ ok: false, reason: 'length', digits: 0 });
  });

  it('checks one group on its own for live feedback', () => {
    expect(isValidRecoveryGroup('000011')).toBe(true);
    expect(isValidRecoveryGroup('000012')).toBe(false);
    expect(isValidRecoveryGroup(String(65536 * 11))).toBe(false);
    expect(isValidRecoveryGroup('12345')).toBe(false);
  });
});
