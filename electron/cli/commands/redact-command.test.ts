import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-io';
import { runCli } from '../program';

/** Runs `obi redact` in this process with the given bytes on stdin, split into small chunks. */
async function obiRedact(args: string[], input: string | Uint8Array, chunkSize = 7) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env: {}, out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from(chunks) };
  const code = await runCli(['redact', ...args], io);
  return { code, out, err: err.join('\n') };
}

describe('obi redact', () => {
  it('writes one JSON object with the redacted text and spans with offsets into the input', async () => {
    const input = 'Bel Jan de Vries op 06-12345678.\nZij woont in Apeldoorn.';
    const r = await obiRedact([], input);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toHaveLength(1);
    const result = JSON.parse(r.out[0]!) as { text: string; spans: Array<{ start: number; end: number; category: string; replacement: string }> };
    expect(result.text).toBe('Bel [PERSOON-1] op [TELEFOON-1].\nZij woont in [PLAATS-1].');
    expect(result.spans.map((s) => [input.slice(s.start, s.end), s.category, s.replacement])).toEqual([
      ['Jan de Vries', 'person', '[PERSOON-1]'],
      ['06-12345678', 'phone', '[TELEFOON-1]'],
      ['Apeldoorn', 'place', '[PLAATS-1]'],
    ]);
  });

  it('with --jsonl writes one line per input line, in order, numbering each line on its own', async () => {
    const lines = [
      '{"id": "a", "text": "Karim Haddad belde."}',
      '{"id": "b", "text": "Geen namen, alleen de ambassade.", "extra": 1}',
      '',
      '{"id": "c", "text": "Elif Şahin en Karim Haddad."}\r',
    ];
    const r = await obiRedact(['--jsonl'], `${lines.join('\n')}\n`);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.map((l) => JSON.parse(l) as { id: string; text: string })).toMatchObject([
      { id: 'a', text: '[PERSOON-1] belde.' },
      { id: 'b', text: 'Geen namen, alleen de ambassade.', spans: [] },
      { id: 'c', text: '[PERSOON-1] en [PERSOON-2].' },
    ]);
  });

  it('with --jsonl reads one long line in time linear in its length (the pending part is not copied per chunk)', async () => {
    // CPU time of this thread, the least of three runs: a ratio in one process, never a duration.
    const cpuMs = async (bytes: number) => {
      const line = `{"id": "long", "text": "${'x'.repeat(bytes)}"}\n`;
      let least = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const before = process.threadCpuUsage();
        const result = await obiRedact(['--jsonl'], line, 1024);
        const used = process.threadCpuUsage(before);
        expect(result.code).toBe(0);
        least = Math.min(least, (used.user + used.system) / 1000);
      }
      return least;
    };
    const small = await cpuMs(1_000_000);
    const large = await cpuMs(4_000_000);
    // Copying what is pending on every chunk made it quadratic: a ratio near 16.
    expect(large / small).toBeLessThanOrEqual(8);
  }, 120_000);

  it('stops at a line that is not JSON, or not {id, text}, naming the line and never echoing it', async () => {
    const notJson = await obiRedact(['--jsonl'], '{"id": "x", "text": "ok"}\nKarim Haddad\n');
    expect(notJson.code).toBe(2);
    expect(notJson.out).toHaveLength(1);
    expect(notJson.err).toBe('obi: line 2: not a JSON object.');
    const badField = await obiRedact(['--jsonl'], '{"id": "x", "text": 5}\n');
    expect(badField).toMatchObject({ code: 2, err: 'obi: line 1: "text" must be a string.' });
    const notObject = await obiRedact(['--jsonl'], '[1, 2]');
    expect(notObject).toMatchObject({ code: 2, err: 'obi: line 1: expected an object with "id" and "text".' });
  });

  it('refuses input that is not UTF-8, naming the line', async () => {
    const bad = new Uint8Array([...new TextEncoder().encode('goed\nook goed\n'), 0xff, 0xfe, 0x0a]);
    expect(await obiRedact([], bad)).toMatchObject({ code: 2, err: 'obi: line 3: the input is not valid UTF-8.' });
    expect(await obiRedact(['--jsonl'], bad)).toMatchObject({ code: 2, err: 'obi: line 1: not a JSON object.' });
  });

  it('needs no vault and answers --help', async () => {
    const r = await obiRedact(['--help'], '');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/^Usage: obi redact/);
  });
});
