import { format } from 'date-fns';
import fc from 'fast-check';
import { meetingKinds } from '../../shared/capture/meeting-schema';
import { municipalities } from '../../shared/geo';
import { builtinTaxonomy } from '../../shared/taxonomy/builtin-taxonomy';
import { valuesOf } from '../../shared/taxonomy/tags';

/**
 * Import files for the fuzz suite: valid meetings around one line with one planted fault, and the
 * beginning of the message that must name it. Every fault is one the import must refuse, so the
 * oracle is exact: the error names that line (and field), and nothing was written.
 */

const communities = valuesOf(builtinTaxonomy(), 'community');
const places = municipalities.map((m) => m.name);

/** Text as officers type it: whole characters of any script, emoji included. */
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });

const validLine = fc
  .record({
    date: fc.date({ min: new Date(1990, 0, 1), max: new Date(), noInvalidDate: true }).map((d) => format(d, 'yyyy-MM-dd')),
    time: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    ),
    kind: fc.constantFrom(...meetingKinds),
    community: fc.constantFrom(...communities),
    municipality: fc.constantFrom(...places),
    setting: text(100).filter((s) => s.length <= 200),
    participants: fc.integer({ min: 1, max: 100_000 }),
    before: text(120),
    quote: text(60).filter((q) => q.length > 0),
    after: text(120),
    summary: text(200),
    consent: fc.boolean(),
  })
  .map(({ before, quote, after, summary, consent, ...fields }) => ({
    ...fields,
    notes: `${before}${quote}${after}`,
    signals: [{ quote, summary, tags: ['nl-obi:state-actor="IR"'], consent }],
  }));

export type ImportLineValue = ReturnType<typeof validLine.generate>['value'];

export interface PlantedFault {
  kind: string;
  /** The bytes of the broken line (without its line break). */
  bytes: Buffer;
  /** What the message must say after `line N: `; a UTF-8 fault adds the offset itself. */
  says: string | RegExp;
  /** For a UTF-8 fault: where in the line the bad byte sits. */
  byteOffset?: number;
}

const bytesOf = (value: unknown) => Buffer.from(JSON.stringify(value));
const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const insertAt = (s: string, at: number, what: string) => s.slice(0, at) + what + s.slice(at);

const wrongField: fc.Arbitrary<[string, unknown, string | RegExp]> = fc.constantFrom<[string, unknown, string | RegExp]>(
  ['date', 'not a date', 'date: must be a date as YYYY-MM-DD'],
  ['date', '2026-02-30', 'date: must be a date as YYYY-MM-DD'],
  ['date', 20261102, /^date: /],
  ['date', '0000-01-01', 'date: must not be before 1990-01-01'],
  ['date', '1989-12-31', 'date: must not be before 1990-01-01'],
  ['date', '9999-12-31', /^date: must not be after tomorrow/],
  ['time', '25:00', 'time: must be a time as HH:MM'],
  ['kind', 'party', /^kind: /],
  ['community', 'martian', /^community: is not a community of taxonomy version/],
  ['community', '', 'community: is required'],
  ['municipality', 'Atlantis', 'municipality: is not a Dutch municipality'],
  ['municipality', null, /^municipality: /],
  ['participants', 0, 'participants: must be at least 1'],
  ['participants', 1.5, 'participants: must be a whole number'],
  ['participants', '12', /^participants: /],
  ['setting', 'x'.repeat(201), /^setting: /],
  ['notes', 7, /^notes: /],
  ['signals', 'none', /^signals: /],
);

