import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { exportFormats, figureTables, type ExportFormat, type FenomeenbeeldView, type FigureTable } from '../../../../shared/contract/fenomeenbeeld-view';
import { api } from '../../api/client';
import { CountTable } from '../../components/CountTable';
import { FormError } from '../../components/FormError';
import { useBusyAction } from '../../hooks/use-busy-action';
import { PageShell } from '../../components/PageShell';
import { SelectField } from '../../components/SelectField';
import { errorText, type Language } from '../../i18n/i18n';
import { IllustrationsSection } from './IllustrationsSection';

type Page = Extract<Awaited<ReturnType<(typeof api)['central.report']>>, { ok: true }>['value'];
type Row = FenomeenbeeldView['byStateActor'][number];

/**
 * The central point's start page: the fenomeenbeeld of a period as tables (each with its chart,
 * the chart an image whose numbers are the table beside it), coverage, trends, evaluation, and
 * the export of the period in every format into Documents.
 */
export function FenomeenbeeldPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === 'en' ? 'en' : 'nl') satisfies Language;
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const exporting = useBusyAction();
  const [working, setWorking] = useState<ExportFormat | null>(null);

  useEffect(() => {
    void api['central.report']({ lang, ...(period ? { period } : {}) }).then((r) => {
      if (!r.ok) return setError(errorText(r.error));
      setError(null);
      setPage(r.value);
    });
  }, [lang, period]);

  // One export at a time: a PDF takes seconds, and the buttons stay focusable meanwhile.
  const exportAs = async (format: ExportFormat) => {
    if (!page || exporting.busy) return;
    setSaved(null);
    setWorking(format);
    await exporting.run(async () => {
      const r = await api['central.export']({ period: page.report.period.label, format, lang });
      if (!r.ok) return r.error;
      exporting.setError(null);
      setSaved(r.value.path);
      return null;
    });
    setWorking(null);
  };
  const exportStatus = working
    ? t(working === 'pdf' ? 'fenomeenbeeld.printing' : 'common.working')
    : saved
      ? t('fenomeenbeeld.savedAt', { path: saved })
      : null;

  const report = page?.report;
  return (
    <PageShell title={t('fenomeenbeeld.title')}>
      <p className="lead">{t('fenomeenbeeld.intro')}</p>
      <FormError message={error} />
      {page && report ? (
        <>
          <SelectField
            label={t('fenomeenbeeld.period')}
            value={report.period.label}
            options={page.periods.map((p) => ({ id: p, label: p }))}
            onChange={(p) => setPeriod(p)}
          />
          <dl className="facts" data-content="fenomeenbeeld-summary">
            <dt>{t('fenomeenbeeld.span')}</dt>
            <dd>{t('fenomeenbeeld.spanValue', { from: report.period.from, to: report.period.to })}</dd>
            <dt>{t('fenomeenbeeld.total')}</dt>
            <dd>{report.total.count ?? t('fenomeenbeeld.suppressed')}</dd>
            <dt>{t('fenomeenbeeld.minimum')}</dt>
            <dd>{report.reportMinimum}</dd>
          </dl>
          <section aria-labelledby="fb-export">
            <h2 id="fb-export">{t('fenomeenbeeld.export')}</h2>
            <div className="button-row" aria-busy={exporting.busy}>
              {exportFormats.map((f) => (
                <Button key={f} className="button" onPress={() => void exportAs(f)}>
                  {t(`fenomeenbeeld.formats.${f}`)}
                </Button>
              ))}
            </div>
            <FormError message={exporting.error} />
            {/* Always present, so the progress and the saved file's name are both announced. */}
            <p role="status" className={exportStatus ? 'notice' : undefined} data-content="export-status">
              {exportStatus}
            </p>
          </section>
          {figureTables.map((table) => (
            <FigureSection key={table} table={table} rows={report[table]} chart={page.charts[table]} />
          ))}
          <Coverage report={report} />
          <TrendsSection report={report} chart={page.charts.trends} />
          <EvaluationSection report={report} />
          <IllustrationsSection illustrations={report.illustrations} />
        </>
      ) : null}
    </PageShell>
  );
}

const svgImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
/** The chart's accessible name as the core wrote it into the SVG. */
const chartName = (svg: string) => /aria-label="([^"]*)"/.exec(svg)?.[1]?.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))) ?? '';

function Count({ row }: { row: { count: number | null } }) {
  const { t } = useTranslation();
  return <>{row.count === null ? <span className="muted">{t('fenomeenbeeld.suppressed')}</span> : row.count}</>;
}

