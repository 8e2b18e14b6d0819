import { BodyLong, Box, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslation } from 'react-i18next';

/**
 * NAV suggested this activity: the citizen takes it on (→ Planned) or declines it (→ Cancelled,
 * asked first by the status dialog, with a reason only where the rules require one).
 */
export function SuggestionResponse({ onAccept, onDecline, busy }: { onAccept: () => void; onDecline: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Box as="section" padding="space-16" borderRadius="8" background="info-soft" aria-labelledby="suggestion-heading">
      <VStack gap="space-12">
        <Heading level="2" size="small" id="suggestion-heading">
          {t('activity:suggestion.heading')}
        </Heading>
        <BodyLong>{t('activity:suggestion.text')}</BodyLong>
        <HStack gap="space-12">
          <Button type="button" size="small" onClick={onAccept} loading={busy}>
            {t('activity:suggestion.accept')}
          </Button>
          <Button type="button" size="small" variant="secondary" onClick={onDecline} disabled={busy}>
            {t('activity:suggestion.decline')}
          </Button>
        </HStack>
      </VStack>
    </Box>
  );
}
