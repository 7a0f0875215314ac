/**
 * Decoding a file's bytes as UTF-8 without ever guessing: bytes that are not UTF-8 would otherwise
 * become U+FFFD and be stored as if the officer had written them. A refusal says where the first
 * fault lies, so the file can be fixed.
 */

/** Where the first byte that is not UTF-8 lies: in the input, and as a 1-based line and an offset in that line. */
export interface Utf8Fault {
  offset: number;
  line: number;
  lineOffset: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The offset of the first byte that is not UTF-8, in input the strict decoder refused. The lenient
 * decoder marks each fault with U+FFFD; re-encoding the text before a mark gives the bytes it came
 * from, and a mark that stands on the bytes EF BF BD was a real U+FFFD in the input.
 */
function firstFault(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  let byte = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf('\uFFFD', from);
    if (at < 0) return byte;
    byte += Buffer.byteLength(text.slice(from, at), 'utf8');
    if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) return byte;
    byte += 3;
    from = at + 1;
  }
}

function locate(bytes: Uint8Array, offset: number): Utf8Fault {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, lineOffset: offset - lineStart };
}

/** Decodes UTF-8 (a leading byte-order mark is dropped) or says where the first fault lies; never substitutes U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; fault: Utf8Fault } {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return { ok: false, fault: locate(bytes, firstFault(bytes)) };
  }
}
