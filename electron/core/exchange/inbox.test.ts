import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangePair } from '../../test-support/exchange-pair';
import { tempDir } from '../../test-support/temp-dirs';
import { AppError } from '../app-error';
import { folderTransport } from '../transport/folder-transport';
import type { Transport } from '../transport/transport';
import { sendNow, readInbox, scheduledTick } from './exchange-service';
import { importBundles } from './inbox';
import { listReview } from './four-eyes-review';
import { vaultSql } from '../../test-support/vault-sql';

/** A team lead whose inbox holds one valid officer bundle. */
async function leadWithBundle() {
  const root = tempDir();
  const [o2l, central] = [join(root, 'o2l'), join(root, 'central')];
  mkdirSync(o2l);
  const pair = await exchangePair({
    officer: { kind: 'folder', outbox: o2l, inbox: join(root, 'l2o') },
    lead: { kind: 'folder', outbox: central, inbox: o2l },
  });
  const sent = await sendNow(pair.officer.vault, pair.officerPolicy, pair.officer.deps);
  return { ...pair, o2l, bundle: sent.prepared! };
}

const auditCount = (pair: Awaited<ReturnType<typeof leadWithBundle>>, event: string) =>
  (vaultSql(pair.lead.vault)('SELECT count(*) AS n FROM audit_log WHERE event = ?').get(event) as { n: number }).n;

