import { ListBoxItem, Text } from 'react-aria-components';
import type { ValueView } from '../stores/taxonomy-store';

/** A taxonomy value in a picker's list: its label, and its one-sentence definition beneath. */
export function TaxonomyOption({ id, value }: { id: string; value: ValueView }) {
  return (
    <ListBoxItem id={id} textValue={value.label} className="option">
      <Text slot="label" className="option-label">
        {value.label}
      </Text>
      <Text slot="description" className="option-description">
        {value.definition}
      </Text>
    </ListBoxItem>
  );
}
