import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun, meetingWithNotes } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

const notes = 'Karim Haddad werd gisteren gebeld op 06-12345678 door iemand van het consulaat. Hij is bang.';

describe('the officer reviews every proposed redaction (Chromium, keyboard only)', () => {
  it('highlights proposals, takes a decision per span, a span marked by hand, and shows the summary as it leaves', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);

    await meetingWithNotes(app, notes);
    const area = page.getByLabel('Notities van het gesprek');
    await area.focus();
    await page.keyboard.press('Control+A');
    await tabTo(page, 'Nieuw signaal uit selectie');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Signaal \d+$/ }).waitFor();

    // Proposals appear, the signal is not ready while any is undecided.
    const spans = page.locator('[data-content="spans"] li');
    await expect.poll(() => spans.count()).toBeGreaterThanOrEqual(2);
    await page.getByText(/voorstel\(len\) wachten op een besluit/).waitFor();
    await expectAccessible(page, 'signal with proposed redactions');

    await tabTo(page, 'Lak “Karim Haddad” weg');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Laat “06-12345678” leesbaar');
    await page.keyboard.press('Enter');
    await page.getByLabel('Waarom leesbaar (één woord)').waitFor();
    await page.keyboard.type('bewust');
    await page.keyboard.press('Enter');
    await spans.filter({ hasText: 'blijft leesbaar' }).waitFor();
    // Anything else the detectors proposed is redacted too.
    const undecided = spans.filter({ hasText: 'nog te beslissen' });
    for (let left = await undecided.count(); left > 0; left--) {
      await undecided
        .first()
        .getByRole('button', { name: /^Lak “/ })
        .focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => undecided.count()).toBeLessThan(left);
    }
    await page.getByText('Over alle voorstellen is besloten.').waitFor();

    // A word the detectors did not propose, marked by hand in the summary.
    const summary = page.getByLabel('Samenvatting voor de teamleider');
    await summary.focus();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < ' Hij is bang.'.length; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < ' Hij'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await tabTo(page, 'Markeer selectie om weg te lakken');
    await page.keyboard.press('Enter');
    await spans.filter({ hasText: 'zelf gemarkeerd' }).waitFor();

    const outgoing = page.locator('[data-content="outgoing"]');
    await expect.poll(() => outgoing.textContent()).toContain('[PERSOON-2] is bang.');
    const text = (await outgoing.textContent()) ?? '';
    expect(text).not.toContain('Karim');
    expect(text).not.toContain('Haddad');
    expect(text).toContain('06-12345678');
    expect(text).not.toMatch(/\bHij\b/);
    await expectAccessible(page, 'signal with every redaction decided');
  });
});