describe('the hostile inbox', () => {
  it('takes in the valid bundle beside a FIFO, links and a folder named like a bundle, naming each with its reason', async () => {
    const pair = await leadWithBundle();
    const { o2l } = pair;
    execFileSync('mkfifo', [join(o2l, 'fifo.age')]);
    copyFileSync(join(o2l, `${pair.bundle}.age.minisig`), join(o2l, 'fifo.age.minisig'));
    symlinkSync('/dev/zero', join(o2l, 'zero.age'));
    copyFileSync(join(o2l, `${pair.bundle}.age.minisig`), join(o2l, 'zero.age.minisig'));
    symlinkSync(join(o2l, 'nowhere.age'), join(o2l, 'dangling.age'));
    mkdirSync(join(o2l, 'folder.age'));
    writeFileSync(join(o2l, 'unsigned.age'), 'not a bundle');
    writeFileSync(join(o2l, 'garbage.age'), 'not a bundle');
    writeFileSync(join(o2l, 'garbage.age.minisig'), 'not a signature');

    const results = await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    const byFile = Object.fromEntries(results.map((r) => [r.file, [r.outcome, r.reason]]));
    expect(byFile).toEqual({
      [`${pair.bundle}.age`]: ['imported', undefined],
      'fifo.age': ['refused', 'not_a_file'],
      'zero.age': ['refused', 'not_a_file'],
      'dangling.age': ['refused', 'not_a_file'],
      'folder.age': ['refused', 'not_a_file'],
      'unsigned.age': ['refused', 'signature_missing'],
      'garbage.age': ['refused', 'signature_invalid'],
    });
    expect(results.find((r) => r.file === 'fifo.age')!.message).toBe('The entry fifo.age is a pipe; only regular files are read.');
    expect(listReview(pair.lead.vault, null)).toHaveLength(3);
    expect(auditCount(pair, 'bundle.refused')).toBe(6);
    // The imported bundle left the inbox; the refused entries stay for IT to look at.
    expect(readdirSync(join(o2l, 'processed')).sort()).toEqual([`${pair.bundle}.age`, `${pair.bundle}.age.minisig`]);
  });

  it('does not read, verify or audit a refused or foreign entry again, also under another name; a changed one is read anew', async () => {
    const pair = await leadWithBundle();
    const { o2l } = pair;
    writeFileSync(join(o2l, 'garbage.age'), 'not a bundle');
    writeFileSync(join(o2l, 'garbage.age.minisig'), 'not a signature');
    execFileSync('mkfifo', [join(o2l, 'fifo.age')]);
    await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    expect(auditCount(pair, 'bundle.refused')).toBe(2);

    // Count what the inbox reads through a transport that reports every read.
    const reads: string[] = [];
    const counting = (): Transport => {
      const t = folderTransport({ kind: 'folder', outbox: o2l, inbox: o2l });
      return { ...t, read: (entry, max) => (reads.push(entry.name), t.read(entry, max)) };
    };
    const again = await importBundles(pair.lead.vault, pair.leadPolicy, pair.lead.deps, counting(), true);
    expect(again.map((r) => [r.file, r.outcome, r.reason]).sort()).toEqual([
      ['fifo.age', 'skipped', 'refused_before'],
      ['garbage.age', 'skipped', 'refused_before'],
    ]);
    expect(reads).toEqual([]);
    expect(auditCount(pair, 'bundle.refused')).toBe(2);

    // The same bytes under another name are read once (to learn their hash), but not verified or audited again.
    copyFileSync(join(o2l, 'garbage.age'), join(o2l, 'copy.age'));
    copyFileSync(join(o2l, 'garbage.age.minisig'), join(o2l, 'copy.age.minisig'));
    const copy = await importBundles(pair.lead.vault, pair.leadPolicy, pair.lead.deps, counting(), true);
    expect(copy.find((r) => r.file === 'copy.age')).toMatchObject({ outcome: 'skipped', reason: 'refused_before' });
    expect(reads).toEqual(['copy.age']);
    expect(auditCount(pair, 'bundle.refused')).toBe(2);

    // Changed content is a new entry: read and judged again.
    writeFileSync(join(o2l, 'garbage.age'), 'something else entirely');
    const changed = await importBundles(pair.lead.vault, pair.leadPolicy, pair.lead.deps, counting(), true);
    expect(changed.find((r) => r.file === 'garbage.age')).toMatchObject({ outcome: 'refused', reason: 'signature_invalid' });
    expect(auditCount(pair, 'bundle.refused')).toBe(3);
  });

  it('does not remember a failure of the way in: the entry is read again next time', async () => {
    const pair = await leadWithBundle();
    let failing = true;
    const t = folderTransport({ kind: 'folder', outbox: pair.o2l, inbox: pair.o2l });
    const flaky: Transport = {
      ...t,
      read: (entry, max) => (failing ? Promise.reject(new AppError('server_unreachable', 'away')) : t.read(entry, max)),
    };
    expect((await importBundles(pair.lead.vault, pair.leadPolicy, pair.lead.deps, flaky, true)).map((r) => r.reason)).toEqual(['server_unreachable']);
    failing = false;
    expect((await importBundles(pair.lead.vault, pair.leadPolicy, pair.lead.deps, flaky, true)).map((r) => r.outcome)).toEqual(['imported']);
    expect(auditCount(pair, 'bundle.refused')).toBe(0);
  });

  it('an inbox that cannot be read does not hold back the scheduled export', async () => {
    const root = tempDir();
    const notAFolder = join(root, 'inbox-is-a-file');
    writeFileSync(notAFolder, 'x');
    const pair = await exchangePair({
      officer: { kind: 'folder', outbox: join(root, 'o2l'), inbox: notAFolder },
      lead: { kind: 'folder', outbox: join(root, 'central'), inbox: join(root, 'o2l') },
    });
    const tick = await scheduledTick(pair.officer.vault, pair.officerPolicy, pair.officer.deps, new Date('2030-01-07T10:00:00'));
    expect(tick.inbox).toEqual({ imported: 0, refused: 0, failure: 'io_error' });
    expect(tick.sent?.paths).toHaveLength(2);
    expect(readdirSync(join(root, 'o2l'))).toHaveLength(2);
  });

  it('keeps a bundle for another workstation in a shared folder where it is, and skips it quietly from then on', async () => {
    const pair = await leadWithBundle();
    const other = await leadWithBundle();
    copyFileSync(join(other.o2l, `${other.bundle}.age`), join(pair.o2l, `${other.bundle}.age`));
    copyFileSync(join(other.o2l, `${other.bundle}.age.minisig`), join(pair.o2l, `${other.bundle}.age.minisig`));
    // Signed by an officer of another team: untrusted here, refused once and remembered.
    const first = await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    expect(first.find((r) => r.file === `${other.bundle}.age`)).toMatchObject({ outcome: 'refused', reason: 'bundle_untrusted' });
    const second = await readInbox(pair.lead.vault, pair.leadPolicy, pair.lead.deps);
    expect(second).toEqual([{ file: `${other.bundle}.age`, outcome: 'skipped', reason: 'refused_before' }]);
    expect(readdirSync(pair.o2l)).toContain(`${other.bundle}.age`);
  });
});
