import type { Period } from '#common/schemas/plan.ts';
import type { PeriodRow } from './period.repository.ts';

export function presentPeriod(row: { id: string; startedAt: Date | string; endedAt: Date | string | null }): Period {
  return {
    id: row.id,
    startedAt: new Date(row.startedAt).toISOString(),
    endedAt: row.endedAt === null ? null : new Date(row.endedAt).toISOString(),
    current: row.endedAt === null,
  };
}

export const presentPeriods = (rows: PeriodRow[]): Period[] => rows.map(presentPeriod);
