import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { illustrationDimensions, type FenomeenbeeldView } from '../../../../shared/contract/fenomeenbeeld-view';
import { SelectField } from '../../components/SelectField';

type Illustration = FenomeenbeeldView['illustrations'][number];
type Dimension = (typeof illustrationDimensions)[number];

/** Shown at a time: a year brings thousands of summaries, the page stays light. */
const pageSize = 20;
const all = '*';

/**
 * The redacted summaries the team leads sent with their cells, each shown with its cell (the
 * cell's values and period, never a count), filterable by every dimension of the tables.
 */
export function IllustrationsSection({ illustrations }: { illustrations: Illustration[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Record<Dimension, string>>(
    () => Object.fromEntries(illustrationDimensions.map((d) => [d, all])) as Record<Dimension, string>,
  );
  const [shown, setShown] = useState(pageSize);
  const list = useRef<HTMLOListElement>(null);

  const options = useMemo(
    () =>
      Object.fromEntries(
        illustrationDimensions.map((d) => {
          const labels = new Map(illustrations.map((i) => [i.values[d], i.labels[d]]));
          const sorted = [...labels].sort((a, b) => a[1].localeCompare(b[1]));
          return [d, [{ id: all, label: t('fenomeenbeeld.illustrations.all') }, ...sorted.map(([id, label]) => ({ id, label }))]];
        }),
      ) as Record<Dimension, Array<{ id: string; label: string }>>,
    [illustrations, t],
  );
  const matching = illustrations.filter((i) => illustrationDimensions.every((d) => filter[d] === all || i.values[d] === filter[d]));

  const showMore = () => {
    const first = shown;
    setShown(shown + pageSize);
    // The first newly shown summary takes the focus, so the keyboard goes on where reading stopped.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('li')[first]?.focus());
  };

  return (
    <section aria-labelledby="fb-illustrations">
      <h2 id="fb-illustrations">{t('fenomeenbeeld.illustrations.title')}</h2>
      <p className="field-hint">{t('fenomeenbeeld.illustrations.intro')}</p>
      {illustrations.length === 0 ? (
        <p className="muted">{t('fenomeenbeeld.illustrations.none')}</p>
      ) : (
        <>
          <div className="filter-row">
            {illustrationDimensions.map((d) => (
              <SelectField
                key={d}
                label={t(`fenomeenbeeld.illustrations.dimensions.${d}`)}
                value={filter[d]}
                options={options[d]}
                onChange={(v) => (setFilter({ ...filter, [d]: v }), setShown(pageSize))}
              />
            ))}
          </div>
          <p role="status" className="muted" data-content="illustrations-count">
            {t('fenomeenbeeld.illustrations.count', { shown: Math.min(shown, matching.length), count: matching.length })}
          </p>
          <ol className="illustrations" ref={list} data-content="illustrations">
            {matching.slice(0, shown).map((i, n) => (
              <li key={n} tabIndex={-1}>
                <figure>
                  <blockquote>{i.text}</blockquote>
                  <figcaption>
                    {t('fenomeenbeeld.illustrations.cell', {
                      cell: illustrationDimensions.map((d) => i.labels[d]).join(' · '),
                      from: i.period.from,
                      to: i.period.to,
                    })}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ol>
          {matching.length > shown ? (
            <Button className="button" onPress={showMore}>
              {t('fenomeenbeeld.illustrations.more', { count: Math.min(pageSize, matching.length - shown) })}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
