import { memo } from 'react';
import { TagPicker } from '../../components/TagPicker';
import type { PredicateView } from '../../stores/taxonomy-store';

interface TagsProps {
  predicates: PredicateView[];
  selected: string[];
  isDisabled: boolean;
  onChange: (tags: string[]) => void;
}

/**
 * The signal's tag pickers. They are the page's costliest part to render, and a keystroke in the
 * summary or its autosave changes none of their props, so they render again only when the tags
 * (by content: a save returns a new list of the same tags), the dimensions or editability change.
 */
export const SignalTags = memo(
  function SignalTags({ predicates, selected, isDisabled, onChange }: TagsProps) {
    return (
      <div className="tag-grid">
        {predicates.map((p) => (
          <TagPicker key={p.key} predicate={p} selected={selected} onChange={onChange} isDisabled={isDisabled} />
        ))}
      </div>
    );
  },
  (a, b) =>
    a.predicates === b.predicates &&
    a.isDisabled === b.isDisabled &&
    a.onChange === b.onChange &&
    a.selected.length === b.selected.length &&
    a.selected.every((tag, i) => tag === b.selected[i]),
);
