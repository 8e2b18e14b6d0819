import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DraftInputSchema,
  DraftSchema,
  EscalationStartSchema,
  EscalationStopSchema,
  EscalationWarningSchema,
  NewMessageSchema,
  NewThreadSchema,
  SentSchema,
  ThreadListQuerySchema,
  ThreadListSchema,
  ThreadSchema,
  ThreadStatusSchema,
  UnreadCountSchema,
} from '#common/schemas/dialog.ts';
import { Uuid } from '#common/schemas/primitives.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { DialogService } from './dialog.service.ts';

const ThreadParams = z.object({ threadId: Uuid }).strict();
const WarningParams = z.object({ warningId: Uuid }).strict();

export function dialogRoutes(app: FastifyInstance, dialog: DialogService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['dialog'];
  const { threads, drafts, escalations } = dialog;

  r.get(
    '/api/persons/:personId/threads',
    {
      schema: {
        tags,
        summary: 'The conversations of a period (the current one unless periodId is given), newest first, and whether the caller may send',
        security: SECURITY,
        params: PersonParams,
        querystring: ThreadListQuerySchema,
        response: { 200: ThreadListSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => threads.list(requirePrincipal(request), request.params.personId, request.query.periodId),
  );

  r.get(
    '/api/persons/:personId/threads/unread',
    {
      schema: {
        tags,
        summary: "How many conversations of the current period have something the caller's side has not read",
        security: SECURITY,
        params: PersonParams,
        response: { 200: UnreadCountSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => threads.unreadThreads(requirePrincipal(request), request.params.personId),
  );

  r.post(
    '/api/persons/:personId/threads',
    {
      schema: {
        tags,
        summary: 'Start a conversation with its first message (about an activity that has one already: the message is added to it)',
        security: SECURITY,
        params: PersonParams,
        body: NewThreadSchema,
        response: { 201: SentSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await threads.create(requirePrincipal(request), request.params.personId, request.body)),
  );

  r.get(
    '/api/threads/:threadId',
    {
      schema: { tags, summary: 'A conversation with its messages, oldest first', security: SECURITY, params: ThreadParams, response: { 200: ThreadSchema, ...ERROR_RESPONSES } },
    },
    async (request) => threads.get(requirePrincipal(request), request.params.threadId),
  );

  r.post(
    '/api/threads/:threadId/messages',
    {
      schema: { tags, summary: 'Send a message in a conversation', security: SECURITY, params: ThreadParams, body: NewMessageSchema, response: { 201: SentSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => reply.code(201).send(await threads.send(requirePrincipal(request), request.params.threadId, request.body)),
  );

  r.post(
    '/api/threads/:threadId/read',
    {
      schema: { tags, summary: "Mark the conversation as read by the caller's side", security: SECURITY, params: ThreadParams, response: { 204: z.null(), ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      await threads.markRead(requirePrincipal(request), request.params.threadId);
      return reply.code(204).send(null);
    },
  );

  r.put(
    '/api/threads/:threadId/status',
    {
      schema: {
        tags,
        summary: 'Set or clear "awaiting NAV" (clearing it marks the conversation handled) and "awaiting the citizen" (advisor)',
        security: SECURITY,
        params: ThreadParams,
        body: ThreadStatusSchema,
        response: { 200: ThreadSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => threads.setStatus(requirePrincipal(request), request.params.threadId, request.body),
  );

  r.get(
    '/api/persons/:personId/drafts',
    {
      schema: {
        tags,
        summary: "The caller's own unsent drafts for the person (current period, changed within 24 hours)",
        security: SECURITY,
        params: PersonParams,
        response: { 200: z.array(DraftSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => drafts.list(requirePrincipal(request), request.params.personId),
  );

  r.put(
    '/api/persons/:personId/drafts',
    {
      schema: {
        tags,
        summary: "Save the caller's draft for a conversation, a first message about an activity, or a new conversation (empty text removes it)",
        security: SECURITY,
        params: PersonParams,
        body: DraftInputSchema,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await drafts.save(requirePrincipal(request), request.params.personId, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/persons/:personId/escalation-warnings',
    {
      schema: {
        tags,
        summary: 'Give an escalation warning: a marked conversation with an important message and its own notification (advisor)',
        security: SECURITY,
        params: PersonParams,
        body: EscalationStartSchema,
        response: { 201: EscalationWarningSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await escalations.start(requirePrincipal(request), request.params.personId, request.body)),
  );

  r.get(
    '/api/persons/:personId/escalation-warnings',
    {
      schema: {
        tags,
        summary: "The person's escalation warnings, newest first (advisor)",
        security: SECURITY,
        params: PersonParams,
        response: { 200: z.array(EscalationWarningSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => escalations.list(requirePrincipal(request), request.params.personId),
  );

  r.post(
    '/api/escalation-warnings/:warningId/stop',
    {
      schema: {
        tags,
        summary: 'Stop an escalation warning, with an optional closing message in its conversation (advisor)',
        security: SECURITY,
        params: WarningParams,
        body: EscalationStopSchema,
        response: { 200: EscalationWarningSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => escalations.stop(requirePrincipal(request), request.params.warningId, request.body),
  );
}
