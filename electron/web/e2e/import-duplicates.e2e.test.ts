import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleImportLines } from '../../test-support/sample-import';
import { tempDir } from '../../test-support/temp-dirs';
import { closeAppsAfterEachTest, expectAccessible, startApp, tabTo, type RunningApp } from './app-harness';
import { firstRun } from './flows';

closeAppsAfterEachTest();
let app: RunningApp;

/** Chooses `file` with the import button, by keyboard, and waits for what the import says. */
async function importByKeyboard(file: string, says: string | RegExp) {
  const { page } = app;
  await tabTo(page, 'Gesprekken importeren uit een bestand');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  await page.locator('[data-content="import-result"]', { hasText: says }).waitFor();
}

/** The line of `lines[0]` with its notes changed a little and no id: the same conversation typed up again. */
const nearCopy = (line: string, words: string) => {
  const { id: _id, ...value } = JSON.parse(line) as { id?: string; notes: string };
  return JSON.stringify({ ...value, notes: value.notes.replace(' hier.', ` hier ${words}.`) });
};

describe('importing twice and likely duplicates (Chromium, keyboard only)', () => {
  it('says what an import did, lists near-copies, keeps a pair apart and merges another', async () => {
    app = await startApp();
    const { page } = app;
    await firstRun(app);
    const dir = tempDir('obi-e2e-import-');
    const lines = sampleImportLines(3);
    const file = join(dir, 'gesprekken.jsonl');
    writeFileSync(file, lines.join('\n'));

    await tabTo(page, 'Gesprekken');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Gesprekken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mogelijk dubbele gesprekken (0)' }).waitFor();

    await importByKeyboard(file, 'gesprekken.jsonl: 3 nieuw, 0 al in de kluis, daaraan is niets veranderd (3 nieuwe signalen).');
    await importByKeyboard(file, 'gesprekken.jsonl: 0 nieuw, 3 al in de kluis, daaraan is niets veranderd (0 nieuwe signalen).');
    await expectAccessible(page, 'meetings after an import');

    // A changed line is refused, named by line and field, and nothing of the file is saved.
    const changed = join(dir, 'gewijzigd.jsonl');
    writeFileSync(changed, [lines[1], JSON.stringify({ ...(JSON.parse(lines[0]!) as object), participants: 99 })].join('\n'));
    await tabTo(page, 'Gesprekken importeren uit een bestand');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(changed);
    await page
      .getByRole('alert')
      .filter({ hasText: 'gewijzigd.jsonl is niet geïmporteerd' })
      .filter({ hasText: 'line 2: ' })
      .filter({ hasText: 'participants' })
      .waitFor();

    const copies = join(dir, 'nog-eens-getypt.jsonl');
    writeFileSync(copies, [nearCopy(lines[0]!, 'in Nederland'), nearCopy(lines[0]!, 'volgens hen')].join('\n'));
    await importByKeyboard(copies, 'nog-eens-getypt.jsonl: 2 nieuw, 0 al in de kluis');
    await page.getByRole('heading', { level: 2, name: 'Mogelijk dubbele gesprekken (3)' }).waitFor();
    await expectAccessible(page, 'likely duplicates');

    // Keep the two copies apart (meetings 4 and 5): that pair is not offered again.
    await tabTo(page, 'Gesprekken 4 en 5 apart houden');
    await page.keyboard.press('Enter');
    await page.getByText('Gesprekken 4 en 5 blijven apart').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mogelijk dubbele gesprekken (2)' }).waitFor();

    // Merge copy 4 into the imported meeting 1: one conversation with both signals.
    await tabTo(page, 'Gesprek 4 samenvoegen met 1');
    await page.keyboard.press('Enter');
    await page.getByText('Gesprek 4 is samengevoegd met gesprek 1').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Mogelijk dubbele gesprekken (1)' }).waitFor();
    await expect.poll(() => page.locator('.duplicate').count()).toBe(1);
    await expectAccessible(page, 'likely duplicates after a merge');
  }, 300_000);
});
