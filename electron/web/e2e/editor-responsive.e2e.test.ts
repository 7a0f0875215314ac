import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun, meetingWithNotes } from './flows';
import { described, frame, traced, type MainThreadTask, type MainThreadTrace } from './main-thread-trace';

closeAppsAfterEachTest();
let app: RunningApp;

/**
 * A long summary: ordinary sentences with a phone number in each, 100 000 characters. The numbers
 * differ (about a thousand distinct ones), so the list of proposals is far longer than one page.
 */
function longSummary(): string {
  const sentence = 'Het gesprek ging over de buurt en de school van de kinderen. Bel later 06-12345%d terug. ';
  let text = '';
  for (let i = 0; text.length < 100_000; i++) text += sentence.replace('%d', String(i % 1000).padStart(3, '0'));
  return text.slice(0, 100_000);
}

/** What the page records: whether the progress line ever showed, and for which texts (by length) an answer was applied and painted. */
type Recording = Window & { seenChecking: { checking: boolean }; appliedFor: number[] };

/** The highlights over the mirror: each range's offsets in the whole text, per status, in text order. */
function highlightsShown(): Record<string, Array<[number, number]>> {
  const pieces = [...document.querySelector('[data-content="review-mirror"]')!.children].map((piece) => piece.firstChild);
  const starts = new Map<Node | null, number>();
  let at = 0;
  for (const node of pieces) {
    starts.set(node, at);
    at += node?.textContent?.length ?? 0;
  }
  const out: Record<string, Array<[number, number]>> = {};
  for (const name of ['obi-undecided', 'obi-redact', 'obi-keep'])
    out[name] = [...(CSS.highlights.get(name) ?? [])]
      .filter((r) => r instanceof Range)
      .map((r): [number, number] => [starts.get(r.startContainer)! + r.startOffset, starts.get(r.endContainer)! + r.endOffset])
      .sort((a, b) => a[0] - b[0]);
  return out;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;

/**
 * The tasks from the answer's arrival until the trace ended: its highlights painted (the page's
 * measure ends with the frame after the last step) and, after a paste, the list's first page
 * mounted.
 */
function applyFigures(trace: MainThreadTrace, characters: number) {
  const window = trace.measure('obi-review-apply');
  expect(window, `the apply of the answer for ${characters} characters is in the trace`).not.toBeNull();
  const tasks = trace.tasks.filter((t) => t.start + t.duration > window!.start);
  return `${ms(window!.end - window!.start)} from arrival to the frame with all highlights; ${tasks.length} tasks from arrival to the end, ${longFigures(tasks)}`;
}

/**
 * The longest of some tasks and how many are longer than a frame, each named by what took its
 * time; also how many took more than a frame of CPU time (the rest of such a task's length the
 * thread waited for a core of the shared machine).
 */
function longFigures(tasks: MainThreadTask[]) {
  const sorted = [...tasks].sort((a, b) => b.duration - a.duration);
  const long = sorted.filter((t) => t.duration > frame);
  const others = long.length > 1 ? ` (${long.slice(1, 4).map(described).join('; ')}${long.length > 4 ? '; …' : ''})` : '';
  return `longest ${sorted[0] ? described(sorted[0]) : 'none'}, ${long.length} longer than a frame${others}, ${tasks.filter((t) => t.cpu > frame).length} by CPU time`;
}

/** The tasks that handled a key press (keydown, keypress and the text input they cause). */
const keystrokeTasks = (trace: MainThreadTrace) =>
  trace.tasks.filter((t) => t.inside.some(([what]) => what === 'EventDispatch(keydown)' || what === 'EventDispatch(keypress)'));

describe('the summary editor stays responsive on a long text (Chromium)', () => {
  it('checks a pasted 100 000-character summary in a worker, shows that it is checking, paints the highlights and the list in steps, and prints the main thread’s tasks from a trace', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);

    await meetingWithNotes(app, 'Een kort gesprek over de buurt.');
    const area = page.getByLabel('Notities van het gesprek');
    await area.focus();
    await page.keyboard.press('Control+A');
    await tabTo(page, 'Nieuw signaal uit selectie');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Signaal \d+$/ }).waitFor();
    const review = page.locator('section.review');
    await review.waitFor();

    // Remember whether the progress line ever showed, however briefly, and for which texts an
    // answer was applied and painted (the page's 'obi-review-apply' measure).
    await page.evaluate(() => {
      const w = window as unknown as Recording;
      const status = document.querySelector('[data-content="checking"]')!;
      w.seenChecking = { checking: false };
      new MutationObserver(() => {
        if (/tekens worden gecontroleerd/.test(status.textContent ?? '')) w.seenChecking.checking = true;
      }).observe(status, { childList: true, characterData: true, subtree: true });
      w.appliedFor = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          if (e instanceof PerformanceMeasure && e.name === 'obi-review-apply') w.appliedFor.push((e.detail as { characters: number }).characters);
      }).observe({ type: 'measure' });
    });
    const applied = (characters: number) =>
      expect.poll(() => page.evaluate((n) => (window as unknown as Recording).appliedFor.includes(n), characters)).toBe(true);

    const big = longSummary();
    const summary = page.getByLabel('Samenvatting voor de teamleider');
    await summary.focus();
    await page.keyboard.press('Control+A');
    // Traced: the paste and its answer, then typing at the end and its answer.
    const items = page.locator('[data-content="spans"] li');
    const pasting = await traced(page, async () => {
      await page.keyboard.insertText(big);
      await applied(big.length);
      await expect.poll(() => items.count()).toBe(50);
    });
    await page.keyboard.press('Control+End');
    const typed = `${big} Bel 0612345678.`;
    const typing = await traced(page, async () => {
      await page.keyboard.type(' Bel 0612345678.');
      await applied(typed.length);
    });

    const mirror = page.locator('[data-content="review-mirror"]');
    expect(await mirror.evaluate((el) => el.textContent)).toBe(typed);
    // The mirror is plain text in pieces of a few lines, each a single text node.
    const pieces = await mirror.evaluate((el) => [...el.children].map((piece) => [piece.childNodes.length, piece.firstChild?.nodeType]));
    expect(pieces.length).toBeGreaterThan(typed.length / 2000);
    expect(new Set(pieces.map(String))).toEqual(new Set(['1,3']));
    // Every step of the last answer is painted and nothing of an earlier one is left: no range is
    // empty (a range in text that changed under it collapses) or overlaps another, and every
    // number has its range, the last one what was typed.
    const shown = await page.evaluate(highlightsShown);
    const ranges = shown['obi-undecided']!;
    expect(shown['obi-redact']).toEqual([]);
    expect(shown['obi-keep']).toEqual([]);
    expect(ranges.every(([start, end], i) => start < end && (i === 0 || ranges[i - 1]![1] <= start))).toBe(true);
    const numbers = [...typed.matchAll(/06-12345\d{3}|0612345678/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
    const texts = (list: Array<[number, number]>) => list.map(([start, end]) => typed.slice(start, end));
    expect(texts(ranges.filter((r) => /\d/.test(typed.slice(...r))))).toEqual(texts(numbers));
    expect(ranges.filter((r) => /\d/.test(typed.slice(...r)))).toEqual(numbers);
    expect(texts(ranges).at(-1)).toBe('0612345678');
    // The detectors ran in the worker, never on the page's own thread.
    expect(await review.getAttribute('data-checked-in')).toBe('worker');
    expect(await page.evaluate(() => (window as unknown as Recording).seenChecking.checking)).toBe(true);
    await expect.poll(() => page.locator('[data-content="checking"]').textContent()).toBe('');

    // The figures for the closing note: every main-thread task in the traces, never asserted.
    const keystrokes = keystrokeTasks(typing);
    expect(keystrokes.length).toBeGreaterThanOrEqual(' Bel 0612345678.'.length);
    console.log(
      [
        'editor on a 100 000-character summary, renderer main-thread tasks from a Chromium trace:',
        `  the paste: ${longFigures(pasting.tasks.filter((t) => t.inside.some(([what]) => what === 'EventDispatch(textInput)')))}`,
        `  applying the pasted text's answer: ${applyFigures(pasting, big.length)}`,
        `  ${keystrokes.length} typed keystrokes' own tasks: ${longFigures(keystrokes)}; median ${ms(median(keystrokes.map((t) => t.duration)))} (CPU ${ms(median(keystrokes.map((t) => t.cpu)))})`,
        `  applying the typed text's answer: ${applyFigures(typing, typed.length)}`,
      ].join('\n'),
    );

    // About a thousand distinct numbers, listed a page of 50 groups at a time, each with its count.
    expect(await items.count()).toBe(50);
    await items.filter({ hasText: /“06-12345000” 2× — nog te beslissen/ }).waitFor();
    const more = page.getByRole('button', { name: /^Meer tonen \(nog [\d.]+ niet getoond\)$/ });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(100);
    // The keyboard goes on at the first newly shown item.
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('[data-content="spans"] li')].indexOf(document.activeElement!))).toBe(50);
  });
});
