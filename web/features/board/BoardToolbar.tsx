import { FilterIcon, PlusIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Button, HStack, Loader } from '@navikt/ds-react';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Plan } from '#common/schemas/plan.ts';
import { hasFilters, type ChosenFilters, type FilterGroup } from './board-filters.ts';
import { describeFilters } from './filter-labels.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

const FiltersPanel = lazy(() => import('./FiltersPanel.tsx'));

interface BoardToolbarProps {
  plan: Plan | undefined;
  base: string;
  filters: ChosenFilters;
  onToggleFilter: (group: FilterGroup, value: string) => void;
  onClearFilters: () => void;
  onChoosePeriod: (periodId: string) => void;
}

/** "Add activity", the filters (panel and the line saying what is filtered) and the period picker. */
export function BoardToolbar({ plan, base, filters, onToggleFilter, onClearFilters, onChoosePeriod }: BoardToolbarProps) {
  const { t } = useTranslation(['board', 'domain']);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const filtered = hasFilters(filters);
  const toggleRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="board-toolbar">
      <HStack gap="space-12" align="end" wrap>
        {plan?.writable ? (
          <Button as={RouterLink} to={`${base}/activities/new`} icon={<PlusIcon aria-hidden />} data-testid="add-activity">
            {t('board:add')}
          </Button>
        ) : null}
        <Button ref={toggleRef} variant="secondary" icon={<FilterIcon aria-hidden />} aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => setOpen((v) => !v)}>
          {t('board:filters.toggle')}
        </Button>
        {plan ? <PeriodPicker plan={plan} onChoose={onChoosePeriod} /> : null}
      </HStack>
      {open ? (
        <Box id={panelId} className="board-filters" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <Suspense fallback={<Loader size="small" title={t('board:filters.loading')} />}>
            <FiltersPanel filters={filters} onToggle={onToggleFilter} />
          </Suspense>
        </Box>
      ) : null}
      <div role="status" className="board-filters__summary">
        {filtered ? (
          <HStack gap="space-8" align="center" wrap>
            <BodyShort data-testid="filter-summary">{t('board:filters.showing', { filters: describeFilters(filters, t) })}</BodyShort>
            <Button
              variant="tertiary"
              size="small"
              onClick={() => {
                onClearFilters();
                // The button goes away with the filters; focus stays near, on "Filter".
                toggleRef.current?.focus();
              }}
            >
              {t('board:filters.clear')}
            </Button>
          </HStack>
        ) : null}
      </div>
    </div>
  );
}
