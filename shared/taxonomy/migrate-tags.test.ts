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
    const result = migrateTags([iran, email, travel, withdrawal, other, grade], 1, v2);
    expect(result.tags).toEqual([iran, eMail, withdrawal, grade]);
    expect(result.version).toBe(2);
    expect(result.changes).toEqual([
      { version: 2, kind: 'renamed', from: email, to: [eMail] },
      { version: 2, kind: 'merged', from: travel, to: [withdrawal] },
      { version: 2, kind: 'retired', from: other, to: [] },
    ]);
  });

  it('merges into the successor when the successor is not yet there', () => {
    expect(migrateTags([travel, iran], 1, v2).tags).toEqual([withdrawal, iran]);
  });

  it('follows a value across several versions, and only the changes after the tagged version', () => {
    const v3 = parsed(evolve([{ rename: ['channel', 'e-mail', 'electronic-mail'] }], v2raw));
    const fromOne = migrateTags([email], 1, v3);
    expect(fromOne.tags).toEqual(['nl-obi:channel="electronic-mail"']);
    expect(fromOne.changes.map((c) => [c.version, c.from])).toEqual([
      [2, email],
      [3, eMail],
    ]);
    const fromTwo = migrateTags([eMail, travel], 2, v3);
    expect(fromTwo.tags).toEqual(['nl-obi:channel="electronic-mail"', travel]);
    expect(fromTwo.changes).toHaveLength(1);
  });

  it('changes nothing for tags of the same or a newer version', () => {
    expect(migrateTags([email, email], 2, v2)).toEqual({ tags: [email], version: 2, changes: [] });
    expect(migrateTags([email], 5, v2)).toEqual({ tags: [email], version: 5, changes: [] });
    expect(migrateTags([iran], 1, builtinTaxonomy())).toEqual({ tags: [iran], version: 1, changes: [] });
  });
});

describe('tagsWithoutSuccessor', () => {
  it('is empty when every dropped value is renamed, merged or retired', () => {
    expect(tagsWithoutSuccessor(builtinTaxonomy(), v2)).toEqual([]);
  });

  it('names values that a newer version drops without saying where they went', () => {
    const dropped = rawBuiltin();
    dropped.machinetag.version = 2;
    const channel = dropped.machinetag.values!.find((v) => v.predicate === 'channel')!;
    channel.entry = channel.entry!.filter((e) => e.value !== 'email');
    delete dropped.labels.values.channel!.email;
    expect(tagsWithoutSuccessor(builtinTaxonomy(), parsed(dropped))).toEqual([email]);
  });
});
