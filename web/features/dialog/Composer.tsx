import { Alert, BodyShort, Button, HStack, Textarea, VStack } from '@navikt/ds-react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '#common/limits.ts';
import type { Sent } from '#common/schemas/dialog.ts';
import { errorTextKey } from '#web/components/ApiErrorAlert.tsx';
import { ApiError } from '#web/lib/api-client.ts';
import { useSendMessage } from './dialog-api.ts';
import { sendFailureKey } from './send-failure.ts';
import { useDraft } from './use-draft.ts';

interface Props {
  personId: string;
  threadId: string;
  role: 'citizen' | 'advisor';
  onSent: (sent: Sent) => void;
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends, as in most chat and mail programs. */
export const isSendShortcut = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

/**
 * The answer box of a thread: a labelled textarea (at most 5,000 characters, with Aksel's counter),
 * a send button and Ctrl/Cmd+Enter. What is typed is kept on the server as a draft while typing.
 */
export function Composer({ personId, threadId, role, onSent }: Props) {
  const { t } = useTranslation(['dialog', 'app']);
  const send = useSendMessage(personId, threadId);
  const draft = useDraft(personId, { threadId, activityId: null });
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  // The saved draft comes back once, when the drafts have been read, unless the person has started typing.
  const savedText = draft.saved?.text;
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !draft.loaded) {
      return;
    }
    restored.current = true;
    if (!touched && savedText) {
      setText(savedText);
    }
  }, [draft.loaded, savedText, touched]);

  const check = (value: string) => {
    if (value.trim() === '') {
      return t('dialog:composer.empty');
    }
    return value.length > LIMITS.message ? t('dialog:composer.tooLong', { max: LIMITS.message, count: value.length }) : null;
  };

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (send.isPending) {
      return;
    }
    const problem = check(text);
    setFieldError(problem);
    setFailure(null);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    await draft.settle();
    try {
      const sent = await send.mutateAsync(text.trim());
      setText('');
      setTouched(false);
      draft.forget();
      onSent(sent);
      fieldRef.current?.focus();
    } catch (error) {
      setFailure(error);
      setTimeout(() => failureRef.current?.focus(), 0);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="dialog-composer" data-testid="dialog-composer">
      <VStack gap="space-8">
        <Textarea
          ref={fieldRef}
          id={fieldId}
          label={t(`dialog:composer.label.${role}`)}
          description={t('dialog:composer.shortcut')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setTouched(true);
            draft.schedule(event.target.value);
            if (fieldError) {
              setFieldError(check(event.target.value));
            }
          }}
          onKeyDown={(event) => {
            if (isSendShortcut(event)) {
              event.preventDefault();
              void submit();
            }
          }}
          maxLength={LIMITS.message}
          minRows={3}
          maxRows={12}
          resize="vertical"
          error={fieldError ?? undefined}
        />
        {failure ? (
          <Alert variant="error" role="alert" ref={failureRef} tabIndex={-1} size="small">
            {t(failure instanceof ApiError ? sendFailureKey(failure, role) ?? errorTextKey(failure) : errorTextKey(failure))}
          </Alert>
        ) : null}
        <HStack gap="space-16" align="center" wrap>
          <Button type="submit" loading={send.isPending}>
            {t('dialog:composer.send')}
          </Button>
          <BodyShort size="small" textColor="subtle" role="status" data-testid="draft-status">
            {draft.status === 'saved' ? t('dialog:draft.saved') : draft.status === 'failed' ? t('dialog:draft.failed') : ''}
          </BodyShort>
        </HStack>
      </VStack>
    </form>
  );
}