function FigureSection({ table, rows, chart }: { table: FigureTable; rows: Row[]; chart: string | undefined }) {
  const { t } = useTranslation();
  const id = `fb-${table}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(`fenomeenbeeld.tables.${table}`)}</h2>
      {chart ? (
        <figure className="chart">
          {/* An image, not inline markup: the page's CSP forbids the inline styles a chart may carry. */}
          <img src={svgImage(chart)} alt={chartName(chart)} />
        </figure>
      ) : null}
      <CountTable
        dataTable={table}
        caption={t('fenomeenbeeld.dataTable', { what: t(`fenomeenbeeld.tables.${table}`) })}
        headers={[t('fenomeenbeeld.value'), t('fenomeenbeeld.conversations')]}
        empty={t('fenomeenbeeld.none')}
        rows={rows.map((r) => ({ key: r.value, label: r.label, count: <Count row={r} /> }))}
      />
    </section>
  );
}

function Coverage({ report }: { report: FenomeenbeeldView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fb-coverage">
      <h2 id="fb-coverage">{t('fenomeenbeeld.coverage')}</h2>
      <table className="table compact" data-table="coverage">
        <caption>{t('fenomeenbeeld.coverageCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fenomeenbeeld.team')}</th>
            <th scope="col">{t('fenomeenbeeld.organisation')}</th>
            <th scope="col">{t('fenomeenbeeld.status')}</th>
            <th scope="col">{t('fenomeenbeeld.expected')}</th>
            <th scope="col">{t('fenomeenbeeld.received')}</th>
          </tr>
        </thead>
        <tbody>
          {report.coverage.map((c) => (
            <tr key={c.team}>
              <th scope="row">{c.team}</th>
              <td>{c.organisation}</td>
              <td>{t(`fenomeenbeeld.statuses.${c.status}`)}</td>
              <td>{c.expected}</td>
              <td>{c.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TrendsSection({ report, chart }: { report: FenomeenbeeldView; chart: string | undefined }) {
  const { t } = useTranslation();
  const series = [...report.trends.byStateActor, ...report.trends.byStateActorAndModusOperandi];
  const periods = series[0]?.points.map((p) => p.period) ?? [];
  return (
    <section aria-labelledby="fb-trends">
      <h2 id="fb-trends">{t('fenomeenbeeld.trends')}</h2>
      {report.trends.baseline.length === 0 || series.length === 0 ? (
        <p className="muted">{t('fenomeenbeeld.noHistory')}</p>
      ) : (
        <>
          {chart ? (
            <figure className="chart">
              <img src={svgImage(chart)} alt={chartName(chart)} />
            </figure>
          ) : null}
          <table className="table compact" data-table="trends">
            <caption>{t('fenomeenbeeld.trendsCaption', { alpha: report.trends.alpha })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fenomeenbeeld.series')}</th>
                {periods.map((p) => (
                  <th key={p} scope="col">
                    {p}
                  </th>
                ))}
                <th scope="col">{t('fenomeenbeeld.rise')}</th>
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={`${s.stateActor}|${s.modusOperandi ?? ''}`}>
                  <th scope="row">{s.label}</th>
                  {s.points.map((p) => (
                    <td key={p.period}>
                      <Count row={p} />
                    </td>
                  ))}
                  <td>{s.flagged ? <strong>{t('fenomeenbeeld.flagged')}</strong> : t('fenomeenbeeld.notFlagged')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

const share = (n: number | null) => (n === null ? null : `${Math.round(n * 100)}%`);

function EvaluationSection({ report }: { report: FenomeenbeeldView }) {
  const { t } = useTranslation();
  const known = (v: string | number | null) => v ?? t('fenomeenbeeld.unknown');
  return (
    <section aria-labelledby="fb-evaluation">
      <h2 id="fb-evaluation">{t('fenomeenbeeld.evaluation')}</h2>
      <table className="table compact" data-table="evaluation">
        <caption>{t('fenomeenbeeld.evaluationCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fenomeenbeeld.organisation')}</th>
            <th scope="col">{t('fenomeenbeeld.reports')}</th>
            <th scope="col">{t('fenomeenbeeld.signals')}</th>
            <th scope="col">{t('fenomeenbeeld.conversations')}</th>
            <th scope="col">{t('fenomeenbeeld.returnedShare')}</th>
            <th scope="col">{t('fenomeenbeeld.medianDays')}</th>
          </tr>
        </thead>
        <tbody>
          {report.evaluation.byOrganisation.map((e) => (
            <tr key={e.organisation}>
              <th scope="row">{e.organisation}</th>
              <td>{e.reports}</td>
              <td>{known(e.signals)}</td>
              <td>{known(e.conversations)}</td>
              <td>{known(share(e.returnedShare))}</td>
              <td>{known(e.medianDaysToCentral)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
