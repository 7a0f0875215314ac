import { z } from 'zod';
import { tagPattern } from '../taxonomy/taxonomy-package';

/**
 * What the meeting form and the tag picker remember between sessions: the community and
 * municipality of the last meeting logged, and per taxonomy dimension the values chosen last.
 * Codes of the taxonomy and public place names only, yet derived from the vault, so kept in it.
 */
export const recentPerPredicate = 5;

const place = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const machineTag = z.string().max(200, 'must be at most 200 characters').regex(tagPattern, 'must be a machine tag');
const predicateKey = z
  .string()
  .max(100, 'must be at most 100 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*:[^\s="]+$/, 'must be a namespace:predicate');

export const recentTagsSchema = z
  .record(predicateKey, z.array(machineTag).max(recentPerPredicate, `must hold at most ${recentPerPredicate} tags`))
  .refine((r) => Object.keys(r).length <= 50, { message: 'must hold at most 50 dimensions' });

export const captureMemorySchema = z.strictObject({
  community: place.nullable(),
  municipality: place.nullable(),
  recentTags: recentTagsSchema,
});
export type CaptureMemory = z.output<typeof captureMemorySchema>;

export const rememberRequest = z.union([
  z.strictObject({ meeting: z.strictObject({ community: place, municipality: place }) }),
  z.strictObject({ tag: z.strictObject({ predicate: predicateKey, tag: machineTag }) }),
]);
export type RememberRequest = z.output<typeof rememberRequest>;

/** The tag first, then the earlier ones without it, at most `recentPerPredicate`. */
export const withRecent = (list: readonly string[], tag: string): string[] => [tag, ...list.filter((t) => t !== tag)].slice(0, recentPerPredicate);
