import { Chips, Label, VStack } from '@navikt/ds-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_GROUPS, FILTER_VALUES, type ChosenFilters, type FilterGroup } from './board-filters.ts';
import { filterValueLabel } from './filter-labels.ts';
import '@navikt/ds-css/dist/component/chips.css';

interface FiltersPanelProps {
  filters: ChosenFilters;
  onToggle: (group: FilterGroup, value: string) => void;
}

function FilterGroupChips({ group, chosen, onToggle }: { group: FilterGroup; chosen: string[]; onToggle: FiltersPanelProps['onToggle'] }) {
  const { t } = useTranslation(['board', 'domain']);
  const legendId = useId();
  return (
    <fieldset className="board-filters__group" aria-labelledby={legendId}>
      <Label as="legend" id={legendId} size="small" spacing>
        {t(`board:filters.group.${group}`)}
      </Label>
      <Chips size="small">
        {FILTER_VALUES[group].map((value) => (
          <Chips.Toggle key={value} selected={chosen.includes(value)} onClick={() => onToggle(group, value)}>
            {filterValueLabel(group, value, t)}
          </Chips.Toggle>
        ))}
      </Chips>
    </fieldset>
  );
}

/** The filter choices, loaded when the panel is first opened. The server does the filtering. */
export default function FiltersPanel({ filters, onToggle }: FiltersPanelProps) {
  return (
    <VStack gap="space-12">
      {FILTER_GROUPS.map((group) => (
        <FilterGroupChips key={group} group={group} chosen={filters[group]} onToggle={onToggle} />
      ))}
    </VStack>
  );
}
