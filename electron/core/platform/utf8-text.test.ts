import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './utf8-text';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decoding a file as UTF-8', () => {
  it('decodes UTF-8 exactly, a real U+FFFD and a byte-order mark included', () => {
    expect(decodeUtf8(bytes('Ürün \uFFFD café'))).toEqual({ ok: true, text: 'Ürün \uFFFD café' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'x'))).toEqual({ ok: true, text: 'x' });
  });

  it('names the first fault by offset, line and offset in the line', () => {
    expect(decodeUtf8(bytes('ab\ncd', [0x80], 'e'))).toEqual({ ok: false, fault: { offset: 5, line: 2, lineOffset: 2 } });
    // A real U+FFFD before the fault is passed over; an overlong encoding and a cut-off sequence are faults.
    expect(decodeUtf8(bytes('\uFFFD\n\n', [0xc0, 0xaf]))).toEqual({ ok: false, fault: { offset: 5, line: 3, lineOffset: 0 } });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'é', [0xe2, 0x82]))).toEqual({ ok: false, fault: { offset: 5, line: 1, lineOffset: 5 } });
    // UTF-8 for a surrogate (CESU) is not UTF-8.
    expect(decodeUtf8(bytes('ok ', [0xed, 0xa0, 0x80]))).toMatchObject({ ok: false, fault: { offset: 3 } });
  });

  it('puts the fault where it was planted, in any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(0x80, 0xbf, 0xc0, 0xf5, 0xff),
        (before, after, bad) => {
          const prefix = Buffer.from(before);
          const result = decodeUtf8(Buffer.concat([prefix, Buffer.from([bad]), Buffer.from(after)]));
          expect(result).toMatchObject({ ok: false, fault: { offset: prefix.length, line: before.split('\n').length } });
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });
});
