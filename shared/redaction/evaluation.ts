import { isRedactionCategory, redactionCategories, type RedactionCategory } from './categories';

/**
 * Scoring of detected spans against an annotated corpus, entity by entity: a detected span and an
 * annotated span match when they overlap and have the same category. Pure, so the CLI and the unit
 * test share it.
 */

export interface AnnotatedSpan {
  start: number;
  end: number;
  category: RedactionCategory;
}

export interface AnnotatedSentence {
  id: string;
  text: string;
  spans: AnnotatedSpan[];
}

const markup = /\[\[([a-z]+):(.+?)\]\]/g;

/**
 * Reads one annotated sentence written as `id<TAB>text` where `[[category:words]]` marks a span.
 * Throws with the id when a category is unknown or the markup is broken.
 */
export function parseAnnotated(line: string): AnnotatedSentence {
  const tab = line.indexOf('\t');
  if (tab < 1) throw new Error(`not "id<TAB>text": ${line.slice(0, 20)}`);
  const id = line.slice(0, tab);
  const source = line.slice(tab + 1);
  let text = '';
  let at = 0;
  const spans: AnnotatedSpan[] = [];
  for (const m of source.matchAll(markup)) {
    const category = m[1]!;
    if (!isRedactionCategory(category)) throw new Error(`${id}: unknown category ${category}`);
    text += source.slice(at, m.index);
    spans.push({ start: text.length, end: text.length + m[2]!.length, category });
    text += m[2];
    at = m.index + m[0].length;
  }
  text += source.slice(at);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`${id}: broken markup`);
  return { id, text, spans };
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  sentences: number;
  byCategory: Partial<Record<RedactionCategory, Scores>>;
  /** Every annotated span, any category: found when any detected span overlaps it. */
  overall: Scores;
  /** Share of annotated characters that no detected span covers. */
  leakRate: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function scores(c: Counts): Scores {
  const precision = c.truePositives + c.falsePositives === 0 ? 1 : c.truePositives / (c.truePositives + c.falsePositives);
  const recall = c.truePositives + c.falseNegatives === 0 ? 1 : c.truePositives / (c.truePositives + c.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export interface Mistakes {
  missed: Array<{ id: string; span: AnnotatedSpan; text: string }>;
  spurious: Array<{ id: string; span: AnnotatedSpan; text: string }>;
}

export function evaluate(corpus: readonly AnnotatedSentence[], detectSpans: (text: string) => readonly AnnotatedSpan[], mistakes?: Mistakes): Evaluation {
  const counts = new Map<RedactionCategory, Counts>(redactionCategories.map((c) => [c, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const overall: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  let annotatedChars = 0;
  let leakedChars = 0;
  for (const sentence of corpus) {
    const found = detectSpans(sentence.text);
    for (const gold of sentence.spans) {
      const c = counts.get(gold.category)!;
      if (found.some((f) => f.category === gold.category && overlaps(f, gold))) c.truePositives++;
      else {
        c.falseNegatives++;
        mistakes?.missed.push({ id: sentence.id, span: gold, text: sentence.text.slice(gold.start, gold.end) });
      }
      if (found.some((f) => overlaps(f, gold))) overall.truePositives++;
      else overall.falseNegatives++;
      for (let i = gold.start; i < gold.end; i++) {
        if (/\s/.test(sentence.text[i]!)) continue;
        annotatedChars++;
        if (!found.some((f) => f.start <= i && i < f.end)) leakedChars++;
      }
    }
    for (const f of found) {
      if (!sentence.spans.some((g) => g.category === f.category && overlaps(f, g))) {
        counts.get(f.category)!.falsePositives++;
        mistakes?.spurious.push({ id: sentence.id, span: f, text: sentence.text.slice(f.start, f.end) });
      }
      if (!sentence.spans.some((g) => overlaps(f, g))) overall.falsePositives++;
    }
  }
  const byCategory: Partial<Record<RedactionCategory, Scores>> = {};
  for (const [category, c] of counts) {
    if (c.truePositives + c.falseNegatives + c.falsePositives > 0) byCategory[category] = scores(c);
  }
  return { sentences: corpus.length, byCategory, overall: scores(overall), leakRate: annotatedChars === 0 ? 0 : leakedChars / annotatedChars };
}

/** The evaluation as a plain-text table (also pasted into the README). */
export function formatEvaluation(title: string, e: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = [
    `${title} (${e.sentences} sentences)`,
    '| category | annotated | found | precision | recall | F1 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const category of redactionCategories) {
    const s = e.byCategory[category];
    if (!s) continue;
    rows.push(
      `| ${category} | ${s.truePositives + s.falseNegatives} | ${s.truePositives + s.falsePositives} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`,
    );
  }
  const o = e.overall;
  rows.push(
    `| **overall** (any category) | ${o.truePositives + o.falseNegatives} | ${o.truePositives + o.falsePositives} | ${pct(o.precision)} | ${pct(o.recall)} | ${pct(o.f1)} |`,
  );
  rows.push(`leak rate (annotated characters left readable): ${(e.leakRate * 100).toFixed(2)} %`);
  return rows.join('\n');
}
