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

/** The longest piece of the mirror: a few screen lines, so a changed piece is cheap to lay out again. */
export const mirrorPiece = 2000;

/**
 * The mirror's text cut into pieces of at most `mirrorPiece` characters: after a line end where
 * there is one, else after a space, else (a very long word) at the limit, never inside a
 * surrogate pair. Each piece is its own block that the browser lays out only while it is on
 * screen, so a new answer never lays out the whole of a long summary again. The cuts depend
 * only on the text, so typing changes the pieces from the cursor on to the next line end.
 */
export function mirrorPieces(text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = Math.min(at + mirrorPiece, text.length);
    if (end < text.length) {
      const part = text.slice(at, end);
      const line = part.lastIndexOf('\n');
      const space = part.lastIndexOf(' ');
      if (line >= 0) end = at + line + 1;
      else if (space >= mirrorPiece / 2) end = at + space + 1;
      else if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

/** False where the CSS Custom Highlight API is missing (then the mirror shows plain text; the list carries the meaning). */
const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** Where an offset into the whole text lies among the pieces' text nodes (`starts`: each node's offset). */
export function locate(nodes: readonly Text[], starts: readonly number[], offset: number, isEnd: boolean): [Text, number] {
  // The last node that starts before the offset (an end) or at or before it (a start).
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (isEnd ? starts[mid]! < offset : starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [nodes[lo]!, offset - starts[lo]!];
}

/**
 * Highlights the spans in the mirror's text nodes (one per piece, in order). The text stays plain
 * text and the browser paints the highlights, so a result with thousands of spans costs a few
 * thousand ranges instead of thousands of elements to create, lay out and later tear down.
 */
export function showHighlights(nodes: readonly Text[], spans: readonly ReviewedSpan[]): void {
  if (!supported() || nodes.length === 0) return clearHighlights();
  const starts: number[] = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    length += node.length;
  }
  const offsets = highlightOffsets(spans);
  for (const status of Object.keys(highlightNames) as SpanStatus[]) {
    const highlight = new Highlight();
    for (const [start, end] of offsets[status]) {
      if (end > length) continue;
      const range = new Range();
      range.setStart(...locate(nodes, starts, start, false));
      range.setEnd(...locate(nodes, starts, end, true));
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
