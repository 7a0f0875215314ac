import { formatTag } from '../../../shared/taxonomy/tags';
import { taxonomyNamespace } from '../../../shared/taxonomy/taxonomy-package';
import type { TaggedStore } from '../taxonomy/tagged-store';
import type { OpenVault } from '../vault/vault';

/** Signals as records a taxonomy change migrates: their tags and the version they carry. */
export function signalTaggedStore(vault: OpenVault): TaggedStore {
  const { db } = vault;
  return {
    kind: 'signal',
    listTagged: () =>
      (
        db
          .prepare(
            `SELECT s.id, s.taxonomy_version AS taxonomyVersion,
                    (SELECT json_group_array(tag) FROM signal_tags t WHERE t.signal_id = s.id) AS tags
             FROM signals s ORDER BY s.id`,
          )
          .all() as Array<{ id: number; taxonomyVersion: number; tags: string }>
      ).map((r) => ({ id: String(r.id), taxonomyVersion: r.taxonomyVersion, tags: JSON.parse(r.tags) as string[] })),
    replaceTags: (id, tags, taxonomyVersion) => {
      db.prepare('DELETE FROM signal_tags WHERE signal_id = ?').run(Number(id));
      const insert = db.prepare('INSERT OR IGNORE INTO signal_tags (signal_id, predicate, tag) VALUES (?, ?, ?)');
      for (const tag of tags) insert.run(Number(id), tag.slice(0, tag.includes('=') ? tag.indexOf('=') : tag.length), tag);
      db.prepare('UPDATE signals SET taxonomy_version = ? WHERE id = ?').run(taxonomyVersion, Number(id));
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
  const { db } = vault;
  return {
    kind: 'meeting',
    listTagged: () =>
      (
        db.prepare('SELECT id, community, taxonomy_version AS taxonomyVersion FROM meetings ORDER BY id').all() as Array<{
          id: number;
          community: string;
          taxonomyVersion: number;
        }>
      ).map((r) => ({ id: String(r.id), taxonomyVersion: r.taxonomyVersion, tags: [communityTag(r.community)] })),
    replaceTags: (id, tags, taxonomyVersion) => {
      const tag = tags.find((t) => t.startsWith(communityPrefix));
      const community = tag ? tag.slice(communityPrefix.length, -1) : 'unknown';
      db.prepare('UPDATE meetings SET community = ?, taxonomy_version = ? WHERE id = ?').run(community, taxonomyVersion, Number(id));
    },
  };
}
