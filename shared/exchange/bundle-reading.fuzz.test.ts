import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinTaxonomy } from '../taxonomy/builtin-taxonomy';
import { cells, header, officerSignals, statuses, summaries } from '../test-support/exchange-fixtures';
import { fuzzParameters } from '../test-support/fuzz';
import { readPayload, type Payload, type ReadResult } from './payload';
import { buildOfficerPayload, readOfficerBundle } from './stix/officer-bundle';
import { buildReturnedPayload, readReturnedBundle } from './stix/returned-bundle';
import { buildTeamPayload, readTeamBundle } from './stix/team-bundle';

/**
 * Fuzz: reading what arrives in a bundle. A payload is checked by `readPayload`, then its STIX
 * objects by the reader of its kind; whatever the JSON holds, each answers with a value or a
 * problem that names the field at fault, never a throw.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const valid: Json[] = [
  buildOfficerPayload(header(), officerSignals),
  buildTeamPayload(header(), builtinTaxonomy(), { cells, summaries, k: 5, suppressed: 1, carriedOver: 4 }),
  buildReturnedPayload(header(), statuses),
].map((p) => JSON.parse(JSON.stringify(p)) as Json);

const readers: Record<string, (p: Payload) => ReadResult<unknown>> = {
  officer: readOfficerBundle,
  team: readTeamBundle,
  returned: readReturnedBundle,
};

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const inner = Array.isArray(value)
    ? value.flatMap((v, i) => pathsOf(v, [...at, i]))
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))
      : [];
  return [at, ...inner];
}

type Change = { op: 'replace'; by: Json } | { op: 'delete' } | { op: 'add'; key: string; by: Json };

/** A copy of `value` with one change at `path`. */
function changed(value: Json, path: Array<string | number>, change: Change): Json {
  if (path.length === 0) {
    if (change.op === 'replace') return change.by;
    if (change.op === 'add' && value && typeof value === 'object' && !Array.isArray(value)) return { ...value, [change.key]: change.by };
    return value;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && change.op === 'delete') copy.splice(head as number, 1);
    else copy[head as number] = changed(copy[head as number]!, rest, change);
    return copy;
  }
  const object = { ...(value as Record<string, Json>) };
  if (rest.length === 0 && change.op === 'delete') delete object[head as string];
  else object[head as string] = changed(object[head as string]!, rest, change);
  return object;
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((by) => ({ op: 'replace' as const, by: by as Json })),
  fc
    .constantFrom<Json>('', 0, -1, 1e21, 0.5, null, true, [], {}, 'x'.repeat(6000), 'bundle--00000000-0000-4000-8000-000000000000')
    .map((by) => ({ op: 'replace' as const, by })),
  fc.constant({ op: 'delete' as const }),
  fc
    .tuple(fc.constantFrom('x_fuzz', '__proto__', 'id', 'type'), fc.jsonValue({ maxDepth: 1 }))
    .map(([key, by]) => ({ op: 'add' as const, key, by: by as Json })),
);

/** Checks the verdict of a reader: a value, or a problem with a named path and a one-line message. */
function expectVerdict(result: ReadResult<unknown>): void {
  if (result.ok) return;
  expect(result.problem.path).toMatch(/^\S+$/);
  expect(result.problem.message).toMatch(/^[^\n]+$/);
}

function readAll(raw: unknown): void {
  const read = readPayload(raw);
  expectVerdict(read);
  if (read.ok) expectVerdict(readers[read.value.manifest.kind]!(read.value));
}

describe('bundle reading on malformed payloads (fuzz)', () => {
  it('readPayload answers any JSON with a value or a named problem, and names a missing manifest field', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), readAll), fuzzParameters('payloadJson'));
    const manifestKeys = Object.keys((valid[0] as { manifest: Record<string, Json> }).manifest);
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.constantFrom(...manifestKeys), (payload, key) => {
        const read = readPayload(changed(payload, ['manifest', key], { op: 'delete' }));
        expect(read).toMatchObject({ ok: false, problem: { path: `manifest.${key}` } });
      }),
      fuzzParameters('payloadManifest'),
    );
  });

  it('every reader answers a payload with one part changed anywhere with a value or a named problem', () => {
    const mutated = fc.tuple(fc.constantFrom(...valid), fc.nat(), change).map(([payload, n, c]) => {
      const paths = pathsOf(payload);
      return changed(payload, paths[n % paths.length]!, c);
    });
    fc.assert(fc.property(mutated, readAll), fuzzParameters('payloadChanged'));
  });

  it('the STIX readers answer any change to one object with a value or a named problem', () => {
    const inObjects = fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.nat(), change).map(([payload, i, n, c]) => {
      const objects = (payload as { bundle: { objects: Json[] } }).bundle.objects;
      const index = i % objects.length;
      const paths = pathsOf(objects[index]!).slice(1);
      return changed(payload, ['bundle', 'objects', index, ...(paths[n % paths.length] ?? [])], c);
    });
    fc.assert(fc.property(inObjects, readAll), fuzzParameters('stixObjects'));
  });
});
