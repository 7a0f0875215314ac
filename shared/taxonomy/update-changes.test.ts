import { describe, expect, it } from 'vitest';
import { evolve, parsed, rawBuiltin, sampleTags, version2, type RawPackage } from '../test-support/taxonomy-evolve';
import { changesOfUpdate } from './update-changes';

const labels = (what: string) => ({ nl: { label: what, definition: `${what}.` }, en: { label: what, definition: `${what}.` } });

/** `base` with one new predicate (two values) and one new value of an existing predicate. */
function withAdditions(base: RawPackage): RawPackage {
  const pkg = evolve([{ rename: ['channel', 'email', 'e-mail'] }], base);
  pkg.machinetag.predicates.push({ value: 'aim', expanded: 'Aim' });
  pkg.machinetag.values!.push({ predicate: 'aim', entry: [{ value: 'silence-critics' }, { value: 'recruit' }] });
  pkg.labels.predicates.aim = labels('Aim');
  pkg.labels.values.aim = { 'silence-critics': labels('Silence critics'), recruit: labels('Recruit') };
  pkg.machinetag.values!.find((v) => v.predicate === 'channel')!.entry!.push({ value: 'carrier-pigeon' });
  pkg.labels.values.channel!['carrier-pigeon'] = labels('Carrier pigeon');
  return pkg;
}

describe('changesOfUpdate', () => {
  const builtin = parsed(rawBuiltin());

  it('lists renamed, merged and retired values after the current version, in order', () => {
    expect(changesOfUpdate(builtin, parsed(version2()))).toEqual([
      { kind: 'renamed', tag: sampleTags.email, to: [sampleTags.eMail] },
      { kind: 'merged', tag: sampleTags.travel, to: [sampleTags.withdrawal] },
      { kind: 'retired', tag: sampleTags.other, to: [] },
    ]);
  });

  it('counts a new predicate once and a new value of a known predicate, not the successor of a rename', () => {
    expect(changesOfUpdate(builtin, parsed(withAdditions(rawBuiltin())))).toEqual([
      { kind: 'value_added', tag: 'nl-obi:channel="carrier-pigeon"', to: [] },
      { kind: 'predicate_added', tag: 'nl-obi:aim', to: [] },
      { kind: 'renamed', tag: sampleTags.email, to: [sampleTags.eMail] },
    ]);
  });

  it('leaves out changes the current version already has', () => {
    const v2 = version2();
    const v3 = evolve([{ retire: ['channel', 'e-mail'] }], v2);
    expect(changesOfUpdate(parsed(v2), parsed(v3))).toEqual([{ kind: 'retired', tag: sampleTags.eMail, to: [] }]);
  });
});
