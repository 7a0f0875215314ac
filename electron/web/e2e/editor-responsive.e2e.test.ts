import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun, meetingWithNotes } from './flows';

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

/** What the page records about its own main thread: long tasks (≥ 50 ms) and each answer's apply time. */
interface Timings {
  tasks: Array<[start: number, duration: number]>;
  applies: Array<[start: number, duration: number]>;
}
type Recording = Window & { seenChecking: { checking: boolean }; timings: Timings };

/** The highlights over the mirror: how many ranges, and the text of the last range of each status. */
function highlightsShown() {
  let ranges = 0;
  const last: Record<string, string> = {};
  for (const name of ['obi-undecided', 'obi-redact', 'obi-keep']) {
    const all = [...(CSS.highlights.get(name) ?? [])];
    ranges += all.length;
    const lastRange = all.at(-1);
    last[name] = lastRange instanceof Range ? lastRange.toString() : '';
  }
  return { ranges, last };
}

const longest = (entries: Array<[number, number]>, from: number) => Math.max(0, ...entries.filter(([start]) => start >= from).map(([, d]) => d));
const ms = (n: number) => `${Math.round(n)} ms`;

describe('the summary editor stays responsive on a long text (Chromium)', () => {
  it('checks a pasted 100 000-character summary in a worker, shows that it is checking, highlights what is typed after, and lists the proposals a page at a time', async () => {
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

    // Remember whether the progress line ever showed, however briefly, and record the main
    // thread's long tasks and the time each answer took to show (figures, never asserted).
    await page.evaluate(() => {
      const w = window as unknown as Recording;
      const status = document.querySelector('[data-content="checking"]')!;
      w.seenChecking = { checking: false };
      new MutationObserver(() => {
        if (/tekens worden gecontroleerd/.test(status.textContent ?? '')) w.seenChecking.checking = true;
      }).observe(status, { childList: true, characterData: true, subtree: true });
      w.timings = { tasks: [], applies: [] };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.timings.tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'obi-review-apply') w.timings.applies.push([e.startTime, e.duration]);
      }).observe({ type: 'measure' });
    });

    const big = longSummary();
    const summary = page.getByLabel('Samenvatting voor de teamleider');
    await summary.focus();
    await page.keyboard.press('Control+A');
    const pastedAt = await page.evaluate(() => performance.now());
    await page.keyboard.insertText(big);
    await page.keyboard.press('Control+End');
    const typedAt = await page.evaluate(() => performance.now());
    await page.keyboard.type(' Bel 0612345678.');
    const typed = `${big} Bel 0612345678.`;

    const mirror = page.locator('[data-content="review-mirror"]');
    await expect.poll(() => mirror.evaluate((el) => el.textContent?.length)).toBe(typed.length);
    // The spans are highlights over the mirror's text, the last one what was typed.
    await expect.poll(() => page.evaluate(highlightsShown).then((h) => h.last['obi-undecided'])).toBe('0612345678');
    // The mirror is plain text in pieces of a few lines, each a single text node.
    const pieces = await mirror.evaluate((el) => [...el.children].map((piece) => [piece.childNodes.length, piece.firstChild?.nodeType]));
    expect(pieces.length).toBeGreaterThan(typed.length / 2000);
    expect(new Set(pieces.map(String))).toEqual(new Set(['1,3']));
    expect((await page.evaluate(highlightsShown)).ranges).toBeGreaterThan(1000);
    // The detectors ran in the worker, never on the page's own thread.
    expect(await review.getAttribute('data-checked-in')).toBe('worker');
    expect(await page.evaluate(() => (window as unknown as Recording).seenChecking.checking)).toBe(true);
    await expect.poll(() => page.locator('[data-content="checking"]').textContent()).toBe('');

    // The figures for the closing note: the answer to the typed text has been applied and painted.
    await expect.poll(() => page.evaluate((from) => (window as unknown as Recording).timings.applies.some(([start]) => start >= from), typedAt)).toBe(true);
    const timings = await page.evaluate(() => (window as unknown as Recording).timings);
    // The last answer is applied after typing stopped: the long tasks within its apply are its own work.
    const [applyStart, applyTime] = timings.applies.at(-1)!;
    const applyTasks = timings.tasks.filter(([start, d]) => start + d > applyStart && start < applyStart + applyTime).map(([, d]) => d);
    console.log(
      `editor on a 100 000-character summary: longest main-thread task after the paste ${ms(longest(timings.tasks, pastedAt))},` +
        ` after the typed keystrokes (their own handling included) ${ms(longest(timings.tasks, typedAt))};` +
        ` applying an answer, arrival to painted frame: ${timings.applies.map(([, d]) => ms(d)).join(', ')};` +
        ` long tasks while the last answer was applied: ${applyTasks.length ? applyTasks.map(ms).join(', ') : 'none of 50 ms or more'}`,
    );

    // About a thousand distinct numbers, listed a page of 50 groups at a time, each with its count.
    const items = page.locator('[data-content="spans"] li');
    expect(await items.count()).toBe(50);
    await items.filter({ hasText: /“06-12345000” 2× — nog te beslissen/ }).waitFor();
    const more = page.getByRole('button', { name: /^Meer tonen \(nog [\d.]+ niet getoond\)$/ });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(100);
    // The keyboard goes on at the first newly shown item.
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-content="spans"] li')].indexOf(document.activeElement!))).toBe(50);
  });
});
