import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnnotated, type AnnotatedSentence } from '../../../shared/redaction/evaluation';
import { generateSentences } from './generate';

/**
 * The evaluation corpus: hand-written sentences (the development set, looked at while tuning),
 * hand-written held-out sentences (written before the detectors and not looked at while tuning),
 * and generated sentences. corpus.jsonl holds all of them with offsets; it is rebuilt from the
 * sources by `npm run eval:redaction -- --write` and a test keeps it in step.
 */

export const corpusDir = import.meta.dirname;
export const corpusFile = join(corpusDir, 'corpus.jsonl');
export const generatorSeed = 20261128;
export const generatedCount = 290;

export type CorpusSet = 'handwritten' | 'heldout' | 'generated';

export interface CorpusSentence extends AnnotatedSentence {
  set: CorpusSet;
}

function readMarkup(file: string): string[] {
  return readFileSync(join(corpusDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export function buildCorpus(): CorpusSentence[] {
  const from = (set: CorpusSet, lines: string[]) => lines.map((l) => ({ set, ...parseAnnotated(l) }));
  return [
    ...from('handwritten', readMarkup('handwritten.txt')),
    ...from('heldout', readMarkup('heldout.txt')),
    ...from('generated', generateSentences(generatorSeed, generatedCount)),
  ];
}

export function corpusJsonl(corpus: readonly CorpusSentence[]): string {
  return corpus.map((s) => JSON.stringify({ id: s.id, set: s.set, text: s.text, spans: s.spans })).join('\n') + '\n';
}

export function readCorpusFile(): CorpusSentence[] {
  return readFileSync(corpusFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CorpusSentence);
}
