import { describe, expect, it } from 'vitest';
import { header } from '../test-support/exchange-fixtures';
import { keyFingerprint } from './fingerprint';
import { manifestFor, readPayload, roundDownToHour, type Payload } from './payload';
import { buildOfficerPayload } from './stix/officer-bundle';

const valid = (): Payload => buildOfficerPayload(header(), []);
const withManifest = (change: Record<string, unknown>) => {
  const p = valid();
  return { ...p, manifest: { ...p.manifest, ...change } };
};

describe('payload contract', () => {
  it('accepts what the builders make and keeps the creation time to the hour', () => {
    const p = valid();
    expect(readPayload(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, value: p });
    expect(p.manifest.created).toBe('2026-10-01T09:00:00.000Z');
    expect(p.bundle.id).toBe(`bundle--${p.manifest.id}`);
  });

  it('rounds down to the hour in UTC', () => {
    expect(roundDownToHour(new Date('2026-03-29T01:59:59.999Z'))).toBe('2026-03-29T01:00:00.000Z');
    expect(roundDownToHour(new Date('2026-03-29T02:00:00.000Z'))).toBe('2026-03-29T02:00:00.000Z');
  });

  it.each([
    [{ kind: 'draft' }, 'manifest.kind'],
    [{ organisation: 'Jan de Vries' }, 'manifest.organisation'],
    [{ period: { from: '2026-10-01', to: '2026-09-01' } }, 'manifest.period.to'],
    [{ period: { from: '2026-10-01' } }, 'manifest.period.to'],
    [{ created: '2026-10-01T09:41:27.123Z' }, 'manifest.created'],
    [{ k: 5 }, 'manifest.k'],
    [{ counts: { signals: -1, cells: 0 } }, 'manifest.counts.signals'],
    [{ counts: { signals: 1, cells: 0, people: 2 } }, 'manifest.counts'],
    [{ softwareVersion: 'latest' }, 'manifest.softwareVersion'],
    [{ id: 'not-a-uuid' }, 'manifest.id'],
    [
      { evaluation: { version: 1, period: { from: '2026-10-01', to: '2026-10-31' }, approved: -1, returned: 0, redactedFurther: 0 } },
      'manifest.evaluation.approved',
    ],
  ])('refuses manifest %j and names %s', (change, path) => {
    const result = readPayload(withManifest(change));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.path).toBe(path);
  });

  it('names the field in the envelope around the STIX bundle', () => {
    const p = valid();
    const cases: Array<[unknown, string]> = [
      [{ ...p, bundle: { ...p.bundle, id: 'bundle--2f0c2a5e-3b7d-4c8e-9f0a-1b2c3d4e5f60' } }, 'bundle.id'],
      [{ ...p, bundle: { ...p.bundle, type: 'report' } }, 'bundle.type'],
      [{ ...p, bundle: { ...p.bundle, objects: [{ type: 'note' }] } }, 'bundle.objects.0.id'],
      [{ manifest: p.manifest }, 'bundle'],
      [{ ...p, extra: 1 }, '(root)'],
      ['{}', '(root)'],
    ];
    for (const [raw, path] of cases) {
      const result = readPayload(raw);
      expect(result.ok ? '' : result.problem.path).toBe(path);
    }
  });

  it('takes a later optional addition in: a key it does not know is dropped, not refused', () => {
    const result = readPayload(withManifest({ author: 'someone' }));
    expect(result.ok && 'author' in result.value.manifest).toBe(false);
    expect(result.ok).toBe(true);
  });

  it('reads a team manifest with and without the evaluation figures, and a later version of them', () => {
    const evaluation = { version: 1, period: { from: '2026-10-01', to: '2026-10-31' }, approved: 7, returned: 2, redactedFurther: 1 };
    const team = { kind: 'team', k: 5 };
    const without = readPayload(withManifest(team));
    expect(without.ok && without.value.manifest.evaluation).toBe(undefined);
    expect(without.ok).toBe(true);
    expect(readPayload(withManifest({ ...team, evaluation }))).toMatchObject({ ok: true, value: { manifest: { evaluation } } });
    expect(readPayload(withManifest({ ...team, evaluation: { ...evaluation, version: 2, escalated: 3 } }))).toMatchObject({
      ok: true,
      value: { manifest: { evaluation: { version: 2, approved: 7 } } },
    });
    expect(readPayload(withManifest({ evaluation }))).toMatchObject({
      ok: false,
      problem: { path: 'manifest.evaluation', message: 'belongs to a team bundle only' },
    });
  });

  it('takes an officer manifest with or without the audit head, and a later form of it, refusing a bad hash by name', () => {
    const hash = 'a'.repeat(64);
    const withHead = buildOfficerPayload(header(), [], { format: 1, hash });
    expect(readPayload(withHead)).toMatchObject({ ok: true, value: { manifest: { auditHead: { format: 1, hash } } } });
    const older = buildOfficerPayload(header(), []);
    expect(readPayload(older)).toMatchObject({ ok: true });
    expect('auditHead' in older.manifest).toBe(false);
    // A later form keeps its hash; what this version does not know is left out, not refused.
    const later = readPayload({ ...withHead, manifest: { ...withHead.manifest, auditHead: { format: 2, hash, signedBy: 'x' } } });
    expect(later).toMatchObject({ ok: true, value: { manifest: { auditHead: { format: 2, hash } } } });
    const bad = readPayload({ ...withHead, manifest: { ...withHead.manifest, auditHead: { format: 1, hash: 'not a hash' } } });
    expect(bad).toEqual({ ok: false, problem: { path: 'manifest.auditHead.hash', message: 'must be a SHA-256 hash in hex' } });
  });

  it('k is a number for a team bundle and null otherwise', () => {
    expect(() => manifestFor(header(), { kind: 'team', counts: { signals: 0, cells: 0 }, k: null, suppressed: 0, carriedOver: 0 })).toThrow();
    expect(manifestFor(header(), { kind: 'team', counts: { signals: 0, cells: 0 }, k: 5, suppressed: 0, carriedOver: 0 }).k).toBe(5);
  });
});

describe('keyFingerprint', () => {
  it('is ten groups of four digits (over 128 bits) that change with either key', () => {
    const f = keyFingerprint('RWQsigner', 'age1recipient');
    expect(f).toMatch(/^\d{4}( \d{4}){9}$/);
    // 40 decimal digits carry log2(10^40) ≈ 132.9 bits: grinding the free key id of a minisign key
    // until the fingerprint matches costs about 2^132 hashes instead of 2^64.
    expect(Math.log2(10) * f.replace(/ /g, '').length).toBeGreaterThanOrEqual(128);
    expect(keyFingerprint('RWQsigner', 'age1recipient')).toBe(f);
    expect(keyFingerprint('RWQsignes', 'age1recipient')).not.toBe(f);
    expect(keyFingerprint('RWQsigner', 'age1recipienu')).not.toBe(f);
  });

  it('takes every digit from the hash, so no two keys share a long prefix by construction', () => {
    const prints = Array.from({ length: 200 }, (_, i) => keyFingerprint(`RWQsigner${i}`, 'age1recipient').replace(/ /g, ''));
    // Each of the 40 positions takes many values across keys: none is padding.
    for (let pos = 0; pos < 40; pos++) expect(new Set(prints.map((p) => p[pos])).size, `digit ${pos + 1}`).toBeGreaterThan(5);
  });
});
