/**
 * The community and municipality of the last meeting logged, offered as defaults for the next:
 * officers usually work with the same groups in the same places. Taxonomy codes and public place
 * names only.
 */
const key = 'obi-meeting-defaults';

export function lastMeetingDefaults(): { community?: string; municipality?: string } {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { community, municipality } = parsed as Record<string, unknown>;
    return {
      ...(typeof community === 'string' ? { community } : {}),
      ...(typeof municipality === 'string' ? { municipality } : {}),
    };
  } catch {
    return {};
  }
}

export function rememberMeetingDefaults(values: { community: string; municipality: string }): void {
  localStorage.setItem(key, JSON.stringify(values));
}
