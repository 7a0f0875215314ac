import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { redactionCategories, type RedactionCategory } from '../../../../shared/redaction/categories';
import type { RedactionDecision, ReviewedSpan } from '../../../../shared/redaction/redaction-review';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { errorText } from '../../i18n/i18n';
import { SelectField } from '../../components/SelectField';
import { startReviewChecker, type ReviewChecker } from '../../redaction/review-client';
import type { ReviewResult } from '../../redaction/review-protocol';
import { clearHighlights, highlightsSupported, mirrorPieces, pageHighlightPainter, type HighlightPainter } from '../../redaction/review-highlights';
import { groupPage, groupSpans, listedNow } from '../../redaction/span-groups';
import { SpanGroupItem } from './SpanGroupItem';

/** From this length on a check takes long enough to say that it is under way. */
const longText = 10_000;

/** The time from a check's answer arriving to the frame that shows it painted, all steps done (a performance measure). */
const applyMeasure = 'obi-review-apply';

interface Props {
  signalId: number;
  summary: string;
  /** The summary's text area, for marking a selection by hand. */
  selection: () => { start: number; end: number } | null;
  editable: boolean;
  onDecisionsChanged: () => void;
}

/**
 * The officer's review of the shareable summary: proposed spans highlighted as the summary is
 * written (checked in a worker shortly after typing stops, so typing never waits for the
 * detectors; a long text shows that it is being checked), a decision per span
 * (replace, or keep with one word why), spans marked by hand, and the summary exactly as it will
 * leave. Everything works by keyboard: each span is a list item with its own buttons.
 */
