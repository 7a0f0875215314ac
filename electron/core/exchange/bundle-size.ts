/** The largest bundle file a receiver reads: a team bundle of 10 000 cells is far smaller. */
export const maxBundleFileBytes = 16 * 1024 * 1024 + 64 * 1024;
