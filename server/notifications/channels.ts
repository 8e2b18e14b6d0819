import nodemailer from 'nodemailer';
import type { Clock } from '#server/clock.ts';

/**
 * The two ways a notification reaches the citizen. E-mail goes over SMTP (nodemailer); SMS is a
 * JSON POST `{to, text}` to an SMS gateway. In development and tests both talk to the local sinks
 * (dev-sinks.ts) over the same protocols, so the adapters are exercised for real.
 *
 * Errors are described by class and code only: an SMTP server's answer may quote the address.
 */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  language: string;
}

export interface Channels {
  sendEmail(message: EmailMessage): Promise<void>;
  sendSms(to: string, text: string): Promise<void>;
}

export class DeliveryError extends Error {
  constructor(
    readonly channel: 'EMAIL' | 'SMS',
    /** Safe to store and log: no address, no text. */
    readonly detail: string,
  ) {
    super(`${channel} delivery failed: ${detail}`);
    this.name = 'DeliveryError';
  }
}

const TIMEOUT_MS = 10_000;

export interface ChannelOptions {
  smtpUrl: string;
  smsUrl: string;
  mailFrom: string;
  clock: Clock;
}

function smtpDetail(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown };
  const parts = [typeof e.code === 'string' ? e.code : 'ERROR', typeof e.responseCode === 'number' ? String(e.responseCode) : ''];
  return `smtp ${parts.join(' ').trim()}`;
}

export function createChannels(options: ChannelOptions): Channels {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async sendEmail(message) {
      try {
        await transport.sendMail({
          from: options.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
          date: options.clock.now(),
          headers: { 'Content-Language': message.language, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw new DeliveryError('EMAIL', smtpDetail(error));
      }
    },
    async sendSms(to, text) {
      let response: Response;
      try {
        response = await fetch(options.smsUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new DeliveryError('SMS', `http ${(error as Error).name}`);
      }
      await response.body?.cancel();
      if (!response.ok) {
        throw new DeliveryError('SMS', `http ${response.status}`);
      }
    },
  };
}
