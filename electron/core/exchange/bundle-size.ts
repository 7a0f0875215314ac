import { AppError } from '../app-error';

/**
 * Bundle sizes. A file's size on a share must not tell how many signals it holds, so the payload
 * is padded inside the encryption with trailing spaces (JSON allows them, so stock `age -d` still
 * gives valid JSON) to the next step: 64 KiB, then doubling up to 16 MiB. A bundle of one signal
 * and one of a few hundred are the same size; only a very large team bundle shows a larger step.
 */
const firstStep = 64 * 1024;
export const maxPayloadBytes = 16 * 1024 * 1024;

/**
 * The largest file a receiver reads: the largest padded payload plus age's overhead (a header of a
 * few hundred bytes per recipient and 16 bytes per 64 KiB chunk), with room to spare.
 */
export const maxBundleFileBytes = maxPayloadBytes + 64 * 1024;

/** The step a payload of `length` bytes is padded to. */
export function paddedLength(length: number): number {
  let step = firstStep;
  while (step < length) step *= 2;
  return step;
}

/** The payload as the bytes to encrypt: the JSON, then spaces up to its step. */
export function padPayload(json: string): Uint8Array {
  const text = Buffer.from(json, 'utf8');
  if (text.length > maxPayloadBytes) throw new AppError('file_too_large', 'The bundle would be larger than 16 MB; it is not sealed.');
  const padded = Buffer.alloc(paddedLength(text.length), 0x20);
  text.copy(padded);
  return padded;
}
