import { useTranslation } from 'react-i18next';
import { formatDateTime, isLanguage } from '#common/i18n/languages.ts';
import type { Goal } from '#common/schemas/plan.ts';

/** "Written by you / NAV / the person, <when>", worded for the reader's side. */
export function GoalChangedBy({ role, changedAt, changedBy }: { role: 'citizen' | 'advisor'; changedAt: string; changedBy: Goal['changedBy'] }) {
  const { t, i18n } = useTranslation('goal');
  const when = formatDateTime(isLanguage(i18n.language) ? i18n.language : 'nb', changedAt);
  if (changedBy.role === 'CITIZEN') {
    return <>{t(role === 'citizen' ? 'goal:changedBy.self' : 'goal:changedBy.citizen', { when })}</>;
  }
  if (changedBy.ident) {
    return <>{t('goal:changedBy.navIdent', { when, ident: changedBy.ident })}</>;
  }
  return <>{t('goal:changedBy.nav', { when })}</>;
}
