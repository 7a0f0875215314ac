import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readPayload } from '../../../shared/exchange/payload';
import { captureDeps } from '../../core/wiring';
import { importMeetings } from '../../core/capture/notes-import';
import { readyAll } from '../../core/capture/ready-all';
import { unlockWithPassphrase } from '../../core/vault/vault';
import { beyondDerivedIds, oasisValidate } from '../../test-support/conformance-tools';
import { stixProblems } from '../../test-support/stix-conformance';
import { stock, stockAgeKey } from '../../test-support/stock-tools';
import { tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { closeAppsAfterEachTest, expectAccessible, tabTo } from './app-harness';
import { goTo, newWorkstation, passphrase, unlocked } from './flows';

closeAppsAfterEachTest();

/** Personal data in the officer's notes: none of it may leave the officer's laptop. */
const canaries = ['Karim Haddad', '06-12345678', '111222333', 'Dorpsstraat 14'];
const tags = [
  'nl-obi:state-actor="IR"',
  'nl-obi:modus-operandi="coercion-by-proxy-family"',
  'nl-obi:target="activists-dissidents"',
  'nl-obi:channel="via-family-in-origin-country"',
];
const meeting = (day: number, municipality: string, topic: string) => {
  const notes = `Karim Haddad (BSN 111222333), Dorpsstraat 14, bereikbaar op 06-12345678, vertelde dat zijn familie in Iran is ondervraagd over ${topic}.`;
  return JSON.stringify({
    date: `2026-10-0${day}`,
    kind: 'individual-conversation',
    community: 'iranian',
    municipality,
    participants: 1,
    notes,
    signals: [{ quote: notes, summary: notes, tags, consent: true }],
  });
};

async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
}

