import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Header, Input, Label, ListBox, ListBoxSection, Popover, Tag, TagGroup, TagList, Text, type Key } from 'react-aria-components';
import type { PredicateView, ValueView } from '../stores/taxonomy-store';
import { useCaptureMemory } from '../stores/capture-memory-store';
import { TaxonomyOption } from './TaxonomyOption';

interface Props {
  predicate: PredicateView;
  selected: string[];
  onChange: (tags: string[]) => void;
  isDisabled?: boolean;
}

/**
 * A searchable, keyboard-operable picker for the values of one taxonomy dimension: type to filter
 * (label, code or definition), the definition shows under each option, recent choices come first.
 * An exclusive dimension holds one value; otherwise chosen values collect as removable tags.
 */
export function TagPicker({ predicate, selected, onChange, isDisabled }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const byTag = useMemo(() => new Map(predicate.values.map((v) => [v.tag, v])), [predicate]);
  const chosen = selected.filter((tag) => byTag.has(tag));
  const recentTags = useCaptureMemory((s) => s.memory?.recentTags[predicate.key]);
  const loadMemory = useCaptureMemory((s) => s.load);
  const rememberTag = useCaptureMemory((s) => s.rememberTag);
  useEffect(() => void loadMemory(), [loadMemory]);
  const recent = (recentTags ?? []).filter((tag) => byTag.has(tag) && !chosen.includes(tag));
  const needle = input.trim().toLowerCase();
  const matches = (v: ValueView) =>
    needle === '' || v.label.toLowerCase().includes(needle) || v.value.toLowerCase().includes(needle) || v.definition.toLowerCase().includes(needle);
  const available = predicate.values.filter((v) => !chosen.includes(v.tag) && matches(v));
  const recentItems = available.filter((v) => recent.includes(v.tag));
  const otherItems = available.filter((v) => !recent.includes(v.tag));

  const pick = (key: Key | null) => {
    if (key === null) return;
    const tag = String(key);
    void rememberTag(predicate.key, tag);
    const others = selected.filter((s) => (predicate.exclusive ? !byTag.has(s) : s !== tag));
    onChange([...others, tag]);
    setInput('');
  };
  const remove = (keys: Set<Key>) => onChange(selected.filter((s) => !keys.has(s)));

  const option = (v: ValueView) => <TaxonomyOption key={v.tag} id={v.tag} value={v} />;

  return (
    <div className="tag-picker">
      <ComboBox
        className="field"
        inputValue={input}
        onInputChange={setInput}
        value={null}
        onChange={pick}
        menuTrigger="input"
        isDisabled={isDisabled ?? false}
        allowsEmptyCollection
      >
        <Label className="field-label">{predicate.label}</Label>
        <div className="combo">
          <Input className="field-input" placeholder={t('tags.search')} />
          <Button className="combo-button" aria-label={t('tags.showAll', { dimension: predicate.label })}>
            <span className="chevron" aria-hidden="true" />
          </Button>
        </div>
        <Text slot="description" className="field-hint">
          {predicate.definition}
        </Text>
        <Popover className="popover">
          <ListBox className="listbox" renderEmptyState={() => <p className="muted">{t('tags.none')}</p>}>
            {recentItems.length > 0 ? (
              <ListBoxSection>
                <Header className="listbox-header">{t('tags.recent')}</Header>
                {recentItems.map(option)}
              </ListBoxSection>
            ) : null}
            {otherItems.length > 0 ? <ListBoxSection>{otherItems.map(option)}</ListBoxSection> : null}
          </ListBox>
        </Popover>
      </ComboBox>
      {chosen.length > 0 ? (
        <TagGroup className="tag-group" aria-label={t('tags.chosen', { dimension: predicate.label })} onRemove={remove}>
          <TagList className="tag-list">
            {chosen.map((tag) => (
              <Tag key={tag} id={tag} textValue={byTag.get(tag)!.label} className="tag">
                {byTag.get(tag)!.label}
                <Button slot="remove" className="tag-remove" aria-label={t('tags.remove', { value: byTag.get(tag)!.label })} />
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      ) : null}
    </div>
  );
}
