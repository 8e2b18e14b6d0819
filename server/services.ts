import type { AppDeps } from './app.ts';

/** Every feature service, constructed once per app from its dependencies. */
export interface Services {
  deps: AppDeps;
}

export function createServices(deps: AppDeps): Services {
  return { deps };
}
