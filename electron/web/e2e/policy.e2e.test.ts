import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeAppsAfterEachTest, expectAccessible, startApp, type RunningApp } from './app-harness';

closeAppsAfterEachTest();
let app: RunningApp;

describe('machine policy in the app', () => {
  it('an invalid policy opens the read-only state, which names each wrong key and leaves the vault alone', async () => {
    app = await startApp({ policy: { organisation: 'AIVD', lockAfterMinutes: 0, updates: 'sometimes' } });
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: 'Alleen-lezen: het beleid van deze werkplek is ongeldig' }).waitFor();
    const problems = page.getByTestId('policy-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    for (const key of ['organisation', 'lockAfterMinutes', 'updates']) expect(text).toContain(key);
    expect(text).toContain('ontwikkelbestand (OBI_POLICY)');
    expect(await page.getByTestId('policy-table').textContent()).toContain('Standaardtaal');
    await expectAccessible(page, 'read-only state');
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(existsSync(app.vaultDir)).toBe(false);
  });
});