describe('officer → team lead → central in the real UI (Chromium)', () => {
  it('sends, reviews with a return and a further redaction, resends the fix, and releases k-anonymous cells that stock tools open', async () => {
    const root = tempDir('obi-e2e-exchange-');
    const [o2l, returns, central] = ['o2l', 'returns', 'central'].map((d) => join(root, d)) as [string, string, string];
    for (const d of [o2l, returns, central]) mkdirSync(d);
    const centralKey = stockAgeKey(root);
    const officerWs = await newWorkstation();
    const leadWs = await newWorkstation();

    // Three conversations recorded earlier (as `obi notes import` takes them in), made ready.
    const vault = await unlockWithPassphrase(officerWs.vaultDir, passphrase, testVaultOptions);
    const deps = captureDeps(vault);
    importMeetings(
      vault,
      deps,
      [meeting(5, 'Deventer', 'zijn activisme'), meeting(6, 'Zwolle', 'zijn demonstraties'), meeting(7, 'Deventer', 'zijn schoolplein')].join('\n'),
    );
    expect(readyAll(vault, deps, true)).toMatchObject({ ready: 3 });
    vault.close();

    const officer = await unlocked(officerWs.vaultDir, {
      teamLead: { signer: leadWs.signer, recipient: leadWs.recipient },
      transport: { kind: 'folder', outbox: o2l, inbox: returns },
    });
    const lead = await unlocked(leadWs.vaultDir, {
      role: 'teamlead',
      kAnonymity: 2,
      team: [{ name: 'officer-1', signer: officerWs.signer, recipient: officerWs.recipient }],
      central: { recipient: centralKey.recipient },
      transport: { kind: 'folder', outbox: central, inbox: o2l, returns },
    });

    // The officer sees exactly what leaves, decoded and as the raw JSON, then sends it.
    let page = officer.page;
    await goTo(page, 'Versturen', 'Versturen naar de teamleider');
    await page.getByText('3 gereed signaal/signalen').waitFor();
    await expectAccessible(page, 'send (officer)');
    await press(page, 'Bundel samenstellen');
    await expect.poll(() => page.locator('.payload-items li').count()).toBe(3);
    await press(page, 'Toon de exacte inhoud (JSON)');
    const raw = (await page.locator('.raw-payload').textContent()) ?? '';
    expect(JSON.parse(raw)).toMatchObject({ manifest: { kind: 'officer', counts: { signals: 3 } } });
    for (const c of canaries) expect(raw).not.toContain(c);
    for (const c of canaries) expect(await page.locator('main').textContent()).not.toContain(c);
    await expectAccessible(page, 'send preview (officer)');
    await press(page, 'Nu versturen');
    await page.getByText('Verstuurd: 2 bestand(en) afgeleverd.').waitFor();
    await expect.poll(() => page.locator('[data-content="history"] tbody tr').count()).toBe(1);

    // The team lead reads the inbox: three de-identified signals wait.
    page = lead.page;
    await goTo(page, 'Beoordelen', 'Beoordelen');
    await press(page, 'Postvak lezen');
    await expect.poll(() => page.locator('[data-content="review-item"]').count()).toBe(3);
    await expectAccessible(page, 'review (team lead)');
    const summaries = () => page.locator('[data-content="review-item"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    const before = await summaries();
    expect(before.join('\n')).not.toMatch(/Karim|Haddad|12345678|111222333|Dorpsstraat/);
    const card = async (word: string) => page.locator('[data-content="review-item"]').nth((await summaries()).findIndex((s) => s.includes(word)));

    // Further redaction: the lead marks "familie" in the first and it goes before it is approved.
    const first = await card('activisme');
    await first.locator('textarea').evaluate((el) => {
      const area = el as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(area.value.indexOf('familie'), area.value.indexOf('familie') + 7);
    });
    await first.getByRole('button', { name: 'Lak selectie weg' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => first.locator('textarea').inputValue()).toMatch(/\[PERSOON-\d+\] in/);
    await first.getByRole('button', { name: 'Goedkeuren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-content="review-item"]').count()).toBe(2);
    await (await card('demonstraties')).getByRole('button', { name: 'Goedkeuren' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-content="review-item"]').count()).toBe(1);
    await page.getByRole('button', { name: 'Terugsturen', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Te weinig context');
    await press(page, 'Terugsturen met deze reden');
    await page.getByText('Er wacht niets op beoordeling.').waitFor();

    // The team bundle: two signals in one cell (k = 2), plus the returned bundle to the officer.
    await goTo(page, 'Versturen', 'Versturen naar het centrale punt');
    await page.getByText('2 goedgekeurd signaal/signalen').waitFor();
    await press(page, 'Bundel samenstellen');
    await page.getByText('2 signaal/signalen gaan mee in 1 cel(len).').waitFor();
    await expectAccessible(page, 'send preview (team lead)');
    await press(page, 'Nu versturen');
    await page.getByText('Verstuurd: 4 bestand(en) afgeleverd.').waitFor();

    // The officer hears back, finds the returned signal with its reason, fixes it and sends again.
    page = officer.page;
    await press(page, 'Terugmeldingen van de teamleider ophalen');
    await page
      .locator('[data-content="inbox-results"]')
      .getByText(/ingelezen/)
      .waitFor();
    await goTo(page, 'Gesprekken', 'Gesprekken');
    await tabTo(page, 'Zoeken in notities en samenvattingen');
    await page.keyboard.type('schoolplein');
    const returnedHit = page.locator('.result', { hasText: 'Teruggestuurd' });
    await returnedHit.waitFor();
    await returnedHit.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Signaal \d+$/ }).waitFor();
    await page.getByText('Teruggestuurd door de teamleider: Te weinig context').waitFor();
    await expectAccessible(page, 'returned signal');
    await page.getByLabel('Samenvatting voor de teamleider').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Familie van een activist ondervraagd over een bijeenkomst op een schoolplein; druk via familie in het land van herkomst.');
    await page.keyboard.press('Tab');
    await page.getByText(/^Opgeslagen/).waitFor();
    await press(page, 'Markeer als gereed');
    await page.getByText('Gereed', { exact: true }).first().waitFor();
    await goTo(page, 'Versturen', 'Versturen naar de teamleider');
    await press(page, 'Bundel samenstellen');
    await expect.poll(() => page.locator('.payload-items li').count()).toBe(1);
    await press(page, 'Nu versturen');
    await page.getByText('Verstuurd: 2 bestand(en) afgeleverd.').waitFor();

    // The lead approves the fix; alone it cannot reach k, so it waits, and the preview says so.
    page = lead.page;
    await goTo(page, 'Beoordelen', 'Beoordelen');
    await press(page, 'Postvak lezen');
    await expect.poll(() => page.locator('[data-content="review-item"]').count()).toBe(1);
    await press(page, 'Goedkeuren');
    await goTo(page, 'Versturen', 'Versturen naar het centrale punt');
    await press(page, 'Bundel samenstellen');
    await page.getByText('1 signaal/signalen wachten tot er genoeg vergelijkbare zijn:').waitFor();
    await press(page, 'Nu versturen');
    await page.getByText(/^Verstuurd:/).waitFor();

    // The central point with stock tools: minisign verifies, age decrypts, the STIX is valid, every cell ≥ k.
    const leadPub = join(root, 'lead.pub');
    writeFileSync(leadPub, `untrusted comment: team lead\n${leadWs.signer}\n`);
    const teamFiles = readdirSync(central).filter((n) => n.endsWith('.age'));
    expect(teamFiles).toHaveLength(2);
    const decrypted = teamFiles.map((n) => {
      expect(stock('minisign', ['-Vm', join(central, n), '-p', leadPub]).status).toBe(0);
      const out = stock('age', ['-d', '-i', centralKey.keyFile, join(central, n)]);
      expect(out.status).toBe(0);
      return out.out;
    });
    const released = decrypted.map((text) => {
      const payload = readPayload(JSON.parse(text) as unknown);
      if (!payload.ok) throw new Error(`${payload.problem.path}: ${payload.problem.message}`);
      expect(stixProblems(payload.value.bundle)).toEqual([]);
      const counts = payload.value.bundle.objects.filter((o) => o.type === 'sighting').map((s) => (s as unknown as { count: number }).count);
      expect(counts.every((c) => c >= 2)).toBe(true);
      return counts.reduce((a, b) => a + b, 0);
    });
    expect(released.sort()).toEqual([0, 2]);
    const verdicts = oasisValidate(Object.fromEntries(decrypted.map((text, i) => [`team bundle ${i}`, (JSON.parse(text) as { bundle: unknown }).bundle])));
    for (const [name, verdict] of Object.entries(verdicts)) {
      expect(verdict.valid, name).toBe(true);
      expect(beyondDerivedIds(verdict), `${name}: ${verdict.findings.join('\n')}`).toEqual([]);
    }

    // Nothing personal in anything that left the officer's laptop or the lead's.
    // Bundles taken in were moved into processed/ beside them.
    const files = [o2l, returns, central]
      .flatMap((d) => [d, join(d, 'processed')])
      .flatMap((d) =>
        existsSync(d)
          ? readdirSync(d, { withFileTypes: true })
              .filter((e) => e.isFile())
              .map((e) => readFileSync(join(d, e.name)).toString('latin1'))
          : [],
      );
    expect(files.length).toBeGreaterThan(6);
    const everything = [...files, ...decrypted, raw].join('\n');
    for (const c of [...canaries, 'Haddad']) expect(everything, c).not.toContain(c);
  });
});
