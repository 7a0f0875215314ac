import type { Fenomeenbeeld, FigureRow, TrendSeries } from './fenomeenbeeld';
import { barChartSvg, lineChartSvg } from './report-charts';
import type { ReportLanguage } from './report-labels';
import { t } from './report-text';

/**
 * The report as one HTML document: no scripts, no external references (styles inline, charts
 * inline SVG), every chart followed by its data table, and print rules so that it prints as a
 * document (no split tables rows, charts kept whole). Every text is escaped.
 */

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const style = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 56rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #154273; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
.meta { color: #444; }
.tlp { display: inline-block; background: #000; color: #ffc000; padding: 0.1rem 0.5rem; font-weight: 600; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; min-width: 20rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
.suppressed { color: #555; font-style: italic; }
.flag { font-weight: 700; color: #8b0000; }
figure { margin: 0.5rem 0; }
svg { max-width: 100%; height: auto; }
blockquote { border-left: 4px solid #154273; margin: 0.5rem 0; padding: 0.2rem 0.8rem; white-space: pre-wrap; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  figure, tr, blockquote { break-inside: avoid; }
  section { break-inside: auto; }
  @page { size: A4; margin: 18mm 15mm; }
}`;

const number = (n: number | null, lang: ReportLanguage, min: number) =>
  n === null ? `<span class="suppressed" title="${escape(t('suppressedMark', lang, { min }))}">${escape(t('suppressed', lang))}</span>` : String(n);

function figureTable(caption: string, rows: readonly FigureRow[], lang: ReportLanguage, min: number): string {
  const body = rows.map((r) => `<tr><th scope="row">${escape(r.label)}</th><td class="n">${number(r.count, lang, min)}</td></tr>`).join('');
  return `<table><caption>${escape(caption)}</caption><thead><tr><th scope="col">${escape(t('value', lang))}</th><th scope="col">${escape(t('conversations', lang))}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function chartWithTable(title: string, rows: readonly FigureRow[], lang: ReportLanguage, min: number): string {
  const shown = rows.filter((r) => r.count !== null).map((r) => ({ label: r.label, count: r.count! }));
  const chart = shown.length === 0 ? '' : `<figure>${barChartSvg(shown, t('chartOf', lang, { what: title.toLowerCase() }), t('conversations', lang))}</figure>`;
  return `${chart}${figureTable(`${t('dataTable', lang)}: ${title}`, rows, lang, min)}`;
}

function trendTable(caption: string, series: readonly TrendSeries[], lang: ReportLanguage, min: number): string {
  if (series.length === 0) return '';
  const periods = series[0]!.points.map((p) => p.period);
  const head = `<tr><th scope="col">${escape(t('series', lang))}</th>${periods.map((p) => `<th scope="col">${escape(p)}</th>`).join('')}<th scope="col">${escape(t('expected', lang))}</th><th scope="col">${escape(t('pValue', lang))}</th><th scope="col">${escape(t('rise', lang))}</th></tr>`;
  const body = series
    .map(
      (s) =>
        `<tr><th scope="row">${escape(s.label)}</th>${s.points.map((p) => `<td class="n">${number(p.count, lang, min)}</td>`).join('')}<td class="n">${s.expected === null ? '' : s.expected.toFixed(1)}</td><td class="n">${s.pValue === null ? '' : s.pValue.toFixed(3)}</td><td>${s.flagged ? `<span class="flag">${escape(t('flagged', lang))}</span>` : escape(t('notFlagged', lang))}</td></tr>`,
    )
    .join('');
  return `<table><caption>${escape(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export function reportHtml(fb: Fenomeenbeeld, lang: ReportLanguage, now: Date): string {
  const min = fb.reportMinimum;
  const oneWay = (['byStateActor', 'byObjective', 'byModusOperandi', 'byTarget', 'byChannel', 'byRegion', 'byOrganisation'] as const)
    .map((key) => `<section><h2>${escape(t(key, lang))}</h2>${chartWithTable(t(key, lang), fb[key], lang, min)}</section>`)
    .join('');

  const actors = fb.stateActors
    .map(
      (a) =>
        `<section><h3>${escape(a.label)}: ${number(a.count, lang, min)}</h3>${figureTable(t('objectives', lang), a.objectives, lang, min)}${figureTable(t('modusOperandi', lang), a.modusOperandi, lang, min)}${figureTable(t('targets', lang), a.targets, lang, min)}${figureTable(t('channels', lang), a.channels, lang, min)}${figureTable(t('regions', lang), a.regions, lang, min)}<p>${escape(t('effect', lang))}: ${escape(a.effect.map((e) => e.label).join(', '))}</p></section>`,
    )
    .join('');

  const lines = fb.trends.byStateActor.flatMap((s) =>
    s.points.flatMap((p) => (p.count === null ? [] : [{ series: s.label, period: p.period, count: p.count }])),
  );
  const trends =
    fb.trends.baseline.length === 0
      ? `<p>${escape(t('noHistory', lang))}</p>`
      : `${lines.length === 0 ? '' : `<figure>${lineChartSvg(lines, t('lineChart', lang), t('conversations', lang), t('period', lang))}</figure>`}${trendTable(t('trendsByActor', lang), fb.trends.byStateActor, lang, min)}${trendTable(t('trendsByActorMo', lang), fb.trends.byStateActorAndModusOperandi, lang, min)}`;

  const coverage = `<table><caption>${escape(t('coverage', lang))}</caption><thead><tr><th scope="col">${escape(t('team', lang))}</th><th scope="col">${escape(t('organisation', lang))}</th><th scope="col">${escape(t('status', lang))}</th><th scope="col">${escape(t('expectedReports', lang))}</th><th scope="col">${escape(t('receivedReports', lang))}</th></tr></thead><tbody>${fb.coverage
    .map(
      (c) =>
        `<tr><th scope="row">${escape(c.team)}</th><td>${escape(c.organisation)}</td><td>${escape(t(c.status, lang))}</td><td class="n">${c.expected}</td><td class="n">${c.received}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const na = escape(t('notAvailable', lang));
  const evaluation = `<table><caption>${escape(t('evaluation', lang))}</caption><thead><tr><th scope="col">${escape(t('organisation', lang))}</th><th scope="col">${escape(t('reports', lang))}</th><th scope="col">${escape(t('signals', lang))}</th><th scope="col">${escape(t('conversations', lang))}</th><th scope="col">${escape(t('returnedShare', lang))}</th><th scope="col">${escape(t('medianDays', lang))}</th></tr></thead><tbody>${fb.evaluation.byOrganisation
    .map(
      (e) =>
        `<tr><th scope="row">${escape(e.organisation)}</th><td class="n">${e.reports}</td><td class="n">${e.signals ?? na}</td><td class="n">${number(e.conversations, lang, min)}</td><td class="n">${e.returnedShare === null ? na : `${(e.returnedShare * 100).toFixed(1)}%`}</td><td class="n">${e.medianDaysToCentral ?? na}</td></tr>`,
    )
    .join(
      '',
    )}</tbody></table><table><caption>${escape(t('coverageOverTime', lang))}</caption><thead><tr><th scope="col">${escape(t('period', lang))}</th><th scope="col">${escape(t('reported', lang))}</th><th scope="col">${escape(t('empty', lang))}</th><th scope="col">${escape(t('silent', lang))}</th></tr></thead><tbody>${fb.evaluation.coverageOverTime
    .map((c) => `<tr><th scope="row">${escape(c.period)}</th><td class="n">${c.reported}</td><td class="n">${c.empty}</td><td class="n">${c.silent}</td></tr>`)
    .join('')}</tbody></table>`;

  const illustrations =
    fb.illustrations.length === 0
      ? `<p>${escape(t('noIllustrations', lang))}</p>`
      : fb.illustrations
          .map(
            (i) =>
              `<figure><blockquote>${escape(i.text)}</blockquote><figcaption>${escape(t('cell', lang))}: ${escape(
                [i.labels.stateActor, i.labels.objective, i.labels.modusOperandi, i.labels.target, i.labels.channel, i.labels.region, i.organisation].join(
                  ' · ',
                ),
              )} (${escape(i.period.from)} – ${escape(i.period.to)})</figcaption></figure>`,
          )
          .join('');

  const notes = [
    t('methodTables', lang, { min }),
    t('methodTrends', lang, { alpha: fb.trends.alpha }),
    t('cellsCounted', lang, { n: fb.notes.cells }),
    t('straddling', lang, { n: fb.notes.straddlingCells }),
    t('suppression', lang, { p: fb.notes.suppressedPrimary, s: fb.notes.suppressedSecondary }),
  ];

  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(`${t('title', lang)} ${fb.period.label}`)}</title><style>${style}</style></head>
<body><header><h1>${escape(t('title', lang))}</h1><p class="meta">${escape(t('period', lang))}: ${escape(fb.period.label)} (${escape(fb.period.from)} – ${escape(fb.period.to)}) · ${escape(t('made', lang))}: ${escape(now.toISOString().slice(0, 10))}</p><p><span class="tlp">${escape(t('classification', lang))}</span></p><p>${escape(t('total', lang))}: <strong>${number(fb.total.count, lang, min)}</strong></p></header>
<main>${oneWay}<section><h2>${escape(t('stateActors', lang))}</h2>${actors}</section><section><h2>${escape(t('trends', lang))}</h2>${trends}</section><section><h2>${escape(t('coverage', lang))}</h2>${coverage}</section><section><h2>${escape(t('evaluation', lang))}</h2>${evaluation}</section><section><h2>${escape(t('illustrations', lang))}</h2>${illustrations}</section><section><h2>${escape(t('method', lang))}</h2>${notes.map((n) => `<p>${escape(n)}</p>`).join('')}</section></main></body></html>
`;
}
