import { ACTIVITY_STATUSES, ACTIVITY_TYPES, APPLICATION_STATUSES } from '#common/activity-kinds.ts';
import type { PlanFilters } from '#web/lib/queries.ts';

/**
 * The board's period and filters live in the address (?period=…&type=…), so that going to a card
 * and back, or reloading, shows the same board. Unknown values are dropped, never sent.
 */
export type FilterGroup = 'type' | 'status' | 'agreed' | 'label';

export const FILTER_VALUES: Record<FilterGroup, readonly string[]> = {
  type: ACTIVITY_TYPES,
  status: ACTIVITY_STATUSES,
  agreed: ['true', 'false'],
  label: APPLICATION_STATUSES,
};

export const FILTER_GROUPS: readonly FilterGroup[] = ['type', 'status', 'agreed', 'label'];

/** The filters chosen (without the period), each group a list of values in catalogue order. */
export type ChosenFilters = Record<FilterGroup, string[]>;

export function readFilters(params: URLSearchParams): ChosenFilters {
  const pick = (group: FilterGroup) => FILTER_VALUES[group].filter((value) => params.getAll(group).includes(value));
  return { type: pick('type'), status: pick('status'), agreed: pick('agreed'), label: pick('label') };
}

export function hasFilters(filters: ChosenFilters): boolean {
  return FILTER_GROUPS.some((group) => filters[group].length > 0);
}

/** What the server is asked for. Both "agreed" and "not agreed" chosen is the same as neither. */
export function toPlanFilters(filters: ChosenFilters, periodId: string | null): PlanFilters {
  const result: PlanFilters = {};
  if (periodId) {
    result.periodId = periodId;
  }
  if (filters.type.length > 0) {
    result.type = filters.type;
  }
  if (filters.status.length > 0) {
    result.status = filters.status;
  }
  if (filters.agreed.length === 1) {
    result.agreed = filters.agreed[0] as 'true' | 'false';
  }
  if (filters.label.length > 0) {
    result.label = filters.label;
  }
  return result;
}

/** The address with one filter value switched on or off. */
export function toggleFilter(params: URLSearchParams, group: FilterGroup, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(group);
  next.delete(group);
  const chosen = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  for (const v of chosen) {
    next.append(group, v);
  }
  return next;
}

export function clearFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const group of FILTER_GROUPS) {
    next.delete(group);
  }
  return next;
}
