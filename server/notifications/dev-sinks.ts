import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '#server/clock.ts';

/**
 * Stand-ins for a mail server and an SMS gateway, for development and tests (like the local
 * registers): a real SMTP server and a real HTTP service on 127.0.0.1, which keep what they
 * receive — in memory, or in `mailbox.json` under a data folder — for the dev mailbox page.
 * They can be told to refuse everything, so tests see how delivery copes with a broken channel.
 */
export interface ReceivedEmail {
  id: string;
  receivedAt: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface ReceivedSms {
  id: string;
  receivedAt: string;
  to: string;
  text: string;
}

export interface MailboxContent {
  /** Newest first. */
  emails: ReceivedEmail[];
  sms: ReceivedSms[];
}

export interface NotificationSinks {
  smtpUrl: string;
  smsUrl: string;
  /** What was received, newest first. */
  content(): MailboxContent;
  /** While true, the SMTP sink refuses recipients (451) and the SMS sink answers 503. */
  setFailing(failing: boolean): void;
  close(): Promise<void>;
}

/** Enough for a developer to look back; older entries are dropped. */
const KEEP = 500;
const MAX_SMS_BODY_BYTES = 16 * 1024;

export async function startNotificationSinks(options: { dataDir?: string | undefined; clock: Clock }): Promise<NotificationSinks> {
  const file = options.dataDir ? path.join(options.dataDir, 'mailbox.json') : undefined;
  const box: MailboxContent = file ? await load(file) : { emails: [], sms: [] };
  let failing = false;
  let writing: Promise<void> = Promise.resolve();
  const save = (): void => {
    if (file) {
      const snapshot = JSON.stringify(box);
      writing = writing.then(() => writeAtomically(file, snapshot)).catch(() => undefined);
    }
  };
  const now = () => options.clock.now().toISOString();

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'aktivitetsplan development mail sink',
    size: 1024 * 1024,
    // Closing waits this long for open connections (nodemailer quits after each message).
    closeTimeout: 200,
    onRcptTo(_address, _session, callback) {
      callback(failing ? Object.assign(new Error('mailbox unavailable, try again later'), { responseCode: 451 }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          box.emails.unshift({
            id: randomUUID(),
            receivedAt: now(),
            from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          box.emails.length = Math.min(box.emails.length, KEEP);
          save();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const sms = http.createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (request.method !== 'POST') {
      reply(405, { error: 'POST {to, text}' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_SMS_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      if (failing) {
        reply(503, { error: 'unavailable' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      const { to, text } = (body ?? {}) as { to?: unknown; text?: unknown };
      if (size > MAX_SMS_BODY_BYTES || typeof to !== 'string' || typeof text !== 'string') {
        reply(400, { error: 'expected {to, text}' });
        return;
      }
      const id = randomUUID();
      box.sms.unshift({ id, receivedAt: now(), to, text });
      box.sms.length = Math.min(box.sms.length, KEEP);
      save();
      reply(202, { id });
    });
  });

  try {
    const smtpPort = await new Promise<number>((resolve, reject) => {
      smtp.on('error', reject);
      smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as AddressInfo).port));
    });
    const smsPort = await new Promise<number>((resolve, reject) => {
      sms.once('error', reject);
      sms.listen(0, '127.0.0.1', () => resolve((sms.address() as AddressInfo).port));
    });
    return {
      smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
      smsUrl: `http://127.0.0.1:${smsPort}/sms`,
      content: () => ({ emails: [...box.emails], sms: [...box.sms] }),
      setFailing(value) {
        failing = value;
      },
      async close() {
        sms.closeAllConnections();
        await Promise.all([new Promise<void>((resolve) => smtp.close(() => resolve())), new Promise<void>((resolve) => sms.close(() => resolve()))]);
        await writing;
      },
    };
  } catch (error) {
    smtp.close(() => undefined);
    sms.close();
    throw error;
  }
}

async function load(file: string): Promise<MailboxContent> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<MailboxContent>;
    return { emails: Array.isArray(parsed.emails) ? parsed.emails : [], sms: Array.isArray(parsed.sms) ? parsed.sms : [] };
  } catch {
    return { emails: [], sms: [] };
  }
}

async function writeAtomically(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, file);
}
