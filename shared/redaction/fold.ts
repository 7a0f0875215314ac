const special: Readonly<Record<string, string>> = { ı: 'i', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ĳ: 'ij', '’': "'" };

/**
 * Lower case without diacritics, so that "Şahin", "Sahin" and "ŞAHİN" compare equal and so do
 * "Yıldız" and "Yildiz". Cheap for plain ASCII, which most words are.
 */
export function fold(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length && ascii; i++) ascii = word.charCodeAt(i) < 128;
  if (ascii) return word.toLowerCase();
  const lower = word.toLowerCase();
  let out = '';
  for (const ch of lower.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += special[ch] ?? ch;
  }
  return out;
}
