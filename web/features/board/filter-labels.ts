import type { TFunction } from 'i18next';
import { FILTER_GROUPS, type ChosenFilters, type FilterGroup } from './board-filters.ts';

/** The words for one filter value, from the domain catalogue where the value is a domain term. */
export function filterValueLabel(group: FilterGroup, value: string, t: TFunction): string {
  switch (group) {
    case 'type':
      return t(`domain:activityType.${value}`);
    case 'status':
      return t(`domain:status.${value}`);
    case 'label':
      return t(`domain:applicationStatus.${value}`);
    case 'agreed':
      return t(value === 'true' ? 'board:filters.agreedYes' : 'board:filters.agreedNo');
  }
}

/** "Job application or Current job, Agreed with NAV": or within a group, and between groups. */
export function describeFilters(filters: ChosenFilters, t: TFunction): string {
  return FILTER_GROUPS.filter((group) => filters[group].length > 0)
    .map((group) => filters[group].map((value) => filterValueLabel(group, value, t)).join(t('board:filters.or')))
    .join(t('board:filters.and'));
}
