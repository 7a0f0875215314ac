import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

interface Props<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<{ id: T; label: string }>;
  onChange: (value: T) => void;
  className?: string;
}

/** A labelled choice from a short fixed list (React Aria Select: keyboard and screen reader ready). */
export function SelectField<T extends string>({ label, value, options, onChange, className = 'field' }: Props<T>) {
  return (
    <Select className={className} value={value} onChange={(key) => key !== null && onChange(key as T)}>
      <Label className="field-label">{label}</Label>
      <Button className="field-input select-button">
        <SelectValue />
        <span className="chevron" aria-hidden="true" />
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="option">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
