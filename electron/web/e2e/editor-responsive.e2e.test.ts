import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun, meetingWithNotes } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

/** A long summary: ordinary sentences with a phone number now and then, 100 000 characters. */
function longSummary(): string {
  const sentence = 'Het gesprek ging over de buurt en de school van de kinderen. Bel later 06-1234567%d terug. ';
  let text = '';
  for (let i = 0; text.length < 100_000; i++) text += sentence.replace('%d', String(i % 10));
  return text.slice(0, 100_000);
}

describe('the summary editor stays responsive on a long text (Chromium)', () => {
  it('checks a pasted 100 000-character summary in a worker, shows that it is checking, and highlights what is typed after', async () => {
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

    // Remember whether the progress line ever showed, however briefly.
    await page.evaluate(() => {
      const status = document.querySelector('[data-content="checking"]')!;
      const seen = { checking: false };
      (window as unknown as { seenChecking: typeof seen }).seenChecking = seen;
      new MutationObserver(() => {
        if (/tekens worden gecontroleerd/.test(status.textContent ?? '')) seen.checking = true;
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });

    const big = longSummary();
    const summary = page.getByLabel('Samenvatting voor de teamleider');
    await summary.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(big);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Bel 0612345678.');
    const typed = `${big} Bel 0612345678.`;

    const mirror = page.locator('[data-content="review-mirror"]');
    await expect.poll(() => mirror.evaluate((el) => el.textContent?.length)).toBe(typed.length);
    await expect.poll(() => mirror.locator('mark').last().textContent()).toBe('0612345678');
    expect(await mirror.locator('mark').count()).toBeGreaterThan(1000);
    // The detectors ran in the worker, never on the page's own thread.
    expect(await review.getAttribute('data-checked-in')).toBe('worker');
    expect(await page.evaluate(() => (window as unknown as { seenChecking: { checking: boolean } }).seenChecking.checking)).toBe(true);
    await expect.poll(() => page.locator('[data-content="checking"]').textContent()).toBe('');
  });
});
