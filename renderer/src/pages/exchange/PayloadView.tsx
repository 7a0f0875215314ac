import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { SignalState } from '../../../../shared/capture/signal-states';
import type { Manifest } from '../../../../shared/exchange/payload';
import { obiExtensionId } from '../../../../shared/exchange/stix/obi-extension';
import { tlpAmberStrictTag } from '../../../../shared/exchange/stix/stix-markings';
import { useTagLabel } from '../../stores/taxonomy-store';

interface StixObject {
  type: string;
  id: string;
  content?: string;
  labels?: string[];
  count?: number;
  first_seen?: string;
  last_seen?: string;
  extensions?: Record<string, ObiProperties | undefined>;
}

/** What the view shows of the OBI Werkplek extension of an object. */
interface ObiProperties {
  tags?: string[];
  meeting_date?: string;
  status?: SignalState;
  cell?: { region?: { value: string }; period?: { from: string; to: string; level: string } };
}

const obi = (o: StixObject): ObiProperties => o.extensions?.[obiExtensionId] ?? {};

/** The machine tags of a cell, without the marking every object carries as a label too. */
const codesOf = (o: StixObject): string[] => (o.labels ?? []).filter((l) => l !== tlpAmberStrictTag);

interface Payload {
  manifest: Manifest;
  bundle: { objects: StixObject[] };
}

/**
 * A bundle as it leaves (or left), readable: the manifest, then each signal, cell or status. The
 * exact JSON that is encrypted is one click away: the same text, not a similar rendering.
 */
export function PayloadView({ text }: { text: string }) {
  const { t } = useTranslation();
  const tagLabel = useTagLabel();
  const [raw, setRaw] = useState(false);
  const payload = JSON.parse(text) as Payload;
  const m = payload.manifest;
  const notes = payload.bundle.objects.filter((o) => o.type === 'note');
  const sightings = payload.bundle.objects.filter((o) => o.type === 'sighting');
  return (
    <div className="payload" data-content="payload">
      <dl className="facts">
        <dt>{t('exchange.bundleId')}</dt>
        <dd>
          <code>{m.id}</code>
        </dd>
        <dt>{t('exchange.kind')}</dt>
        <dd>{t(`exchange.kinds.${m.kind}`)}</dd>
        <dt>{t('exchange.period')}</dt>
        <dd>
          {m.period.from} – {m.period.to}
        </dd>
        <dt>{t('exchange.counts')}</dt>
        <dd>{t('exchange.countsValue', { signals: m.counts.signals, cells: m.counts.cells })}</dd>
        {typeof m.k === 'number' ? (
          <>
            <dt>{t('exchange.k')}</dt>
            <dd>{m.k}</dd>
            <dt>{t('exchange.heldBack')}</dt>
            <dd>{t('exchange.heldBackValue', { suppressed: m.suppressed, carriedOver: m.carriedOver })}</dd>
          </>
        ) : null}
      </dl>
      {m.kind === 'officer' || m.kind === 'returned' ? (
        <ol className="payload-items">
          {notes.map((n) => {
            const own = obi(n);
            return (
              <li key={n.id}>
                {own.status ? <strong>{t(`states.${own.status}`)}: </strong> : null}
                {own.meeting_date ? <span className="muted">{own.meeting_date} · </span> : null}
                <span>{n.content}</span>
                {own.tags?.length ? <div className="muted">{own.tags.map(tagLabel).join(' · ')}</div> : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <ol className="payload-items">
          {sightings.map((s) => {
            const cell = obi(s).cell;
            return (
              <li key={s.id}>
                <strong>{t('exchange.cellCount', { count: s.count ?? 0 })}</strong> · {cell?.period ? `${cell.period.from} – ${cell.period.to}` : ''} ·{' '}
                {cell?.region?.value}
                <div className="muted">{codesOf(s).map(tagLabel).join(' · ')}</div>
              </li>
            );
          })}
        </ol>
      )}
      {notes.length === 0 && sightings.length === 0 ? <p className="muted">{t('exchange.empty')}</p> : null}
      <Button className="link-button" onPress={() => setRaw((r) => !r)}>
        {raw ? t('exchange.hideRaw') : t('exchange.showRaw')}
      </Button>
      {raw ? (
        <pre className="raw-payload" tabIndex={0} aria-label={t('exchange.rawLabel')}>
          {text}
        </pre>
      ) : null}
    </div>
  );
}
