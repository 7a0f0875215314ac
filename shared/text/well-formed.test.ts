import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate } from './well-formed';

describe('well-formed text', () => {
  it('finds unpaired surrogates, not pairs', () => {
    expect(hasLoneSurrogate('abc')).toBe(false);
    expect(hasLoneSurrogate('emoji \ud83d\ude00')).toBe(false);
    for (const s of ['\ud800', 'a\udc00b', 'end \ud83d', '\ude00 start']) expect(hasLoneSurrogate(s), JSON.stringify(s)).toBe(true);
  });
});
