/**
 * Recovery key text, in the style of a BitLocker recovery password: 128 random bits as eight
 * groups of six digits, each group a multiple of 11 carrying 16 bits. Digits read well over the
 * phone and type on any keypad; the per-group check catches every single wrong digit and every
 * swap of neighbouring digits, and says which group is wrong. Separators, spaces and the look-alike
 * letters O and I/l are tolerated.
 */

export const recoveryKeyBytes = 16;
const groups = 8;
const groupDigits = 6;

export function formatRecoveryKey(bytes: Uint8Array): string {
  if (bytes.length !== recoveryKeyBytes) throw new RangeError('recovery key must be 16 bytes');
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    const word = (bytes[2 * g]! << 8) | bytes[2 * g + 1]!;
    parts.push(String(word * 11).padStart(groupDigits, '0'));
  }
  return parts.join('-');
}

export type RecoveryKeyParse =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'length'; digits: number } | { ok: false; reason: 'checksum'; groups: number[] };

const lookAlikes: Record<string, string> = { o: '0', O: '0', i: '1', I: '1', l: '1', L: '1' };

export function parseRecoveryKey(text: string): RecoveryKeyParse {
  const digits = [...text]
    .map((ch) => lookAlikes[ch] ?? ch)
    .filter((ch) => ch >= '0' && ch <= '9')
    .join('');
  if (digits.length !== groups * groupDigits) return { ok: false, reason: 'length', digits: digits.length };
  const bytes = new Uint8Array(recoveryKeyBytes);
  const bad: number[] = [];
  for (let g = 0; g < groups; g++) {
    const value = Number(digits.slice(g * groupDigits, (g + 1) * groupDigits));
    const word = value / 11;
    if (value % 11 !== 0 || word > 0xffff) {
      bad.push(g + 1);
      continue;
    }
    bytes[2 * g] = word >> 8;
    bytes[2 * g + 1] = word & 0xff;
  }
  return bad.length > 0 ? { ok: false, reason: 'checksum', groups: bad } : { ok: true, bytes };
}

/** Whether one typed group (1-based position) passes its check; the UI uses it while typing. */
export function isValidRecoveryGroup(group: string): boolean {
  if (!/^\d{6}$/.test(group)) return false;
  const value = Number(group);
  return value % 11 === 0 && value / 11 <= 0xffff;
}
