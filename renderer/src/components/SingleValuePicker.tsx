import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, FieldError, Input, Label, ListBox, Popover } from 'react-aria-components';
import type { ValueView } from '../stores/taxonomy-store';
import { TaxonomyOption } from './TaxonomyOption';

interface Props {
  label: string;
  values: ValueView[];
  /** The chosen value's code (not the whole tag). */
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}

/** A searchable choice of one taxonomy value by its code, with each value's definition shown. */
export function SingleValuePicker({ label, values, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const current = values.find((v) => v.value === value);
  const [input, setInput] = useState(current?.label ?? '');
  const needle = input.trim().toLowerCase();
  const items = values.filter(
    (v) => needle === '' || needle === current?.label.toLowerCase() || v.label.toLowerCase().includes(needle) || v.value.includes(needle),
  );
  return (
    <ComboBox
      className="field"
      inputValue={input}
      onInputChange={setInput}
      value={current ? current.value : null}
      onChange={(key) => {
        const picked = values.find((v) => v.value === key);
        if (!picked) return;
        onChange(picked.value);
        setInput(picked.label);
      }}
      items={items}
      menuTrigger="input"
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <div className="combo">
        <Input className="field-input" />
        <Button className="combo-button" aria-label={t('tags.showAll', { dimension: label })}>
          <span className="chevron" aria-hidden="true" />
        </Button>
      </div>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">{(v: ValueView) => <TaxonomyOption id={v.value} value={v} />}</ListBox>
      </Popover>
    </ComboBox>
  );
}
