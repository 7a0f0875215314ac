import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextField } from 'react-aria-components';
import { redactionCategories, type RedactionCategory } from '../../../../shared/redaction/categories';
import type { outgoingSummary, RedactionDecision, Review, ReviewedSpan, redactionReviewOf } from '../../../../shared/redaction/redaction-review';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/i18n';
import { SelectField } from '../../components/SelectField';

type ReviewModule = { redactionReviewOf: typeof redactionReviewOf; outgoingSummary: typeof outgoingSummary };

/** The detectors and their word lists are large: load them only when a summary is reviewed. */
let loading: Promise<ReviewModule> | null = null;
const loadReview = () => (loading ??= import('../../../../shared/redaction/redaction-review'));

interface Props {
  signalId: number;
  summary: string;
  /** The summary's text area, for marking a selection by hand. */
  selection: () => { start: number; end: number } | null;
  editable: boolean;
  onDecisionsChanged: () => void;
}

/** The summary split into plain text and the reviewed spans, for a highlighted rendering. */
function pieces(text: string, spans: ReviewedSpan[]): Array<{ text: string; span?: ReviewedSpan }> {
  const out: Array<{ text: string; span?: ReviewedSpan }> = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * The officer's review of the shareable summary: proposed spans highlighted as the summary is
 * written (recomputed shortly after typing stops, never while a key is down), a decision per span
 * (replace, or keep with one word why), spans marked by hand, and the summary exactly as it will
 * leave. Everything works by keyboard: each span is a list item with its own buttons.
 */
export function RedactionReview({ signalId, summary, selection, editable, onDecisionsChanged }: Props) {
  const { t } = useTranslation();
  const [mod, setMod] = useState<ReviewModule | null>(null);
  const [decisions, setDecisions] = useState<RedactionDecision[]>([]);
  const [review, setReview] = useState<Review | null>(null);
  const [outgoing, setOutgoing] = useState<string | null>(null);
  const [keeping, setKeeping] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [manualCategory, setManualCategory] = useState<RedactionCategory>('person');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadReview().then(setMod);
    void api['redaction.decisions']({ signalId }).then((r) => r.ok && setDecisions(r.value.decisions));
  }, [signalId]);

  useEffect(() => {
    if (!mod) return;
    const timer = setTimeout(() => {
      const next = mod.redactionReviewOf(summary, decisions);
      setReview(next);
      setOutgoing(next.undecided === 0 ? mod.outgoingSummary(summary, decisions).text : null);
    }, 150);
    return () => clearTimeout(timer);
  }, [mod, summary, decisions]);

  const apply = async (call: Promise<Awaited<ReturnType<(typeof api)['redaction.decisions']>>>) => {
    const r = await call;
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setDecisions(r.value.decisions);
    onDecisionsChanged();
  };
  const decide = (span: ReviewedSpan, decision: 'redact' | 'keep', why: string | null = null) =>
    apply(api['redaction.decide']({ signalId, decision: { surface: span.surface, category: span.category, decision, reason: why, origin: span.origin } }));
  const withdraw = (span: ReviewedSpan) => apply(api['redaction.undecide']({ signalId, surface: span.surface, category: span.category }));
  const markSelection = () => {
    const sel = selection();
    if (!sel) return;
    const surface = summary.slice(sel.start, sel.end).trim();
    if (!surface) return;
    void apply(api['redaction.decide']({ signalId, decision: { surface, category: manualCategory, decision: 'redact', reason: null, origin: 'manual' } }));
  };

  if (!mod || !review) return <p className="muted">{t('review.loading')}</p>;
  const spanKey = (s: ReviewedSpan) => `${s.start}-${s.end}`;

  return (
    <section aria-labelledby="review-title" className="review">
      <h3 id="review-title">{t('review.title')}</h3>
      <p className="field-hint">{t('review.intro')}</p>
      <p className="review-mirror" data-content="review-mirror" aria-hidden="true">
        {pieces(summary, review.spans).map((p, i) =>
          p.span ? (
            <mark key={i} className={`span-${p.span.status}`} title={t(`categories.${p.span.category}`)}>
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
      <p role="status" aria-live="polite" className={review.undecided > 0 ? 'notice' : 'muted'}>
        {review.undecided > 0 ? t('review.undecided', { count: review.undecided }) : t('review.allDecided')}
      </p>
      {review.spans.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ol className="span-list" data-content="spans">
          {review.spans.map((s) => (
            <li key={spanKey(s)} className={`span-item span-${s.status}`}>
              <span className="span-what">
                <strong>{t(`categories.${s.category}`)}</strong>{' '}
                {t('review.spanLine', {
                  text: s.surface,
                  status: t(`review.status.${s.status}`),
                  extra: [
                    s.reason,
                    s.origin === 'manual' ? t('review.manual') : null,
                    s.needsDecision && s.status === 'undecided' ? t('review.needsDecision') : null,
                  ]
                    .filter(Boolean)
                    .join(', '),
                })}
              </span>
              {editable ? (
                <span className="button-row">
                  {s.status !== 'redact' ? (
                    <Button className="button small" onPress={() => void decide(s, 'redact')} aria-label={t('review.redactThis', { text: s.surface })}>
                      {t('review.redact')}
                    </Button>
                  ) : null}
                  {s.status !== 'keep' && s.origin === 'detected' ? (
                    <Button
                      className="button small"
                      onPress={() => (setKeeping(spanKey(s)), setReason(''))}
                      aria-label={t('review.keepThis', { text: s.surface })}
                    >
                      {t('review.keep')}
                    </Button>
                  ) : null}
                  {s.status !== 'undecided' ? (
                    <Button className="button small" onPress={() => void withdraw(s)} aria-label={t('review.withdrawThis', { text: s.surface })}>
                      {t('review.withdraw')}
                    </Button>
                  ) : null}
                </span>
              ) : null}
              {keeping === spanKey(s) ? (
                <form
                  className="keep-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void decide(s, 'keep', reason.trim()).then(() => setKeeping(null));
                  }}
                >
                  <TextField className="field" value={reason} onChange={setReason} autoFocus>
                    <Label className="field-label">{t('review.reason')}</Label>
                    <Input className="field-input narrow" maxLength={40} />
                  </TextField>
                  <Button type="submit" className="button small primary" isDisabled={!/^[\p{L}\p{N}-]{1,40}$/u.test(reason.trim())}>
                    {t('review.keepConfirm')}
                  </Button>
                  <Button className="button small" onPress={() => setKeeping(null)}>
                    {t('common.cancel')}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        <div className="button-row manual-mark">
          <SelectField
            label={t('review.manualCategory')}
            value={manualCategory}
            options={redactionCategories.map((c) => ({ id: c, label: t(`categories.${c}`) }))}
            onChange={setManualCategory}
          />
          <Button className="button" onPress={markSelection}>
            {t('review.markSelection')}
          </Button>
        </div>
      ) : null}
      <FormError message={error} />
      <h3>{t('review.outgoingTitle')}</h3>
      {outgoing !== null ? (
        <p className="outgoing" data-content="outgoing">
          {outgoing}
        </p>
      ) : (
        <p className="muted">{t('review.outgoingWaits')}</p>
      )}
    </section>
  );
}
