import { z } from 'zod';
import { ExternalSubtype } from './activity-enums.ts';

/**
 * A card from another system (reference frontend-aktivitetsplan.md §4.10), kept in the activity's
 * details. Read-only here; for now only demo data fills it, a later issue brings its producers.
 */
const Task = z.object({ text: z.string().max(255), subtext: z.string().max(255).nullable(), url: z.string().url() });

export const ExternalDetailsSchema = z.object({
  subtype: ExternalSubtype,
  /** What the person is asked to do: `external` is shown to the citizen, `internal` to NAV. */
  task: z.object({ external: Task.nullable(), internal: Task.nullable() }).nullable(),
  /** Links: EXTERNAL for the citizen only, INTERNAL for NAV only, SHARED for both. */
  actions: z.array(
    z.object({ url: z.string().url(), text: z.string().max(255), subtext: z.string().max(255).nullable(), linkType: z.enum(['EXTERNAL', 'INTERNAL', 'SHARED']) }),
  ),
  /** Label/value pairs shown under the dates. */
  facts: z.array(z.object({ label: z.string().max(255), value: z.string().max(1000) })),
  labels: z.array(z.object({ text: z.string().max(100), sentiment: z.enum(['POSITIVE', 'NEUTRAL', 'NEGATIVE']), code: z.string().max(50).nullable() })),
});
export type ExternalDetails = z.infer<typeof ExternalDetailsSchema>;
