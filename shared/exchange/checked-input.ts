import type { z } from 'zod';
import { pathOf } from './payload';

/**
 * The input of a builder, checked: a builder refuses (throws) input that breaks its contract, with
 * an error that names the builder and the field at fault but never echoes a value.
 */
export function checkedInput<S extends z.ZodType>(schema: S, value: unknown, builder: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new Error(`${builder}: ${pathOf(issue.path)}: ${issue.message}`);
}
