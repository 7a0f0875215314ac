import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Input, Label, TextField } from 'react-aria-components';
import type { ReviewedSpan } from '../../../../shared/redaction/redaction-review';
import type { SpanGroup } from '../../redaction/span-groups';

interface Props {
  group: SpanGroup;
  editable: boolean;
  /** The signal the decisions are for: the handlers below act on it. */
  signalId: number;
  /** Whether this group's "keep readable" form is open, and the reason typed in it. */
  keeping: boolean;
  reason: string;
  onDecide: (span: ReviewedSpan, decision: 'redact' | 'keep', why?: string) => Promise<void>;
  onWithdraw: (span: ReviewedSpan) => void;
  onKeeping: (key: string | null) => void;
  onReason: (reason: string) => void;
}

/**
 * One group of the review list: the words, category, status and count, with a button per
 * decision. A new answer of the check re-renders only the groups that changed (it brings new span
 * objects, but what an item shows is its key and count), so a keystroke's answer stays cheap.
 */
export const SpanGroupItem = memo(
  function SpanGroupItem({ group, editable, keeping, reason, onDecide, onWithdraw, onKeeping, onReason }: Props) {
    const { t } = useTranslation();
    const { key, span: s, count } = group;
    return (
      <li className={`span-item span-${s.status}`} tabIndex={-1}>
        <span className="span-what">
          <strong>{t(`categories.${s.category}`)}</strong>{' '}
          {t('review.spanLine', {
            text: s.surface,
            times: count > 1 ? t('review.times', { times: count }) : '',
            status: t(`review.status.${s.status}`),
            extra: [s.reason, s.origin === 'manual' ? t('review.manual') : null, s.needsDecision && s.status === 'undecided' ? t('review.needsDecision') : null]
              .filter(Boolean)
              .join(', '),
          })}
        </span>
        {editable ? (
          <span className="button-row">
            {s.status !== 'redact' ? (
              <Button className="button small" onPress={() => void onDecide(s, 'redact')} aria-label={t('review.redactThis', { text: s.surface })}>
                {t('review.redact')}
              </Button>
            ) : null}
            {s.status !== 'keep' && s.origin === 'detected' ? (
              <Button className="button small" onPress={() => (onKeeping(key), onReason(''))} aria-label={t('review.keepThis', { text: s.surface })}>
                {t('review.keep')}
              </Button>
            ) : null}
            {s.status !== 'undecided' ? (
              <Button className="button small" onPress={() => onWithdraw(s)} aria-label={t('review.withdrawThis', { text: s.surface })}>
                {t('review.withdraw')}
              </Button>
            ) : null}
          </span>
        ) : null}
        {keeping ? (
          <form
            className="keep-form"
            onSubmit={(e) => {
              e.preventDefault();
              void onDecide(s, 'keep', reason.trim()).then(() => onKeeping(null));
            }}
          >
            <TextField className="field" value={reason} onChange={onReason} autoFocus>
              <Label className="field-label">{t('review.reason')}</Label>
              <Input className="field-input narrow" maxLength={40} />
            </TextField>
            <Button type="submit" className="button small primary" isDisabled={!/^[\p{L}\p{N}-]{1,40}$/u.test(reason.trim())}>
              {t('review.keepConfirm')}
            </Button>
            <Button className="button small" onPress={() => onKeeping(null)}>
              {t('common.cancel')}
            </Button>
          </form>
        ) : null}
      </li>
    );
  },
  // The handlers act on the signal and read nothing else that changes what is listed.
  (a, b) =>
    a.group.key === b.group.key &&
    a.group.count === b.group.count &&
    a.editable === b.editable &&
    a.signalId === b.signalId &&
    a.keeping === b.keeping &&
    (!b.keeping || a.reason === b.reason),
);
