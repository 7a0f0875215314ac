/**
 * Every store that holds vault content registers its reset here. Locking calls them all, so that
 * nothing of the content stays in memory of the page once the lock screen shows.
 */
const resets = new Set<() => void>();

export function registerContentStore(reset: () => void): void {
  resets.add(reset);
}

export function clearAllContent(): void {
  for (const reset of resets) reset();
}
