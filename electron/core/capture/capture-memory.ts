import type { z } from 'zod';
import { captureMemorySchema, recentTagsSchema, withRecent, type CaptureMemory, type RememberRequest } from '../../../shared/capture/capture-memory';
import type { OpenVault } from '../vault/vault';
import { CaptureMemoryStore } from './capture-memory-store';

const meetingDefaultsSchema = captureMemorySchema.pick({ community: true, municipality: true });

/** A stored value that no longer reads (written by hand, or by a later version) counts as nothing remembered. */
function stored<S extends z.ZodType>(schema: S, text: string | undefined, fallback: z.output<S>): z.output<S> {
  if (text === undefined) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function readCaptureMemory(vault: OpenVault): CaptureMemory {
  const store = new CaptureMemoryStore(vault);
  const defaults = stored(meetingDefaultsSchema, store.get('meetingDefaults'), { community: null, municipality: null });
  return { ...defaults, recentTags: stored(recentTagsSchema, store.get('recentTags'), {}) };
}

/** Remembers the place of the meeting just saved, or a tag just chosen (first among its dimension's recent ones). */
export function remember(vault: OpenVault, request: RememberRequest): CaptureMemory {
  const store = new CaptureMemoryStore(vault);
  return vault.transaction(() => {
    if ('meeting' in request) {
      store.put('meetingDefaults', JSON.stringify(request.meeting));
    } else {
      const recent = readCaptureMemory(vault).recentTags;
      const { predicate, tag } = request.tag;
      store.put('recentTags', JSON.stringify({ ...recent, [predicate]: withRecent(recent[predicate] ?? [], tag) }));
    }
    return readCaptureMemory(vault);
  });
}

/**
 * The one-time move of what an earlier version kept in the renderer's storage: whatever the vault
 * does not hold yet is taken over; what it holds wins.
 */
export function adoptCaptureMemory(vault: OpenVault, earlier: CaptureMemory): CaptureMemory {
  const store = new CaptureMemoryStore(vault);
  return vault.transaction(() => {
    const current = readCaptureMemory(vault);
    if (current.community === null && current.municipality === null && earlier.community !== null && earlier.municipality !== null) {
      store.put('meetingDefaults', JSON.stringify({ community: earlier.community, municipality: earlier.municipality }));
    }
    store.put('recentTags', JSON.stringify({ ...earlier.recentTags, ...current.recentTags }));
    return readCaptureMemory(vault);
  });
}
