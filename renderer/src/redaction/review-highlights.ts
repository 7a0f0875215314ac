import type { ReviewedSpan, SpanStatus } from '../../../shared/redaction/redaction-review';

/** One highlight per status, styled by `::highlight(…)` in styles.css. */
export const highlightNames: Readonly<Record<SpanStatus, string>> = {
  undecided: 'obi-undecided',
  redact: 'obi-redact',
  keep: 'obi-keep',
};

/** The spans' offsets per status; a span that overlaps an earlier one is left out, so no text is painted twice. */
export function highlightOffsets(spans: readonly ReviewedSpan[]): Record<SpanStatus, Array<[number, number]>> {
  const out: Record<SpanStatus, Array<[number, number]>> = { undecided: [], redact: [], keep: [] };
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out[s.status].push([s.start, s.end]);
    at = s.end;
  }
  return out;
}

/** False where the CSS Custom Highlight API is missing (then the mirror shows plain text; the list carries the meaning). */
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Highlights the spans in the mirror's one text node. The text stays a single node and the
 * highlights are painted by the browser, so a result with thousands of spans costs a few thousand
 * ranges instead of thousands of elements to create, lay out and later tear down.
 */
export function showHighlights(node: Text, spans: readonly ReviewedSpan[]): void {
  if (!supported()) return;
  const offsets = highlightOffsets(spans);
  for (const status of Object.keys(highlightNames) as SpanStatus[]) {
    const highlight = new Highlight();
    for (const [start, end] of offsets[status]) {
      const range = new Range();
      range.setStart(node, start);
      range.setEnd(node, end);
      highlight.add(range);
    }
    CSS.highlights.set(highlightNames[status], highlight);
  }
}

/** Removes the review's highlights (on unmount, or when there is no text to mark). */
export function clearHighlights(): void {
  if (!supported()) return;
  for (const name of Object.values(highlightNames)) CSS.highlights.delete(name);
}
