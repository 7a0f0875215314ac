import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatISO } from 'date-fns';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../shared/policy/policy-schema';
import { addFollowUp } from '../../core/capture/follow-ups';
import { importMeetings } from '../../core/capture/notes-import';
import { readyAll } from '../../core/capture/ready-all';
import { Signals } from '../../core/capture/signals';
import { setUrgent } from '../../core/capture/urgency';
import { sendNow } from '../../core/exchange/exchange-service';
import { unlockWithPassphrase } from '../../core/vault/vault';
import { captureDeps } from '../../core/wiring';
import { stockAgeKey } from '../../test-support/stock-tools';
import { tempDir, testVaultOptions } from '../../test-support/temp-dirs';
import { closeAppsAfterEachTest, expectAccessible, tabTo } from './app-harness';
import { goTo, newWorkstation, passphrase, unlocked } from './flows';

closeAppsAfterEachTest();

const tags = ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"', 'nl-obi:target="students-academics"', 'nl-obi:channel="in-person"'];
const meeting = (day: number, summary: string) =>
  JSON.stringify({
    date: `2026-10-0${day}`,
    kind: 'individual-conversation',
    community: 'chinese',
    municipality: 'Utrecht',
    participants: 1,
    notes: `Gesprek ${day}. ${summary}`,
    signals: [{ quote: summary, summary, tags, consent: true }],
  });

/** From the start page, the queue entry `steps` arrow presses below the first, opened with Enter. */
async function openQueueEntry(page: Page, steps: number, heading: string | RegExp): Promise<void> {
  await goTo(page, 'Overzicht', 'Overzicht');
  await page.locator('[data-content="queue"] button').first().waitFor();
  await tabTo(page, /Signaal 1 is teruggestuurd/);
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('the work queues in the real UI (Chromium)', () => {
  it('shows the officer what needs them in order, reachable by keyboard, and an urgent signal reaches the team lead at once, on top', async () => {
    const root = tempDir('obi-e2e-queue-');
    const [o2l, returns, central] = ['o2l', 'returns', 'central'].map((d) => join(root, d)) as [string, string, string];
    for (const d of [o2l, returns, central]) mkdirSync(d);
    const officerWs = await newWorkstation();
    const leadWs = await newWorkstation();
    const officerPolicy = { teamLead: { signer: leadWs.signer, recipient: leadWs.recipient }, transport: { kind: 'folder', outbox: o2l, inbox: returns } };

    // Signal 1 came back from the team lead, 2 turns urgent, 3 went with last week's bundle; 4 is a
    // draft with a name in its summary; its meeting has a follow-up due today.
    const vault = await unlockWithPassphrase(officerWs.vaultDir, passphrase, testVaultOptions);
    const deps = captureDeps(vault);
    importMeetings(
      vault,
      deps,
      [
        meeting(1, 'Studenten werden gefotografeerd bij een bijeenkomst.'),
        meeting(2, 'Een student werd bedreigd na een demonstratie.'),
        meeting(3, 'Studenten werden gevolgd na college.'),
      ].join('\n'),
    );
    readyAll(vault, deps, true);
    const signals = new Signals(vault, deps);
    signals.transition(1, 'sent');
    signals.transition(1, 'returned', 'Graag de plaats weglaten');
    signals.transition(2, 'draft');
    const parsed = parsePolicy({ organisation: 'SZW', role: 'officer', ...officerPolicy });
    if (!parsed.ok) throw new Error('test policy');
    await sendNow(vault, parsed.policy, deps);
    signals.transition(2, 'ready');
    setUrgent(vault, 2, true);
    importMeetings(vault, deps, meeting(4, 'Karim Haddad werd gebeld door iemand van de ambassade.'));
    addFollowUp(vault, { meetingId: 4, dueOn: formatISO(new Date(), { representation: 'date' }), note: 'Terugbellen over de uitnodiging' });
    vault.close();

    const officer = await unlocked(officerWs.vaultDir, officerPolicy);
    let page = officer.page;
    await expect
      .poll(() => page.locator('[data-content="queue"] button').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))
      .toEqual(['returned', 'urgent', 'undecided-redaction', 'follow-up-due']);
    await expect.poll(() => page.getByTestId('queue-count').textContent()).toBe('4');
    await expectAccessible(page, 'work queue (officer)');

    // Each entry opens where the work is done, by keyboard only.
    await openQueueEntry(page, 0, 'Signaal 1');
    await page.getByText('Teruggestuurd door de teamleider: Graag de plaats weglaten').waitFor();
    await openQueueEntry(page, 2, 'Signaal 4');
    await openQueueEntry(page, 3, /^Gesprek van /);
    await page.locator('[data-content="follow-ups"]').getByText('Terugbellen over de uitnodiging').waitFor();
    await expectAccessible(page, 'meeting with a follow-up');
    await openQueueEntry(page, 1, 'Signaal 2');
    await page.getByTestId('referral-guidance').getByText(/112/).waitFor();
    await page
      .getByTestId('referral-guidance')
      .getByText(/Slachtofferhulp Nederland/)
      .waitFor();
    await expectAccessible(page, 'urgent signal');

    // Nu naar de teamleider: one bundle with just this signal, outside the schedule.
    await tabTo(page, 'Nu naar de teamleider');
    await page.keyboard.press('Enter');
    await page.getByText('Het signaal is naar de teamleider verzonden.').waitFor();
    await page.getByText('Verzonden', { exact: true }).first().waitFor();

    const centralKey = stockAgeKey(root);
    const lead = await unlocked(leadWs.vaultDir, {
      role: 'teamlead',
      kAnonymity: 2,
      team: [{ name: 'officer-1', signer: officerWs.signer, recipient: officerWs.recipient }],
      central: { recipient: centralKey.recipient },
      transport: { kind: 'folder', outbox: central, inbox: o2l, returns },
    });
    page = lead.page;
    await goTo(page, 'Beoordelen', 'Beoordelen');
    await tabTo(page, 'Postvak lezen');
    await page.keyboard.press('Enter');
    const items = page.locator('[data-content="review-item"]');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().getAttribute('data-urgent')).toBe('true');
    expect(await items.nth(1).getAttribute('data-urgent')).toBeNull();
    await expectAccessible(page, 'review with an urgent signal (team lead)');
    await goTo(page, 'Overzicht', 'Overzicht');
    await expect
      .poll(() => page.locator('[data-content="queue"] button').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))
      .toEqual(['urgent', 'review-pending']);
    await page.locator('[data-content="per-officer"]').getByText('officer-1').waitFor();
    await expectAccessible(page, 'work queue (team lead)');
    // Two workstations made through the UI and two apps open: longer than one screen's test.
  }, 480_000);
});
