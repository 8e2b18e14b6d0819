import { createContext, useContext } from 'react';

/**
 * Whose plan a page shows and as whom: the citizen's own plan (links from the site root) or a
 * person an advisor opened (links under /persons/:personId). Features build links with `base`.
 */
export interface PlanScope {
  personId: string;
  role: 'citizen' | 'advisor';
  /** '' for the citizen, '/persons/<id>' for an advisor. */
  base: string;
}

export const PlanScopeContext = createContext<PlanScope | null>(null);

export function usePlanScope(): PlanScope {
  const scope = useContext(PlanScopeContext);
  if (!scope) {
    throw new Error('usePlanScope outside a plan page');
  }
  return scope;
}
