/**
 * Recently chosen taxonomy values per dimension, kept on this computer. These are codes of the
 * shared taxonomy (such as a country code), never text from notes or summaries.
 */
const key = 'obi-recent-tags';
const perPredicate = 5;

function load(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

export function recentTags(predicate: string): string[] {
  const list = load()[predicate];
  return Array.isArray(list) ? list.filter((t) => typeof t === 'string') : [];
}

export function rememberTag(predicate: string, tag: string): void {
  const all = load();
  all[predicate] = [tag, ...recentTags(predicate).filter((t) => t !== tag)].slice(0, perPredicate);
  localStorage.setItem(key, JSON.stringify(all));
}
