import { formatTag } from '../../../shared/taxonomy/tags';
import { taxonomyNamespace } from '../../../shared/taxonomy/taxonomy-package';
import type { TaggedStore } from '../taxonomy/tagged-records';
import type { OpenVault } from '../vault/vault';
import { MeetingStore } from './meeting-store';
import { SignalStore } from './signal-store';

/** Signals as records a taxonomy change migrates: their tags and the version they carry. */
export function signalTaggedStore(vault: OpenVault): TaggedStore {
  const store = new SignalStore(vault);
  return {
    kind: 'signal',
    listTagged: () => store.taggedRecords().map((r) => ({ id: String(r.id), taxonomyVersion: r.taxonomyVersion, tags: r.tags })),
    replaceTags: (id, tags, taxonomyVersion) => {
      store.setTags(
        Number(id),
        tags.map((tag) => ({ predicate: tag.slice(0, tag.includes('=') ? tag.indexOf('=') : tag.length), tag })),
      );
      store.setTaxonomyVersion(Number(id), taxonomyVersion);
    },
  };
}

const communityTag = (value: string) => formatTag(taxonomyNamespace, 'community', value);
const communityPrefix = `${taxonomyNamespace}:community="`;

/**
 * Meetings through their community. A community that a new version retires without a successor
 * becomes `unknown`: the meeting stays, its community is no longer said.
 */
export function meetingTaggedStore(vault: OpenVault): TaggedStore {
  const store = new MeetingStore(vault);
  return {
    kind: 'meeting',
    listTagged: () => store.communities().map((r) => ({ id: String(r.id), taxonomyVersion: r.taxonomyVersion, tags: [communityTag(r.community)] })),
    replaceTags: (id, tags, taxonomyVersion) => {
      const tag = tags.find((t) => t.startsWith(communityPrefix));
      store.setCommunity(Number(id), tag ? tag.slice(communityPrefix.length, -1) : 'unknown', taxonomyVersion);
    },
  };
}

/** Capture's records that carry taxonomy tags: signals, and meetings through their community. */
export const captureTaggedStores = (vault: OpenVault): TaggedStore[] => [signalTaggedStore(vault), meetingTaggedStore(vault)];
