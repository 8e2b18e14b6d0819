import { AppError, validationError } from '#common/errors.ts';
import { translate } from '#common/i18n/catalogue.ts';
import type { Activity, AgreementInput, AgreementOptions, SummaryInput, VersionOnlyInput } from '#common/schemas/activity.ts';
import { osloDate } from '#common/time.ts';
import type { Principal } from '#server/auth/principal.ts';
import type { PersonState } from '#server/features/person/person.service.ts';
import { appendEvent } from '#server/outbox/outbox.repository.ts';
import { seesActivity, writeActivity, type ActivityDeps } from './activity.context.ts';
import { visibleTo } from './activity.presenter.ts';
import * as repo from './activity.repository.ts';
import { auditRead } from '#server/features/audit/audit.service.ts';
import { requireAdvisor } from '#server/policy/access-policy.ts';
import { allowedAdvanceNotices, assertMayAgree, assertMaySaveSummary, summaryShared, type NotNotifiableReason } from './activity.rules.ts';

const LEGAL_BASIS = { STANDARD: 'ACTIVITY_DUTY', AAP_11_9: 'FTRL_11_9', NONE: null } as const;

/**
 * "Agreed with NAV", the advance notice and its read confirmation, and meeting / conversation
 * summaries: the parts of an activity that only one side may do.
 */
