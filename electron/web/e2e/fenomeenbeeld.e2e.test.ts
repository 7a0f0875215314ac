import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReportPeriod, reportPeriodOf } from '../../core/central/central-report';
import { readInbox } from '../../core/exchange/exchange-service';
import { captureDeps } from '../../core/wiring';
import { centralWorkstation, conversationLine, makeTeam, teamRound } from '../../test-support/central-chain';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo } from './app-harness';
import { passphrase, unlockWith } from './flows';

/**
 * The central point in the browser: a team bundle of the last whole period taken in, then the
 * Fenomeenbeeld page is the start page, shows the period's figures, is axe-clean, and saves the
 * HTML report and its PDF (printed by headless Chromium, as the app prints with Electron) by keyboard.
 */

closeAppsAfterEachTest();

describe('the Fenomeenbeeld page', () => {
  it('shows the last whole period after an intake and saves the HTML report and the PDF by keyboard', async () => {
    const central = await centralWorkstation();
    const team = await makeTeam('szw-1', 'SZW', central.recipient, 3, 3);
    const raw = {
      organisation: 'NCTV',
      role: 'central',
      teams: [{ name: team.name, organisation: team.organisation, signer: team.signer }],
      transport: { kind: 'folder', inbox: central.inbox, outbox: join(central.inbox, '..', 'out') },
      reportMinimum: 3,
    };
    const policy = central.policy([team], { reportMinimum: 3 });
    const period = reportPeriodOf(defaultReportPeriod(policy, new Date()));
    const day = `${period.from.slice(0, 8)}13`;
    const lines = [1, 2, 3].map((o) => [1, 2, 3, 4].map((c) => conversationLine(day, o * 10 + c)).join('\n'));
    const file = await teamRound(team, lines, new Date(`${period.to}T10:00:00Z`));
    expect((await readInbox(central.vault, policy, captureDeps(central.vault), [file]))[0]?.outcome).toBe('imported');
    central.vault.confirmRecoveryKey();
    const vaultDir = central.vault.dir;
    central.vault.close();

    const app = await startApp({ vaultDir, policy: raw });
    const { page } = app;
    await unlockWith(app, passphrase);
    await page.getByRole('heading', { level: 1, name: 'Fenomeenbeeld' }).waitFor();
    const actors = page.locator('[data-table="byStateActor"]');
    await expect.poll(() => actors.textContent()).toContain('12');
    await expect.poll(() => page.getByRole('img', { name: /Staafdiagram: gesprekken per statelijke actor/ }).count()).toBe(1);
    expect(await page.locator('[data-table="coverage"]').textContent()).toContain('gerapporteerd');
    // Only the central point's own pages are offered.
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('button').allTextContents()).toEqual(['Fenomeenbeeld', 'Postvak', 'Taxonomie', 'Werkplek', 'Beveiligingsmeldingen']);
    // The summaries the team lead sent with the cell, at most two of its conversations, each shown with its cell.
    const illustrations = page.locator('[data-content="illustrations"] li');
    await expect.poll(() => illustrations.count()).toBe(2);
    for (const text of await illustrations.allTextContents()) expect(text).toMatch(/^Druk vanuit het buitenland, gesprek \d+\.Cel: Iran · .* · SZW \(/);
    await expectAccessible(page, 'fenomeenbeeld');

    await tabTo(page, 'Opslaan als HTML');
    await page.keyboard.press('Enter');
    const status = page.getByRole('status').filter({ hasText: 'Opgeslagen in' });
    await status.waitFor();
    const saved = ((await status.textContent()) ?? '').replace(/^Opgeslagen in /, '').trim();
    expect(basename(saved)).toBe(`fenomeenbeeld-${period.label}-nl.html`);
    expect(existsSync(saved)).toBe(true);

    // Every text the status line shows while the PDF is made, so the progress is seen however fast it goes.
    await page.evaluate(() => {
      const line = document.querySelector('[data-content="export-status"]')!;
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true });
    });
    await tabTo(page, 'Opslaan als PDF');
    await page.keyboard.press('Enter');
    const pdfStatus = page.getByRole('status').filter({ hasText: /Opgeslagen in .*\.pdf/ });
    await pdfStatus.waitFor({ timeout: 120_000 });
    const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    expect(seen).toContain('De PDF wordt gemaakt: dat duurt een paar seconden…');
    const pdfPath = ((await pdfStatus.textContent()) ?? '').replace(/^Opgeslagen in /, '').trim();
    expect(basename(pdfPath)).toBe(`fenomeenbeeld-${period.label}-nl.pdf`);
    // The harness's Documents folder: beside the vault, as for every file it saves for the user.
    expect(dirname(pdfPath)).toBe(dirname(vaultDir));
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(8 * 1024);
    // The keyboard stays where it was, and the page is still axe-clean with the export's status.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Opslaan als PDF');
    await expectAccessible(page, 'fenomeenbeeld after the PDF export');
  }, 300_000);
});
