import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityCreateSchema,
  ActivityDetailSchema,
  ActivityEditSchema,
  ActivitySchema,
  AgreementOptionsSchema,
  AgreementSchema,
  ApplicationStatusChangeSchema,
  EndDateChangeSchema,
  StatusChangeSchema,
  SummarySchema,
  VersionOnlySchema,
} from '#common/schemas/activity.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { requestLanguage } from '#server/http/language.ts';
import { ActivityParams, ERROR_RESPONSES, PersonParams, SECURITY } from '#server/http/schemas.ts';
import type { ActivityService } from './activity.service.ts';
import type { AgreementService } from './agreement.service.ts';

const ok = { 200: ActivitySchema, ...ERROR_RESPONSES };

export function activityRoutes(app: FastifyInstance, activities: ActivityService, agreements: AgreementService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['activities'];
  const write = <B extends z.ZodType>(summary: string, body: B) => ({ schema: { tags, summary, security: SECURITY, params: ActivityParams, body, response: ok } });

  r.post(
    '/api/persons/:personId/activities',
    {
      schema: {
        tags,
        summary: 'Add an activity to the current plan',
        security: SECURITY,
        params: PersonParams,
        body: ActivityCreateSchema,
        response: { 201: ActivitySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(await activities.create(requirePrincipal(request), request.params.personId, request.body)),
  );

  r.get(
    '/api/activities/:activityId',
    { schema: { tags, summary: 'An activity with its history told for the caller', security: SECURITY, params: ActivityParams, response: { 200: ActivityDetailSchema, ...ERROR_RESPONSES } } },
    async (request) => activities.get(requirePrincipal(request), request.params.activityId, requestLanguage(request)),
  );

  r.put('/api/activities/:activityId', write('Edit the content (a full replacement)', ActivityEditSchema), async (request) =>
    activities.edit(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.put('/api/activities/:activityId/end-date', write('Change the end date of an agreed activity', EndDateChangeSchema), async (request) =>
    activities.changeEndDate(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.put('/api/activities/:activityId/status', write('Move the activity to another status', StatusChangeSchema), async (request) =>
    activities.changeStatus(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.put(
    '/api/activities/:activityId/application-status',
    write("Set a job application's status", ApplicationStatusChangeSchema),
    async (request) =>
      activities.changeApplicationStatus(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.get(
    '/api/activities/:activityId/agreement-options',
    { schema: { tags, summary: 'Which advance notices may be given now, and why not (advisor)', security: SECURITY, params: ActivityParams, response: { 200: AgreementOptionsSchema, ...ERROR_RESPONSES } } },
    async (request) => agreements.options(requirePrincipal(request), request.params.activityId),
  );

  r.put('/api/activities/:activityId/agreement', write('Mark as agreed with NAV, with the advance notice (advisor)', AgreementSchema), async (request) =>
    agreements.agree(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.post(
    '/api/activities/:activityId/advance-notice/confirmation',
    write('Confirm having read the advance notice (citizen)', VersionOnlySchema),
    async (request) => agreements.confirmNoticeRead(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.put('/api/activities/:activityId/summary', write('Write or share the summary of a meeting or conversation (advisor)', SummarySchema), async (request) =>
    agreements.saveSummary(requirePrincipal(request), request.params.activityId, request.body),
  );

  r.post(
    '/api/activities/:activityId/read',
    { schema: { tags, summary: "Mark as read by the caller's side", security: SECURITY, params: ActivityParams, body: VersionOnlySchema, response: { 204: z.null(), ...ERROR_RESPONSES } } },
    async (request, reply) => {
      await activities.markRead(requirePrincipal(request), request.params.activityId, request.body.version);
      return reply.code(204).send(null);
    },
  );
}
