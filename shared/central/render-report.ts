import type { Organisation } from '../exchange/payload';
import { buildMispEvent } from '../exchange/misp/misp-event';
import { buildPeriodBundle, type PeriodCell } from '../exchange/stix/period-bundle';
import type { TaxonomyPackage } from '../taxonomy/taxonomy-package';
import type { Fenomeenbeeld, FigureRow } from './fenomeenbeeld';
import { figureDimensions, type FigureDimension } from './published-figure';
import { labelsOf, valueLabel, type ReportLanguage } from './report-labels';
import { liesWithin } from './report-period';
import { reportHtml } from './report-html';

/**
 * The report in its output formats, all from one Fenomeenbeeld so they cannot disagree: `json` (the
 * keys of issue 12, labels in the reader's language), `csv` (every published figure, one line
 * each), `html` (one self-contained page that prints well), `stix` (the period's released cells,
 * ./../exchange/stix/period-bundle.ts) and `misp` (the published figures as one MISP event).
 */

export type ReportFormat = 'html' | 'csv' | 'json' | 'stix' | 'misp';
export const reportFormats = ['html', 'csv', 'json', 'stix', 'misp'] as const satisfies readonly ReportFormat[];

export interface RenderOptions {
  lang: ReportLanguage;
  taxonomy: TaxonomyPackage;
  now: Date;
  /** A new UUID per report made (STIX bundle and MISP event ids). */
  id: string;
  /** The released cells that overlap the period, read only for `stix`, which writes those within it. */
  periodCells: () => readonly PeriodCell[];
  /** The organisation of the central point, the STIX producer; NCTV when not given. */
  producer?: Organisation;
}

const rowDimension = {
  byStateActor: 'stateActor',
  byObjective: 'objective',
  byModusOperandi: 'modusOperandi',
  byTarget: 'target',
  byChannel: 'channel',
  byRegion: 'region',
  byOrganisation: 'organisation',
} as const satisfies Record<string, FigureDimension>;

/** The report with every label in the reader's language. */
export function relabel(fb: Fenomeenbeeld, lang: ReportLanguage, taxonomy: TaxonomyPackage): Fenomeenbeeld {
  const label = (d: FigureDimension) => (r: FigureRow) => ({ ...r, label: valueLabel(taxonomy, d, r.value, lang) });
  const out: Fenomeenbeeld = { ...fb };
  for (const [key, d] of Object.entries(rowDimension) as Array<[keyof typeof rowDimension, FigureDimension]>) out[key] = fb[key].map(label(d));
  out.stateActors = fb.stateActors.map((a) => ({
    ...label('stateActor')(a),
    objectives: a.objectives.map(label('objective')),
    modusOperandi: a.modusOperandi.map(label('modusOperandi')),
    targets: a.targets.map(label('target')),
    channels: a.channels.map(label('channel')),
    regions: a.regions.map(label('region')),
    effect: a.effect.map((e) => ({ value: e.value, label: valueLabel(taxonomy, 'target', e.value, lang) })),
  }));
  out.illustrations = fb.illustrations.map((i) => ({ ...i, labels: labelsOf(taxonomy, i.values, lang) }));
  const actorLabel = (v: string) => valueLabel(taxonomy, 'stateActor', v, lang);
  out.trends = {
    ...fb.trends,
    byStateActor: fb.trends.byStateActor.map((s) => ({ ...s, label: actorLabel(s.stateActor) })),
    byStateActorAndModusOperandi: fb.trends.byStateActorAndModusOperandi.map((s) => ({
      ...s,
      label: `${actorLabel(s.stateActor)} × ${valueLabel(taxonomy, 'modusOperandi', s.modusOperandi!, lang)}`,
    })),
  };
  return out;
}

/** A CSV field: always quoted; a leading formula character is defused so a spreadsheet shows text, never runs it. */
const csvField = (v: string | number | null | undefined): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

function csv(fb: Fenomeenbeeld, lang: ReportLanguage, taxonomy: TaxonomyPackage): string {
  const header = ['period', 'table', ...figureDimensions, 'label', 'count', 'suppressed'];
  const lines = fb.figures.map((f) => {
    const label = figureDimensions
      .filter((d) => f.values[d] !== undefined)
      .map((d) => valueLabel(taxonomy, d, f.values[d]!, lang))
      .join(' × ');
    return [fb.period.label, f.table, ...figureDimensions.map((d) => f.values[d] ?? ''), label || f.label, f.count, f.suppressed ? 'true' : 'false'];
  });
  return [header, ...lines].map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Renders the report in one format. */
export function renderReport(fb: Fenomeenbeeld, format: ReportFormat, opts: RenderOptions): string {
  switch (format) {
    case 'json': {
      const { figures: _figures, ...report } = relabel(fb, opts.lang, opts.taxonomy);
      return `${JSON.stringify({ ...report, language: opts.lang }, null, 2)}\n`;
    }
    case 'csv':
      return csv(fb, opts.lang, opts.taxonomy);
    case 'html':
      return reportHtml(relabel(fb, opts.lang, opts.taxonomy), opts.lang, opts.now);
    case 'stix': {
      const cells = opts.periodCells().filter((c) => liesWithin(c.period, fb.period));
      return `${JSON.stringify(buildPeriodBundle({ id: opts.id, period: fb.period, producer: opts.producer ?? 'NCTV', cells, now: opts.now }, opts.taxonomy), null, 2)}\n`;
    }
    case 'misp':
      return `${JSON.stringify(buildMispEvent({ id: opts.id, period: fb.period, figures: fb.figures, now: opts.now }, opts.taxonomy), null, 2)}\n`;
  }
}
