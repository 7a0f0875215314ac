import { z } from 'zod';
import { hasLoneSurrogate, loneSurrogateMessage } from '../text/well-formed';

/**
 * A logged meeting. No field asks for a person's name: who was there is described by community,
 * setting and number, never by identity.
 */
export const meetingKinds = ['community-dialogue', 'individual-conversation', 'event', 'remote'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const isoDate = z.iso.date('must be a date as YYYY-MM-DD');

/** A text field: any string, as long as every character in it is whole. */
export const text = () => z.string().refine((s) => !hasLoneSurrogate(s), loneSurrogateMessage);
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

/** Notes may be long, but not unbounded: a day of typing is far below this. */
export const maxNotesLength = 200_000;

export const meetingFields = z.strictObject({
  date: isoDate,
  time: clockTime.nullable().default(null),
  kind: z.enum(meetingKinds),
  community: text().min(1, 'is required').max(100),
  municipality: text().min(1, 'is required').max(100),
  setting: text().max(200).default(''),
  participants: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
});
export type MeetingFields = z.output<typeof meetingFields>;
export type MeetingFieldsInput = z.input<typeof meetingFields>;

export const notesText = text().max(maxNotesLength, `must be at most ${maxNotesLength} characters`);