export function createAgreementService(deps: ActivityDeps) {
  const { db, clock, persons } = deps;

  /** Why this person cannot be notified digitally now (empty when they can). */
  async function notNotifiable(person: PersonState): Promise<NotNotifiableReason[]> {
    const reasons: NotNotifiableReason[] = [];
    if (person.manualFollowUp) {
      reasons.push('MANUAL_FOLLOW_UP');
    }
    if (person.kvpOfficeId) {
      reasons.push('IN_KVP');
    }
    const contact = await persons.contactStatus(person.nationalId);
    if (!contact.available) {
      reasons.push('CONTACT_REGISTER_UNAVAILABLE');
    } else if (!contact.registered) {
      reasons.push('NOT_IN_CONTACT_REGISTER');
    } else if (contact.reserved) {
      reasons.push('RESERVED');
    } else if (contact.outdated) {
      reasons.push('CONTACT_DETAILS_OUTDATED');
    }
    return reasons;
  }


  return {
    async options(principal: Principal, activityId: string): Promise<AgreementOptions> {
      const row = await repo.getById(db, activityId);
      if (!row) {
        throw new AppError('not_found', 'No such activity');
      }
      const person = await persons.resolve(principal, row.personId, auditRead('AGREEMENT'));
      if (!seesActivity(principal, row)) {
        throw new AppError('not_found', 'No such activity');
      }
      requireAdvisor(principal, 'marks activities as agreed');
      const { allowed, reasons } = allowedAdvanceNotices(row, osloDate(clock.now()), await notNotifiable(person));
      return {
        allowed,
        reasons,
        standardText: translate(person.language, 'advanceNotice.standardText'),
        aapTemplate: translate(person.language, 'advanceNotice.aapTemplate'),
        language: person.language,
      };
    },

    async agree(principal: Principal, activityId: string, input: AgreementInput): Promise<Activity> {
      // The contact register is asked before the transaction: no HTTP call while rows are locked.
      const preview = await repo.getById(db, activityId);
      if (!preview) {
        throw new AppError('not_found', 'No such activity');
      }
      const reasons = await notNotifiable(await persons.resolve(principal, preview.personId, null));
      requireAdvisor(principal, 'marks activities as agreed');
      const { type } = input.advanceNotice;
      if (type === 'AAP_11_9' && !input.advanceNotice.text) {
        throw validationError('body.advanceNotice.text', 'is required for an AAP § 11-9 notice');
      }
      if (type !== 'AAP_11_9' && input.advanceNotice.text) {
        throw validationError('body.advanceNotice.text', 'is only written for an AAP § 11-9 notice');
      }
      return writeActivity(deps, principal, activityId, input.version, (current, person) => {
        assertMayAgree(current);
        const { allowed, reasons: why } = allowedAdvanceNotices(current, osloDate(clock.now()), reasons);
        if (!allowed.includes(type)) {
          throw new AppError('conflict', 'This advance notice cannot be given now; choose NONE', { field: 'body.advanceNotice.type', reasons: why });
        }
        const now = clock.now();
        const text = type === 'STANDARD' ? translate(person.language, 'advanceNotice.standardText') : (input.advanceNotice.text ?? null);
        const notice = {
          type,
          legalBasis: LEGAL_BASIS[type],
          text,
          language: type === 'NONE' ? null : person.language,
          channel: type === 'NONE' ? null : 'DIGITAL',
          createdAt: now.toISOString(),
          createdByIdent: principal.kind === 'advisor' ? principal.ident : null,
          notifiedAt: null,
          readAt: null,
        };
        return {
          change: { agreedWithNav: true, advanceNotice: notice },
          changeKind: 'AGREED',
          after: async (tx, updated) => {
            await repo.appendAdvanceNoticeVersion(tx, {
              activityId: updated.id,
              version: 1,
              type,
              legalBasis: notice.legalBasis,
              text,
              language: notice.language,
              channel: notice.channel,
              notifiedAt: null,
              readAt: null,
              readActivityVersion: null,
              createdAt: now,
              createdByIdent: notice.createdByIdent ?? 'unknown',
              changedAt: now,
              changedByRole: 'ADVISOR',
            });
            if (type !== 'NONE') {
              // Delivered by the notification worker (dialog issue): e-mail/SMS, and again after 7 days unread.
              await appendEvent(tx, 'advance_notice.created', updated.id, { activityId: updated.id, personId: updated.personId, type }, now);
            }
          },
        };
      });
    },

    async confirmNoticeRead(principal: Principal, activityId: string, input: VersionOnlyInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current) => {
        const notice = current.advanceNotice as Record<string, unknown> | null;
        if (!notice || notice.type === 'NONE') {
          throw new AppError('conflict', 'The activity has no advance notice to confirm');
        }
        if (notice.readAt) {
          throw new AppError('conflict', 'The advance notice is already confirmed as read');
        }
        const now = clock.now();
        const read = { ...notice, readAt: now.toISOString() };
        return {
          change: { advanceNotice: read },
          changeKind: 'NOTICE_READ',
          after: async (tx, updated) => {
            const count = await tx
              .selectFrom('advance_notice_version')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('activityId', '=', updated.id)
              .executeTakeFirstOrThrow();
            await repo.appendAdvanceNoticeVersion(tx, {
              activityId: updated.id,
              version: Number(count.n) + 1,
              type: notice.type as 'STANDARD' | 'AAP_11_9',
              legalBasis: (notice.legalBasis as string | null) ?? null,
              text: (notice.text as string | null) ?? null,
              language: (notice.language as string | null) ?? null,
              channel: (notice.channel as string | null) ?? null,
              notifiedAt: notice.notifiedAt ? new Date(String(notice.notifiedAt)) : null,
              readAt: now,
              readActivityVersion: updated.version,
              createdAt: new Date(String(notice.createdAt)),
              createdByIdent: String(notice.createdByIdent ?? 'unknown'),
              changedAt: now,
              changedByRole: 'CITIZEN',
            });
            // The notification worker drops the reminder that would have gone out after 7 days unread.
            await appendEvent(tx, 'advance_notice.read', updated.id, { activityId: updated.id, personId: updated.personId }, now);
          },
        };
      }, { side: 'CITIZEN', what: 'confirms reading an advance notice' });
    },

    /** Saves a meeting's or a conversation's summary; sharing shows it to the citizen and cannot be undone. */
    async saveSummary(principal: Principal, activityId: string, input: SummaryInput): Promise<Activity> {
      return writeActivity(deps, principal, activityId, input.version, (current) => {
        assertMaySaveSummary(current);
        const details = current.details as Record<string, unknown>;
        if (current.type === 'MEETING' && new Date(String(details.startsAt)) > clock.now()) {
          throw new AppError('conflict', 'A summary can be written once the meeting has started');
        }
        if (summaryShared(current) && !input.share) {
          throw validationError('body.share', 'a shared summary stays shared');
        }
        if (details.summary === input.summary && summaryShared(current) === input.share) {
          throw validationError('body.summary', 'changes nothing');
        }
        const becameShared = input.share && !summaryShared(current);
        return {
          change: { details: { ...details, summary: input.summary, summaryShared: input.share } },
          changeKind: input.share ? 'SUMMARY_SHARED' : 'SUMMARY_SAVED',
          after: becameShared
            ? (tx, updated) => appendEvent(tx, 'summary.shared', updated.id, { activityId: updated.id, personId: updated.personId }, clock.now())
            : undefined,
        };
      }, { side: 'NAV', what: 'writes summaries' });
    },

    visibleTo,
  };
}

export type AgreementService = ReturnType<typeof createAgreementService>;
