import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '../../shared/redaction';
import type { RedactionCategory } from '../../shared/redaction/categories';
import { evaluate } from '../../shared/redaction/evaluation';
import { buildCorpus, corpusFile, corpusJsonl } from './redaction-corpus/corpus';

/**
 * Guards the measured quality of the detectors on the annotated corpus from regressing. Floors sit
 * at the goals of the issue or a little below today's figures, whichever is higher; they are about
 * quality, never about time.
 */
const corpus = buildCorpus();

describe('redaction evaluation corpus', () => {
  it('has at least 400 sentences, 150 of them hand-written, and corpus.jsonl is built from its sources', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(corpus.filter((s) => s.set !== 'generated').length).toBeGreaterThanOrEqual(150);
    expect(new Set(corpus.map((s) => s.id)).size).toBe(corpus.length);
    expect(readFileSync(corpusFile, 'utf8') === corpusJsonl(corpus), 'corpus.jsonl is stale: run npm run eval:redaction -- --write').toBe(true);
  });

  it('has sentences without personal data (negative cases)', () => {
    expect(corpus.filter((s) => s.spans.length === 0).length).toBeGreaterThanOrEqual(50);
  });
});

describe('redaction quality', () => {
  const all = evaluate(corpus, detect);
  const heldOut = evaluate(
    corpus.filter((s) => s.set === 'heldout'),
    detect,
  );

  it('finds the data with a fixed shape almost always (recall ≥ 0.99)', () => {
    const exact: RedactionCategory[] = ['bsn', 'iban', 'email', 'url', 'handle', 'postcode', 'phone'];
    for (const c of exact) expect(all.byCategory[c]?.recall ?? 0, c).toBeGreaterThanOrEqual(0.99);
  });

  it('finds names and places (recall ≥ 0.95) and the other categories (no goal set: today minus a margin)', () => {
    expect(all.byCategory.person!.recall).toBeGreaterThanOrEqual(0.97);
    expect(all.byCategory.place!.recall).toBeGreaterThanOrEqual(0.97);
    expect(heldOut.byCategory.person!.recall).toBeGreaterThanOrEqual(0.95);
    expect(heldOut.byCategory.place!.recall).toBeGreaterThanOrEqual(0.95);
    for (const c of ['address', 'plate', 'document', 'date', 'age', 'organisation'] as const) {
      expect(all.byCategory[c]?.recall ?? 0, c).toBeGreaterThanOrEqual(0.92);
    }
  });

  it('keeps overall recall ≥ 0.97 and precision ≥ 0.90, on everything and on the held-out part', () => {
    expect(all.overall.recall).toBeGreaterThanOrEqual(0.985);
    expect(all.overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.leakRate).toBeLessThanOrEqual(0.015);
    expect(heldOut.overall.recall).toBeGreaterThanOrEqual(0.97);
    expect(heldOut.overall.precision).toBeGreaterThanOrEqual(0.9);
  });
});
