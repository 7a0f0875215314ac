import type { Command } from 'commander';
import { z } from 'zod';
import { detect, Pseudonymiser, redact } from '../../../shared/redaction';
import { AppError } from '../../core/app-error';
import type { CliIo } from '../cli-io';

/**
 * `obi redact`: UTF-8 text on stdin → one JSON object {text, spans}.
 * `obi redact --jsonl`: lines {"id", "text"} → lines {"id", "text", "spans"}, in order, each written
 * as soon as its line is read. Bad input stops with one line naming the input line, exit 2; it
 * never echoes the input, which may hold personal data.
 */

const lineSchema = z.object({ id: z.string(), text: z.string() });

function redactText(text: string, pseudonymiser = new Pseudonymiser()) {
  return redact(text, detect(text), pseudonymiser);
}

/** The 1-based line of the first byte that is not valid UTF-8. */
function badUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line - 1;
}

function decode(bytes: Uint8Array, line: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_request', `line ${line}: the input is not valid UTF-8.`);
  }
}

async function readAll(stdin: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    chunks.push(chunk);
    size += chunk.length;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

function redactLine(bytes: Uint8Array, line: number): string | null {
  const text = decode(bytes, line);
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', `line ${line}: not a JSON object.`);
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'the line';
    throw new AppError(
      'invalid_request',
      `line ${line}: ${field === 'the line' ? 'expected an object with "id" and "text"' : `"${field}" must be a string`}.`,
      { field },
    );
  }
  const { id, text: input } = parsed.data;
  const result = redactText(input);
  return JSON.stringify({ id, text: result.text, spans: result.spans });
}

/** The chunks joined into one array (the parts of one line, copied once). */
function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/**
 * Lines are cut from the chunks as they come. The part of a line still waiting for its line break
 * is kept as a list of chunks and joined once, when the break arrives: copying it on every chunk
 * would cost a long line its length squared.
 */
async function redactJsonLines(stdin: AsyncIterable<Uint8Array>, io: CliIo): Promise<void> {
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let line = 0;
  const take = (bytes: Uint8Array) => {
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const out = redactLine(bytes.subarray(0, end), line);
    if (out !== null) io.out(out);
  };
  for await (const chunk of stdin) {
    let start = 0;
    for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, i));
      take(concat(pending, pendingSize + i - start));
      pending = [];
      pendingSize = 0;
      start = i + 1;
    }
    if (start < chunk.length) {
      // The chunk may be a view on a buffer the stream reuses: keep a copy.
      pending.push(chunk.slice(start));
      pendingSize += chunk.length - start;
    }
  }
  if (pendingSize > 0) take(concat(pending, pendingSize));
}

export function addRedactCommand(program: Command, io: CliIo): void {
  program
    .command('redact')
    .description('redact Dutch text from stdin: one JSON object {text, spans}; with --jsonl, lines {id, text} in and {id, text, spans} out')
    .option('--jsonl', 'read JSON lines {"id", "text"} and write one line per input line, streaming')
    .action(async (opts: { jsonl?: boolean }) => {
      if (!io.stdin) throw new AppError('invalid_request', 'No input: pipe the text into obi redact.');
      if (opts.jsonl) {
        await redactJsonLines(io.stdin, io);
        return;
      }
      const bytes = await readAll(io.stdin);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new AppError('invalid_request', `line ${badUtf8Line(bytes)}: the input is not valid UTF-8.`);
      }
      io.out(JSON.stringify(redactText(text)));
    });
}
