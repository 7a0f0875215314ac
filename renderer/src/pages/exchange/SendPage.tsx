import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { AggregationPreviewView } from '../../../../shared/contract/ipc-contract';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { useBusyAction } from '../../hooks/use-busy-action';
import { codeKey, errorText } from '../../i18n/i18n';
import { useTaxonomy } from '../../stores/taxonomy-store';
import { InboxReader } from './InboxReader';
import { PayloadView } from './PayloadView';

type Status = Extract<Awaited<ReturnType<(typeof api)['exchange.status']>>, { ok: true }>['value'];
type History = Extract<Awaited<ReturnType<(typeof api)['exchange.history']>>, { ok: true }>['value']['bundles'];

function AggregationSummary({ preview }: { preview: AggregationPreviewView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="aggregation-title" className="notice">
      <h3 id="aggregation-title">{t('exchange.aggregationTitle', { k: preview.k })}</h3>
      <p>
        {t('exchange.aggregationReleased', { signals: preview.released.signals, cells: preview.released.cells })}{' '}
        {t('exchange.aggregationGeneralised', { region: preview.generalised.region, period: preview.generalised.period, target: preview.generalised.target })}
      </p>
      {preview.floor ? (
        <p data-content="release-floor">
          {t('exchange.releaseFloor', {
            period: t(codeKey('exchange.floorLevel', preview.floor.floor.period ?? 'month')),
            coarsened: preview.floor.coarsened,
            cells: preview.floor.cellsWithoutFloor,
          })}
          {preview.floor.reason ? ` ${t('exchange.releaseFloorReason', { reason: preview.floor.reason })}` : null}
        </p>
      ) : null}
      {preview.waiting.signals > 0 ? (
        <>
          <p>{t('exchange.aggregationWaiting', { count: preview.waiting.signals })}</p>
          <ul>
            {preview.waiting.combinations.map((c) => (
              <li key={`${c.stateActor}-${c.modusOperandi}-${c.channel}`}>
                {t('exchange.waitingCombination', {
                  actor: c.stateActor,
                  modus: c.modusOperandi,
                  channel: c.channel,
                  signals: c.signals,
                  missing: c.missing,
                  since: c.waitingSince,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * Sending this role's next bundle: the officer's signals to the team lead, or the team lead's
 * k-anonymous cells to the central point. The preview is the prepared bundle itself, decoded: what
 * is shown is exactly what is encrypted. The history shows every bundle that left, decoded.
 */
export function SendPage() {
  const { t, i18n } = useTranslation();
  const loadTaxonomy = useTaxonomy((s) => s.load);
  const [status, setStatus] = useState<Status | null>(null);
  const [prepared, setPrepared] = useState<{ id: string; payload: string; blocked: number[]; preview: AggregationPreviewView | null } | null>(null);
  const [history, setHistory] = useState<History>([]);
  const [shown, setShown] = useState<{ id: string; payload: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, setError, run: runBusy } = useBusyAction();

  const refresh = useCallback(
    () =>
      Promise.all([api['exchange.status']({}), api['exchange.history']({})]).then(([s, h]) => {
        if (s.ok) setStatus(s.value);
        if (h.ok) setHistory(h.value.bundles);
      }),
    [],
  );

  useEffect(() => {
    void loadTaxonomy();
    void refresh();
  }, [loadTaxonomy, refresh]);

  const run = async <T,>(call: Promise<{ ok: true; value: T } | { ok: false; error: Parameters<typeof errorText>[0] }>, then: (v: T) => void) => {
    setError(null);
    await runBusy(async () => {
      const r = await call;
      if (!r.ok) return r.error;
      then(r.value);
      void refresh();
      return null;
    });
  };

  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = status?.role === 'teamlead' ? t('exchange.titleLead') : t('exchange.titleOfficer');

  return (
    <PageShell title={title}>
      {status ? (
        <dl className="facts" data-content="exchange-status">
          <dt>{t('exchange.waiting')}</dt>
          <dd>{t(status.role === 'teamlead' ? 'exchange.waitingLead' : 'exchange.waitingOfficer', { count: status.waiting })}</dd>
          <dt>{t('exchange.nextRun')}</dt>
          <dd>{status.nextRun ? format.format(new Date(status.nextRun)) : '—'}</dd>
          <dt>{t('exchange.lastRun')}</dt>
          <dd>{status.lastRun ? format.format(new Date(status.lastRun)) : t('exchange.never')}</dd>
        </dl>
      ) : null}
      {status && !status.configured ? <p className="warning">{t('exchange.notConfigured', { keys: status.missing.join(', ') })}</p> : null}
      {status && !status.hasKeys ? <p className="warning">{t('exchange.noKeys')}</p> : null}
      <FormError message={error} />
      {message ? (
        <p role="status" className="notice">
          {message}
        </p>
      ) : null}
      {status?.role === 'officer' ? <InboxReader label={t('inbox.readReturns')} onRead={() => void refresh()} /> : null}
      <section aria-labelledby="next-title">
        <h2 id="next-title">{t('exchange.nextTitle')}</h2>
        <p className="muted">{t('exchange.nextIntro')}</p>
        <div className="button-row">
          <Button
            className="button"
            isDisabled={busy || !status?.configured || !status.hasKeys}
            onPress={() => void run(api['exchange.prepare']({}), (v) => (setPrepared(v), setMessage(null)))}
          >
            {t('exchange.prepare')}
          </Button>
          {prepared || status?.prepared ? (
            <>
              <Button
                className="button primary"
                isDisabled={busy}
                onPress={() =>
                  void run(api['exchange.send']({}), (v) => {
                    const failed = v.failures[0];
                    // A failure names its cause in plain words (server unreachable, certificate refused, …); the bundle stays prepared.
                    if (failed) return (setMessage(null), setError(t('exchange.sendFailed', { reason: errorText({ code: failed.code, message: '' }) })));
                    setPrepared(null);
                    setMessage(t('exchange.sent', { files: v.files }));
                  })
                }
              >
                {t('exchange.send')}
              </Button>
              <Button
                className="button"
                isDisabled={busy}
                onPress={() => void run(api['exchange.discard']({}), () => (setPrepared(null), setMessage(t('exchange.discarded'))))}
              >
                {t('exchange.discard')}
              </Button>
            </>
          ) : null}
        </div>
        {prepared?.blocked.length ? <p className="warning">{t('exchange.blocked', { count: prepared.blocked.length })}</p> : null}
        {prepared?.preview ? <AggregationSummary preview={prepared.preview} /> : null}
        {prepared ? <PayloadView text={prepared.payload} /> : null}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('exchange.historyTitle')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('exchange.noHistory')}</p>
        ) : (
          <table className="table" data-content="history">
            <thead>
              <tr>
                <th scope="col">{t('exchange.created')}</th>
                <th scope="col">{t('exchange.kind')}</th>
                <th scope="col">{t('exchange.addressee')}</th>
                <th scope="col">{t('exchange.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('exchange.show')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((b) => (
                <tr key={b.id}>
                  <td>{format.format(new Date(b.createdAt))}</td>
                  <td>{t(`exchange.kinds.${b.kind}`)}</td>
                  <td>{b.addressee === 'teamLead' || b.addressee === 'central' ? t(`exchange.to.${b.addressee}`) : b.addressee}</td>
                  <td>{t(`exchange.states.${b.state}`)}</td>
                  <td>
                    <Button
                      className="link-button"
                      aria-label={t('exchange.showBundle', { date: format.format(new Date(b.createdAt)) })}
                      onPress={() => void run(api['exchange.payload']({ id: b.id }), (v) => setShown({ id: b.id, payload: v.payload }))}
                    >
                      {t('exchange.show')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown ? <PayloadView key={shown.id} text={shown.payload} /> : null}
      </section>
    </PageShell>
  );
}
