import type { Clock } from '#server/clock.ts';
import type { Config } from '#server/config.ts';
import type { Db } from '#server/db/database.ts';
import type { Worker, WorkerLog } from '#server/outbox/worker.ts';
import type { ContactRegister } from '#server/registers/types.ts';
import { createChannels } from './channels.ts';
import { startNotificationSinks, type NotificationSinks } from './dev-sinks.ts';
import { createDelivery } from './notification.delivery.ts';
import { notificationHandlers } from './notification.schedule.ts';

/**
 * Notifications to the citizen (product.md C2), wired onto the outbox worker: the scheduling
 * handlers per topic, and a job that sends what is due. Without SMTP_URL / SMS_URL (never in
 * production, see config.ts) the local sinks are started and returned for the dev mailbox.
 */
export interface NotificationModule {
  /** The local sinks when no real SMTP server / SMS gateway is configured. */
  sinks: NotificationSinks | null;
  close(): Promise<void>;
}

export interface NotificationModuleDeps {
  config: Pick<Config, 'env' | 'dataDir' | 'publicUrl' | 'notifications'>;
  db: Db;
  clock: Clock;
  contactRegister: ContactRegister;
  worker: Worker;
  log: WorkerLog;
}

export async function startNotifications(deps: NotificationModuleDeps): Promise<NotificationModule> {
  const { config } = deps;
  const { smtpUrl, smsUrl } = config.notifications;
  // Sinks stand in for missing URLs in development and test only; production requires the URLs
  // while its worker runs (config.ts), and an instance without them only plans notifications.
  const sinks =
    (smtpUrl && smsUrl) || config.env === 'production'
      ? null
      : await startNotificationSinks({ dataDir: config.env === 'test' ? undefined : `${config.dataDir}/mailbox`, clock: deps.clock });
  for (const [topic, handler] of notificationHandlers({ delayMinutes: config.notifications.delayMinutes })) {
    deps.worker.handle(topic, handler);
  }
  const urls = { smtpUrl: smtpUrl ?? sinks?.smtpUrl, smsUrl: smsUrl ?? sinks?.smsUrl };
  if (urls.smtpUrl && urls.smsUrl) {
    const channels = createChannels({ smtpUrl: urls.smtpUrl, smsUrl: urls.smsUrl, mailFrom: config.notifications.mailFrom, clock: deps.clock });
    const delivery = createDelivery({ db: deps.db, contactRegister: deps.contactRegister, channels, publicUrl: config.publicUrl, log: deps.log });
    deps.worker.addJob({
      name: 'notifications.deliver',
      everyMs: 0,
      run: async (now) => {
        await delivery.deliverDue(now);
      },
    });
  }
  return {
    sinks,
    async close() {
      await sinks?.close();
    },
  };
}
