import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { obi } from '../test-support/run-cli';
import { passphrase, tempDir } from '../test-support/temp-dirs';

const tags = ['nl-obi:state-actor="CN"', 'nl-obi:modus-operandi="physical-surveillance"'];
const line = (summary: string, extraTags: string[] = []) =>
  JSON.stringify({
    date: '2026-11-02',
    kind: 'individual-conversation',
    community: 'chinese',
    municipality: 'Utrecht',
    participants: 1,
    notes: `Gesprek. ${summary}`,
    signals: [{ quote: summary, summary, tags: [...tags, ...extraTags], consent: true }],
  });

describe('obi queue', () => {
  it('prints the officer queue as {kind, ref, reason, severity, since} in order; obi urgent moves a signal up', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'policy.json'), JSON.stringify({ organisation: 'SZW', role: 'officer' }));
    const env = { OBI_VAULT: join(dir, 'v'), OBI_PASSPHRASE: passphrase, OBI_POLICY: join(dir, 'policy.json') };
    expect((await obi(['vault', 'init'], env)).code).toBe(0);
    writeFileSync(join(dir, 'in.jsonl'), [line('Studenten werden gefotografeerd.'), line('Karim Haddad werd gebeld.', ['nl-obi:severity="3"'])].join('\n'));
    expect((await obi(['notes', 'import', join(dir, 'in.jsonl')], env)).code).toBe(0);
    expect((await obi(['signals', 'ready', '--all'], env)).code).toBe(0);

    const first = await obi(['queue', '--json'], env);
    expect(first.code, first.err).toBe(0);
    const items = JSON.parse(first.out) as Array<Record<string, unknown>>;
    expect(items.map((i) => Object.keys(i))).toEqual([
      ['kind', 'ref', 'reason', 'severity', 'since'],
      ['kind', 'ref', 'reason', 'severity', 'since'],
    ]);
    expect(items).toMatchObject([
      { kind: 'undecided-redaction', ref: 'signal:2', severity: 3 },
      { kind: 'ready-waiting', ref: 'signal:1', severity: null },
    ]);

    expect(await obi(['urgent', '1'], env)).toMatchObject({ code: 0, out: 'Signal 1 is urgent.' });
    const second = JSON.parse((await obi(['queue', '--json'], env)).out) as Array<{ kind: string; ref: string }>;
    expect(second.map((i) => [i.kind, i.ref])).toEqual([
      ['urgent', 'signal:1'],
      ['undecided-redaction', 'signal:2'],
    ]);
    expect((await obi(['queue'], env)).out.split('\n')[0]).toMatch(/^urgent\s+signal:1\s+-\s+\S+\s+urgent and ready/);
    expect(await obi(['urgent', 'x'], env)).toMatchObject({ code: 2, err: 'obi: ID: must be the number of a signal (see obi signals list).' });
  });
});
