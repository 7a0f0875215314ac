/**
 * Text whose characters are whole. JSON may carry a lone surrogate (`"\ud800"`), half of a
 * character that no font can show and that would be stored and sent on as a broken character;
 * input is refused instead.
 */

/** With the `u` flag a surrogate pair is one code point, so only an unpaired surrogate matches. */
const loneSurrogate = /\p{Cs}/u;

export const hasLoneSurrogate = (text: string): boolean => loneSurrogate.test(text);

export const loneSurrogateMessage = 'contains an unpaired surrogate (a broken character)';
