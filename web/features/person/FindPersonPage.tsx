import { Alert, BodyLong, BodyShort, Box, Heading, Link, Search, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { PersonSearchResult } from '#common/schemas/person.ts';
import { ApiErrorAlert } from '#web/components/ApiErrorAlert.tsx';
import { api, ApiError } from '#web/lib/api-client.ts';
import { useDocumentTitle } from '#web/lib/document-title.ts';
import { useMe } from '#web/lib/queries.ts';
import { formatNationalId } from './format.ts';

/** The server's bounds for a query (common/schemas/person.ts), mirrored so the advisor hears them at once. */
const MIN_QUERY = 2;
const MAX_QUERY = 100;

type FieldError = 'tooShort' | 'tooLong' | 'invalidNationalId' | 'invalid';

function checkQuery(query: string): FieldError | null {
  if (query.length < MIN_QUERY) {
    return 'tooShort';
  }
  return query.length > MAX_QUERY ? 'tooLong' : null;
}

/** A field problem the server named, said in the advisor's language (never the server's English). */
function serverFieldError(error: unknown, query: string): FieldError | null {
  if (!(error instanceof ApiError) || !error.issues.some((issue) => issue.field === 'body.query')) {
    return null;
  }
  return /^\d{11}$/.test(query) ? 'invalidNationalId' : (checkQuery(query) ?? 'invalid');
}

/**
 * The advisor's front page: find a person by national id or name among those they may reach.
 * The query goes in a POST body and lives only in this component's state: never in the URL,
 * the browser's history or storage.
 */
export default function FindPersonPage() {
  const { t } = useTranslation(['person']);
  useDocumentTitle(t('person:find.title'));
  const me = useMe();
  const [query, setQuery] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const searched = useRef('');
  const fieldRef = useRef<HTMLInputElement>(null);
  const search = useMutation({
    mutationFn: (text: string) => api.post<PersonSearchResult>('/api/persons/search', { query: text }),
    onError: (error, text) => {
      const problem = serverFieldError(error, text);
      if (problem) {
        setFieldError(problem);
        fieldRef.current?.focus();
      }
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = query.trim();
    const problem = checkQuery(text);
    setFieldError(problem);
    if (problem) {
      search.reset();
      fieldRef.current?.focus();
      return;
    }
    searched.current = text;
    search.mutate(text);
  }

  const offices = me.data?.role === 'advisor' ? me.data.offices.map((o) => o.name ?? o.id).join(', ') : '';
  const otherError = search.isError && !fieldError ? search.error : null;

  return (
    <VStack gap="space-24" style={{ maxWidth: '48rem' }}>
      <VStack gap="space-8">
        <Heading level="1" size="large">
          {t('person:find.title')}
        </Heading>
        <BodyLong>{offices ? t('person:find.intro', { offices }) : t('person:find.introNoOffices')}</BodyLong>
      </VStack>

      <form role="search" method="post" onSubmit={submit} noValidate>
        <Search
          // Aksel types the ref as its wrapper, but hands it to the input: focus goes there on an error.
          ref={fieldRef as unknown as Ref<HTMLDivElement>}
          label={t('person:find.label')}
          description={t('person:find.description')}
          hideLabel={false}
          variant="primary"
          value={query}
          onChange={(value) => {
            setQuery(value);
            if (fieldError) {
              setFieldError(null);
            }
          }}
          clearButtonLabel={t('person:find.clear')}
          error={fieldError ? t(`person:find.errors.${fieldError}`, { min: MIN_QUERY, max: MAX_QUERY }) : undefined}
          autoComplete="off"
          spellCheck={false}
          name="query"
        >
          <Search.Button loading={search.isPending}>{t('person:find.submit')}</Search.Button>
        </Search>
      </form>

      {otherError ? <ApiErrorAlert error={otherError} /> : null}
      <Results result={search.isSuccess ? search.data : null} query={searched.current} />
    </VStack>
  );
}

function Results({ result, query }: { result: PersonSearchResult | null; query: string }) {
  const { t } = useTranslation(['person']);
  const count = result?.persons.length ?? 0;
  return (
    <section aria-labelledby={result ? 'find-results-heading' : undefined}>
      {/* The live region is always present, so the count is read out when a search finishes. */}
      <div role="status">
        {result ? (
          <VStack gap="space-16">
            <Heading id="find-results-heading" level="2" size="medium">
              {t('person:find.results.heading')}
            </Heading>
            {count === 0 ? (
              <Alert variant="info" size="small">
                {t('person:find.results.none', { query })}
              </Alert>
            ) : (
              <BodyShort>{result.truncated ? t('person:find.results.countTruncated', { count }) : t('person:find.results.count', { count })}</BodyShort>
            )}
            {result.truncated ? (
              <Alert variant="warning" size="small">
                {t('person:find.results.truncated', { count })}
              </Alert>
            ) : null}
          </VStack>
        ) : null}
      </div>
      {count > 0 && result ? (
        <Box as="ul" marginBlock="space-16 space-0" padding="space-0" style={{ listStyle: 'none' }}>
          {result.persons.map((person) => (
            <Box as="li" key={person.id} paddingBlock="space-12" borderWidth="0 0 1 0" borderColor="neutral-subtle">
              <VStack gap="space-4">
                <Link as={RouterLink} to={`/persons/${person.id}`}>
                  <BodyShort as="span" weight="semibold">
                    {person.givenName} {person.familyName}
                  </BodyShort>
                </Link>
                <BodyShort size="small">{t('person:find.results.nationalId', { nationalId: formatNationalId(person.nationalId) })}</BodyShort>
                <BodyShort size="small">{person.office.name ?? person.office.id}</BodyShort>
              </VStack>
            </Box>
          ))}
        </Box>
      ) : null}
    </section>
  );
}