export function RedactionReview({ signalId, summary, selection, editable, onDecisionsChanged }: Props) {
  const { t } = useTranslation();
  const [decisions, setDecisions] = useState<RedactionDecision[]>([]);
  const [result, setResult] = useState<ReviewResult | null>(null);
  const [failedText, setFailedText] = useState<string | null>(null);
  const checker = useRef<ReviewChecker | null>(null);
  // When the latest result arrived, for the 'obi-review-apply' measure of how long showing it took.
  const receivedAt = useRef(0);
  const [keeping, setKeeping] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [manualCategory, setManualCategory] = useState<RedactionCategory>('person');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const started = startReviewChecker(
      (r) => {
        receivedAt.current = performance.now();
        // A transition: React renders the new answer in slices and lets a keystroke go first.
        startTransition(() => setResult(r));
        setFailedText(null);
      },
      (text) => {
        setFailedText(text);
        setError(t('review.checkFailed'));
      },
    );
    checker.current = started;
    return () => started.close();
  }, [t]);

  useEffect(() => {
    void api['redaction.decisions']({ signalId }).then((r) => r.ok && setDecisions(r.value.decisions));
  }, [signalId]);

  useEffect(() => {
    const timer = setTimeout(() => checker.current?.request(summary, decisions), 150);
    return () => clearTimeout(timer);
  }, [summary, decisions]);

  // The mirror is plain text in pieces; the spans are painted over it as highlights, a step at a time.
  const mirrorRef = useRef<HTMLDivElement>(null);
  const pieces = useMemo(() => mirrorPieces(result?.text ?? ''), [result]);
  // A keystroke re-renders the review; the mirror's elements stand until the next answer.
  const mirror = useMemo(
    () =>
      pieces.map((piece, i) => (
        <div key={i} className="mirror-piece">
          {piece}
        </div>
      )),
    [pieces],
  );
  const painter = useRef<HighlightPainter<Range> | null>(null);
  useLayoutEffect(() => {
    if (!highlightsSupported()) return;
    const started = pageHighlightPainter();
    painter.current = started;
    return () => {
      started.stop();
      painter.current = null;
      clearHighlights();
    };
  }, []);
  useLayoutEffect(() => {
    if (!result) return;
    const nodes = [...(mirrorRef.current?.children ?? [])].map((piece) => piece.firstChild).filter((node) => node instanceof Text);
    const start = receivedAt.current;
    const characters = result.text.length;
    // After the frame that shows the last step: only the latest measure is kept, so the timeline
    // does not grow; its detail says which text it was for (its length, never the text).
    const measure = () =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.clearMeasures(applyMeasure);
          performance.measure(applyMeasure, { start, detail: { characters } });
        }),
      );
    if (painter.current) painter.current.paint(nodes, result.review.spans, measure);
    else measure();
  }, [result]);

  const apply = async (call: Promise<Awaited<ReturnType<(typeof api)['redaction.decisions']>>>) => {
    const r = await call;
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setDecisions(r.value.decisions);
    onDecisionsChanged();
  };
  const decide = (span: ReviewedSpan, decision: 'redact' | 'keep', why: string | null = null): Promise<void> =>
    apply(api['redaction.decide']({ signalId, decision: { surface: span.surface, category: span.category, decision, reason: why, origin: span.origin } }));
  const withdraw = (span: ReviewedSpan) => apply(api['redaction.undecide']({ signalId, surface: span.surface, category: span.category }));
  const markSelection = () => {
    const sel = selection();
    if (!sel) return;
    const surface = summary.slice(sel.start, sel.end).trim();
    if (!surface) return;
    void apply(api['redaction.decide']({ signalId, decision: { surface, category: manualCategory, decision: 'redact', reason: null, origin: 'manual' } }));
  };

  // A check is under way while the shown result is for other text or decisions, unless it failed.
  const checking = (result?.text !== summary || result.decisions !== decisions) && failedText !== summary;
  const progress = (
    <p role="status" className="muted" data-content="checking">
      {checking && summary.length >= longText ? t('review.checking', { length: summary.length }) : ''}
    </p>
  );
  // One item per surface, category and status (decisions are taken per surface and category), a
  // page at a time: the list stays a bounded number of elements however many spans the text has.
  const groups = useMemo(() => (result ? groupSpans(result.review.spans) : []), [result]);
  const [shown, setShown] = useState(groupPage);
  // New items mount a step per frame up to what is shown, so no single task mounts a whole page;
  // the keys of the items mounted so far say which of an answer's groups are new.
  const wanted = Math.min(shown, groups.length);
  const [mountedKeys, setMountedKeys] = useState<ReadonlySet<string>>(() => new Set());
  const listed = listedNow(groups, wanted, mountedKeys);
  useEffect(() => {
    const keys = groups.slice(0, listed).map((g) => g.key);
    if (listed === wanted && keys.length === mountedKeys.size && keys.every((key) => mountedKeys.has(key))) return;
    const frame = requestAnimationFrame(() => startTransition(() => setMountedKeys(new Set(keys))));
    return () => cancelAnimationFrame(frame);
  }, [groups, listed, wanted, mountedKeys]);
  const listRef = useRef<HTMLOListElement>(null);
  // After "show more", the first newly shown item takes the focus once it is mounted, so the keyboard goes on there.
  const focusItem = useRef<number | null>(null);
  useEffect(() => {
    const item = focusItem.current === null ? null : listRef.current?.children[focusItem.current];
    if (!(item instanceof HTMLElement)) return;
    focusItem.current = null;
    item.focus();
  }, [listed]);
  // The list stays one element while the result and the form state stand: a keystroke in the
  // summary must not re-render it.
  const list = useMemo(
    () =>
      result === null ? null : groups.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <>
          <ol className="span-list" data-content="spans" ref={listRef}>
            {groups.slice(0, listed).map((group) => (
              <SpanGroupItem
                key={group.key}
                group={group}
                editable={editable}
                signalId={signalId}
                keeping={keeping === group.key}
                reason={reason}
                onDecide={decide}
                onWithdraw={(span) => void withdraw(span)}
                onKeeping={setKeeping}
                onReason={setReason}
              />
            ))}
          </ol>
          {groups.length > shown ? (
            <Button
              className="button"
              data-content="show-more"
              onPress={() => {
                focusItem.current = shown;
                setShown(shown + groupPage);
              }}
            >
              {t('review.showMore', { left: groups.length - shown })}
            </Button>
          ) : null}
        </>
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the handlers only read props that do not change what is listed
    [result, groups, shown, listed, editable, signalId, keeping, reason, t],
  );
  // The category choice, like the list, stands while a keystroke re-renders the review.
  const categoryField = useMemo(
    () => (
      <SelectField
        label={t('review.manualCategory')}
        value={manualCategory}
        options={redactionCategories.map((c) => ({ id: c, label: t(`categories.${c}`) }))}
        onChange={setManualCategory}
      />
    ),
    [manualCategory, t],
  );
  if (!result)
    return (
      <>
        <p className="muted">{t('review.loading')}</p>
        {progress}
      </>
    );
  const { review, outgoing } = result;

  return (
    <section aria-labelledby="review-title" className="review" data-checked-in={result.checkedIn}>
      <h3 id="review-title">{t('review.title')}</h3>
      <p className="field-hint">{t('review.intro')}</p>
      {progress}
      <div ref={mirrorRef} className="review-mirror" data-content="review-mirror" aria-hidden="true">
        {mirror}
      </div>
      <p role="status" aria-live="polite" className={review.undecided > 0 ? 'notice' : 'muted'}>
        {review.undecided > 0 ? t('review.undecided', { count: review.undecided }) : t('review.allDecided')}
      </p>
      {list}
      {editable ? (
        <div className="button-row manual-mark">
          {categoryField}
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
