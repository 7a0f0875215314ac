import { z } from 'zod';
import { meetingFields, notesText, text } from './meeting-schema';

/** One line of `obi notes import`: a meeting, its notes and the signals drawn from them. */
export const importSignal = z.strictObject({
  quote: text().min(1, 'is required'),
  summary: text().max(5000),
  tags: z.array(text().max(200)).max(100).default([]),
  consent: z.boolean(),
});

export const importLine = meetingFields.extend({
  notes: notesText.default(''),
  signals: z.array(importSignal).max(1000).default([]),
});
export type ImportLine = z.output<typeof importLine>;
