import { writeFileSync } from 'node:fs';
import { detect } from '../../shared/redaction';
import { evaluate, formatEvaluation, type Mistakes } from '../../shared/redaction/evaluation';
import { buildCorpus, corpusFile, corpusJsonl, type CorpusSet } from './redaction-corpus/corpus';

/**
 * `npm run eval:redaction`: precision, recall and F1 per category and overall, and the leak rate,
 * on the annotated corpus, per part and in total. `--write` rebuilds corpus.jsonl from its sources;
 * `--mistakes` lists what was missed or wrongly found in the development and generated parts (never
 * in the held-out part, which is for measuring, not for tuning).
 */
const args = process.argv.slice(2);
const corpus = buildCorpus();
if (args.includes('--write')) {
  writeFileSync(corpusFile, corpusJsonl(corpus));
  console.log(`wrote ${corpusFile} (${corpus.length} sentences)`);
}
const parts: Array<[string, CorpusSet[]]> = [
  ['hand-written, development', ['handwritten']],
  ['hand-written, held out', ['heldout']],
  ['generated', ['generated']],
  ['all', ['handwritten', 'heldout', 'generated']],
];
for (const [title, sets] of parts) {
  const sentences = corpus.filter((s) => sets.includes(s.set));
  const mistakes: Mistakes = { missed: [], spurious: [] };
  console.log(`\n${formatEvaluation(title, evaluate(sentences, detect, mistakes))}`);
  if (args.includes('--mistakes') && sets.length === 1 && sets[0] !== 'heldout') {
    for (const m of mistakes.missed) console.log(`  missed   ${m.id} ${m.span.category}: ${m.text}`);
    for (const m of mistakes.spurious) console.log(`  spurious ${m.id} ${m.span.category}: ${m.text}`);
  }
}
