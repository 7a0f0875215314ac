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

async function redactJsonLines(stdin: AsyncIterable<Uint8Array>, io: CliIo): Promise<void> {
  let pending = new Uint8Array(0);
  let line = 0;
  const take = (bytes: Uint8Array) => {
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const out = redactLine(bytes.subarray(0, end), line);
    if (out !== null) io.out(out);
  };
  for await (const chunk of stdin) {
    const joined = new Uint8Array(pending.length + chunk.length);
    joined.set(pending);
    joined.set(chunk, pending.length);
    let start = 0;
    // The pending part holds no line break: only the new bytes are searched.
    for (let i = pending.length; i < joined.length; i++) {
      if (joined[i] !== 0x0a) continue;
      take(joined.subarray(start, i));
      start = i + 1;
    }
    pending = joined.slice(start);
  }
  if (pending.length > 0) take(pending);
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
