import { describe, expect, it } from 'vitest';
import { evolve, parsed, rawBuiltin, sampleTags, version2 } from '../test-support/taxonomy-evolve';
import { builtinTaxonomy } from './builtin-taxonomy';
import { migrateTags, tagsWithoutSuccessor } from './migrate-tags';

const { email, eMail, travel, withdrawal, other, iran } = sampleTags;
const grade = 'admiralty-scale:source-reliability="b"';

const v2raw = version2();
const v2 = parsed(v2raw);

describe('migrateTags', () => {
  it('renames in place, merges without duplicating, retires, and leaves other tags alone', () => {
    const result = migrateTags([iran, email, travel, withdrawal, other, grade], 2, v2);
    expect(result.tags).toEqual([iran, eMail, withdrawal, grade]);
    expect(result.version).toBe(3);
    expect(result.changes).toEqual([
      { version: 3, kind: 'renamed', from: email, to: [eMail] },
      { version: 3, kind: 'merged', from: travel, to: [withdrawal] },
      { version: 3, kind: 'retired', from: other, to: [] },
    ]);
  });

  it('merges into the successor when the successor is not yet there', () => {
    expect(migrateTags([travel, iran], 2, v2).tags).toEqual([withdrawal, iran]);
  });

  it('follows a value across several versions, and only the changes after the tagged version', () => {
    const v3 = parsed(evolve([{ rename: ['channel', 'e-mail', 'electronic-mail'] }], v2raw));
    const fromOne = migrateTags([email], 2, v3);
    expect(fromOne.tags).toEqual(['nl-obi:channel="electronic-mail"']);
    expect(fromOne.changes.map((c) => [c.version, c.from])).toEqual([
      [3, email],
      [4, eMail],
    ]);
    const fromTwo = migrateTags([eMail, travel], 3, v3);
    expect(fromTwo.tags).toEqual(['nl-obi:channel="electronic-mail"', travel]);
    expect(fromTwo.changes).toHaveLength(1);
  });

  it('changes nothing for tags of the same or a newer version', () => {
    expect(migrateTags([email, email], 3, v2)).toEqual({ tags: [email], version: 3, changes: [] });
    expect(migrateTags([email], 6, v2)).toEqual({ tags: [email], version: 6, changes: [] });
    expect(migrateTags([iran], 2, builtinTaxonomy())).toEqual({ tags: [iran], version: 2, changes: [] });
  });
});

describe('tagsWithoutSuccessor', () => {
  it('is empty when every dropped value is renamed, merged or retired', () => {
    expect(tagsWithoutSuccessor(builtinTaxonomy(), v2)).toEqual([]);
  });

  it('names values that a newer version drops without saying where they went', () => {
    const dropped = rawBuiltin();
    dropped.machinetag.version = 3;
    const channel = dropped.machinetag.values!.find((v) => v.predicate === 'channel')!;
    channel.entry = channel.entry!.filter((e) => e.value !== 'email');
    delete dropped.labels.values.channel!.email;
    expect(tagsWithoutSuccessor(builtinTaxonomy(), parsed(dropped))).toEqual([email]);
  });
});