const faults = (line: ImportLineValue): fc.Arbitrary<PlantedFault> =>
  fc.oneof(
    // Cut short anywhere: never a JSON object.
    fc.integer({ min: 1, max: JSON.stringify(line).length - 1 }).map((at) => ({
      kind: 'truncated JSON',
      bytes: Buffer.from(JSON.stringify(line).slice(0, at)),
      says: 'not valid JSON',
    })),
    fc
      .oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), text(20), fc.array(fc.jsonValue(), { maxLength: 3 }))
      .map((value) => ({ kind: 'not an object', bytes: bytesOf(value), says: /./ })),
    wrongField.map(([field, value, says]) => ({ kind: `wrong ${field}`, bytes: bytesOf({ ...line, [field]: value }), says })),
    fc.constantFrom('name', 'Name', '__proto__', 'municipalty').map((key) => ({
      kind: 'unknown key',
      bytes: Buffer.from(`${JSON.stringify(line).slice(0, -1)},${JSON.stringify(key)}:"x"}`),
      says: /unrecognized key/,
    })),
    fc
      .tuple(fc.constantFrom('setting', 'community', 'municipality', 'notes', 'signals.0.summary', 'signals.0.quote', 'signals.0.tags.0'), lone, fc.nat())
      .map(([field, half, at]) => {
        const copy = structuredClone(line) as Record<string, unknown> & ImportLineValue;
        const signal = copy.signals[0]!;
        if (field === 'signals.0.summary') signal.summary = insertAt(signal.summary, at % (signal.summary.length + 1), half);
        else if (field === 'signals.0.quote') signal.quote = insertAt(signal.quote, at % (signal.quote.length + 1), half);
        else if (field === 'signals.0.tags.0') signal.tags = [insertAt(signal.tags[0]!, at % signal.tags[0]!.length, half)];
        else copy[field] = insertAt(String(copy[field]), at % (String(copy[field]).length + 1), half);
        return { kind: 'unpaired surrogate', bytes: bytesOf(copy), says: `${field}: contains an unpaired surrogate (a broken character)` };
      }),
    fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xf5, 0xff)).map(([at, bad]) => {
      const chars = [...JSON.stringify(line)];
      const cut = at % (chars.length + 1);
      const head = Buffer.from(chars.slice(0, cut).join(''));
      return {
        kind: 'invalid UTF-8',
        bytes: Buffer.concat([head, Buffer.from([bad]), Buffer.from(chars.slice(cut).join(''))]),
        says: 'is not valid UTF-8',
        byteOffset: head.length,
      };
    }),
    fc.constant({
      kind: 'quote not in the notes',
      bytes: bytesOf({ ...line, signals: [{ ...line.signals[0]!, quote: `${line.notes}!` }] }),
      says: 'signals.0.quote: is not part of the notes',
    }),
    // Refused only inside the write transaction, after the meetings before it were inserted.
    fc.constantFrom(['nl-obi:state-actor="ZZ"'], ['nl-obi:severity="1"', 'nl-obi:severity="4"'], ['no-such:tag']).map((tags) => ({
      kind: 'tags refused while writing',
      bytes: bytesOf({ ...line, signals: [{ ...line.signals[0]!, tags }] }),
      says: /^signals\.0\.tags/,
    })),
  );

export interface MalformedImport {
  bytes: Buffer;
  /** 1-based number of the broken line. */
  line: number;
  fault: PlantedFault;
  /** Offset of the bad byte in the file, for a UTF-8 fault. */
  fileOffset?: number;
}

/** A file of valid meetings (and blank lines) with one broken line somewhere among them. */
export const malformedImport: fc.Arbitrary<MalformedImport> = fc
  .record({
    before: fc.array(fc.oneof({ weight: 4, arbitrary: validLine }, { weight: 1, arbitrary: fc.constantFrom('', '   ') }), { maxLength: 4 }),
    broken: validLine.chain(faults),
    after: fc.array(fc.oneof(validLine, fc.constant('')), { maxLength: 2 }),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ before, broken, after, eol }) => {
    const encode = (l: ImportLineValue | string) => Buffer.from(typeof l === 'string' ? l : JSON.stringify(l));
    const head = before.map((l) => Buffer.concat([encode(l), Buffer.from(eol)]));
    const prefix = Buffer.concat(head);
    const tail = after.map((l) => Buffer.concat([Buffer.from(eol), encode(l)]));
    return {
      bytes: Buffer.concat([prefix, broken.bytes, ...tail]),
      line: before.length + 1,
      fault: broken,
      ...(broken.byteOffset === undefined ? {} : { fileOffset: prefix.length + broken.byteOffset }),
    };
  });

/** What the error message must be, or begin with, for a malformed file. */
export function expectedMessage(file: MalformedImport): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const { says, byteOffset } = file.fault;
  if (byteOffset !== undefined) {
    return new RegExp(`^line ${file.line}: is not valid UTF-8 at byte offset ${byteOffset} of the line \\(${file.fileOffset} of the file\\)$`);
  }
  if (typeof says === 'string') return new RegExp(`^line ${file.line}: ${escape(says)}$`);
  const anchored = says.source.startsWith('^');
  return new RegExp(`^line ${file.line}: ${anchored ? says.source.slice(1) : `.*${says.source}`}`, 'i');
}
