import { z } from 'zod';
import { meetingFields, notesText, text } from './meeting-schema';

/**
 * One line of `obi notes import`: a meeting, its notes and the signals drawn from them. `id` is the
 * source system's own reference for the meeting (optional): an import recognises the meeting by it
 * when it comes back. It stays in the vault and never travels.
 */
export const importSignal = z.strictObject({
  quote: text().min(1, 'is required'),
  summary: text().max(5000),
  tags: z.array(text().max(200)).max(100).default([]),
  consent: z.boolean(),
});

export const importLine = meetingFields.extend({
  id: text().min(1, 'must not be empty').max(200).optional(),
  notes: notesText.default(''),
  signals: z.array(importSignal).max(1000).default([]),
});
export type ImportLine = z.output<typeof importLine>;
