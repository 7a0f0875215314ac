import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { policyKeySpec } from './policy-schema';
import { diagnosticsTreatment, exampleValueOf, registryTypeOf, valueKindOf, valueKindOfKey } from './policy-representation';

describe('how a policy key is stored outside the app', () => {
  it('follows from its zod type, so a new key needs no code', () => {
    expect(valueKindOf(z.enum(['off', 'notify']))).toEqual({ kind: 'enum', values: ['off', 'notify'] });
    expect(valueKindOf(z.boolean())).toEqual({ kind: 'boolean' });
    expect(valueKindOf(z.number().int().min(1).max(480))).toEqual({ kind: 'integer', min: 1, max: 480 });
    expect(valueKindOf(z.url().nullable())).toEqual({ kind: 'text' });
    expect(valueKindOf(z.url())).toEqual({ kind: 'text' });
    expect(valueKindOf(z.string().regex(/^age1/).optional())).toEqual({ kind: 'text' });
  });

  it('makes JSON text of what a registry value cannot hold: lists, objects, unions, negative or unbounded numbers', () => {
    for (const schema of [
      z.array(z.string()),
      z.object({ cron: z.string() }),
      z.union([z.literal('a'), z.number()]),
      z.number().int().min(-5).max(5),
      z.number().int(),
      z.number().min(0).max(1),
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 33),
    ]) {
      expect(valueKindOf(schema)).toEqual({ kind: 'json' });
    }
  });

  it('maps kinds to the registry types Group Policy writes', () => {
    expect(registryTypeOf({ kind: 'boolean' })).toBe('REG_DWORD');
    expect(registryTypeOf({ kind: 'integer', min: 0, max: 1 })).toBe('REG_DWORD');
    expect(registryTypeOf({ kind: 'enum', values: ['a'] })).toBe('REG_SZ');
    expect(registryTypeOf({ kind: 'json' })).toBe('REG_SZ');
    expect(valueKindOfKey('lockAfterMinutes')).toEqual({ kind: 'integer', min: 1, max: 480 });
  });

  it('has an example for every key and shows only plain values in diagnostics', () => {
    expect(exampleValueOf('organisation', policyKeySpec('organisation'))).toBe('SZW');
    expect(exampleValueOf('updateFeedUrl', policyKeySpec('updateFeedUrl'))).toBeUndefined();
    expect(() => exampleValueOf('teamKey', { schema: z.string(), description: { nl: 'x', en: 'x' } })).toThrow(/add `example`/);
    const description = { nl: 'omschrijving', en: 'description' };
    expect(diagnosticsTreatment(policyKeySpec('updates'))).toBe('shown');
    expect(diagnosticsTreatment(policyKeySpec('updateFeedUrl'))).toBe('shown');
    for (const key of ['team', 'teamLead', 'central', 'transport', 'taxonomyKey'] as const)
      expect(diagnosticsTreatment(policyKeySpec(key)), key).toBe('omitted');
    // A text or JSON key (a team's public keys, a transport address) is redacted unless it says otherwise.
    expect(diagnosticsTreatment({ schema: z.string(), description })).toBe('redacted');
    expect(diagnosticsTreatment({ schema: z.array(z.object({ key: z.string() })), description })).toBe('redacted');
    expect(diagnosticsTreatment({ schema: z.number().int().min(2).max(50), description })).toBe('shown');
  });
});
