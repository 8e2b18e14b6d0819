import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OfficeParams, OfficeSettingsInputSchema, OfficeSettingsSchema, WorkspaceQuerySchema, WorkspaceResultSchema } from '#common/schemas/workspace.ts';
import { requirePrincipal } from '#server/auth/plugin.ts';
import { ERROR_RESPONSES, SECURITY } from '#server/http/schemas.ts';
import type { WorkspaceService } from './workspace.service.ts';

export function workspaceRoutes(app: FastifyInstance, workspace: WorkspaceService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];

  r.post(
    '/api/workspace/persons',
    {
      schema: {
        tags,
        summary: "Advisor: my people or my office's people, with what needs attention, filters with counts, search and paging (the query in the body)",
        security: SECURITY,
        body: WorkspaceQuerySchema,
        response: { 200: WorkspaceResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => workspace.list(requirePrincipal(request), request.body),
  );

  r.get(
    '/api/offices/:officeId/settings',
    {
      schema: {
        tags,
        summary: "Advisor at the office: the office's settings (after how many days a person is going passive)",
        security: SECURITY,
        params: OfficeParams,
        response: { 200: OfficeSettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => workspace.officeSettings(requirePrincipal(request), request.params.officeId),
  );

  r.put(
    '/api/offices/:officeId/settings',
    {
      schema: {
        tags,
        summary: 'Advisor at the office: change after how many days without a change or message from the citizen a person is going passive (audited)',
        security: SECURITY,
        params: OfficeParams,
        body: OfficeSettingsInputSchema,
        response: { 200: OfficeSettingsSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => workspace.setOfficeSettings(requirePrincipal(request), request.params.officeId, request.body),
  );
}
