import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { postLookup } from './register-http.ts';
import type { ContactRecord, ContactRegister } from './types.ts';

/**
 * Adapter for the contact and reservation register (KRR or its local stand-in). The register tells
 * when the details were confirmed; whether they are outdated is our rule, derived with our clock.
 * Answers, "not known" included, sit in a short cache, because a page load may ask several times;
 * failures are not cached, so the next request tries the register again.
 */
const ContactAnswerSchema = z.object({
  nationalId: z.string(),
  reserved: z.boolean(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  confirmedAt: z.union([z.iso.datetime({ offset: true }), z.iso.date()]),
});
type ContactAnswer = z.infer<typeof ContactAnswerSchema>;

/** Contact details not confirmed for this many calendar months are outdated (product.md). */
export const OUTDATED_AFTER_MONTHS = 18;

/** Bounds memory under a benchmark that looks up hundreds of thousands of persons. */
export const DEFAULT_CACHE_MAX_ENTRIES = 50_000;

export interface ContactRegisterClientOptions {
  /** Base URL of the register, e.g. http://127.0.0.1:4011 */
  url: string;
  timeoutMs: number;
  /** 0 turns the cache off. */
  cacheSeconds: number;
  clock: Clock;
  maxCacheEntries?: number;
}

/**
 * True when `confirmedAt` lies before the same moment 18 calendar months before `now` (UTC; a day
 * that month lacks, like 31 February, becomes its last day). Exactly 18 months is not yet outdated.
 */
export function isContactOutdated(confirmedAt: Date, now: Date): boolean {
  return confirmedAt.getTime() < calendarMonthsBefore(now, OUTDATED_AFTER_MONTHS).getTime();
}

function calendarMonthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result;
}

export function createContactRegisterClient(options: ContactRegisterClientOptions): ContactRegister {
  const lookupUrl = `${options.url.replace(/\/$/, '')}/contacts/lookup`;
  const cache = new ExpiringCache<ContactAnswer | null>(options.maxCacheEntries ?? DEFAULT_CACHE_MAX_ENTRIES);
  const ttlMs = options.cacheSeconds * 1000;
  // Concurrent lookups of one person share a single request instead of racing to fill the cache.
  const inFlight = new Map<string, Promise<ContactAnswer | null>>();

  const fetchAnswer = (nationalId: string): Promise<ContactAnswer | null> => {
    const pending = inFlight.get(nationalId);
    if (pending) {
      return pending;
    }
    const request = postLookup({ register: 'contact', url: lookupUrl, nationalId, timeoutMs: options.timeoutMs, answerSchema: ContactAnswerSchema })
      .then((answer) => {
        if (ttlMs > 0) {
          cache.set(nationalId, answer, options.clock.now().getTime() + ttlMs);
        }
        return answer;
      })
      .finally(() => inFlight.delete(nationalId));
    inFlight.set(nationalId, request);
    return request;
  };

  return {
    async lookup(nationalId: string): Promise<ContactRecord | null> {
      const cached = cache.get(nationalId, options.clock.now().getTime());
      const answer = cached.hit ? cached.value : await fetchAnswer(nationalId);
      if (!answer) {
        return null;
      }
      // Derived on every read, so a cached answer still follows the clock.
      return {
        nationalId: answer.nationalId,
        reserved: answer.reserved,
        email: answer.email,
        mobile: answer.mobile,
        outdated: isContactOutdated(new Date(answer.confirmedAt), options.clock.now()),
      };
    },
  };
}

/** A Map in insertion order with an expiry per entry; when full, the oldest entry goes first. */
class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, now: number): { hit: true; value: V } | { hit: false } {
    const entry = this.entries.get(key);
    if (!entry) {
      return { hit: false };
    }
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return { hit: false };
    }
    return { hit: true, value: entry.value };
  }

  set(key: string, value: V, expiresAt: number): void {
    // Delete first so that a refreshed entry moves to the young end of the insertion order.
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) {
        break;
      }
      this.entries.delete(oldest.value);
    }
  }
}
