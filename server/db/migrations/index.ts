import * as core from './0001-core.ts';
import * as signingKey from './0002-signing-key.ts';
import * as auth from './0003-auth.ts';
import * as readVersions from './0004-read-versions-on-rows.ts';
import * as preferences from './0005-preferences.ts';
import * as dialog from './0006-dialog.ts';
import * as followUp from './0007-follow-up.ts';
import * as kvpLive from './0008-kvp-live.ts';
import * as workspace from './0009-workspace.ts';
import * as outboxPendingById from './0010-outbox-pending-by-id.ts';
import * as attentionWriteCost from './0011-attention-write-cost.ts';
import * as personStateVersion from './0012-person-state-version.ts';

/**
 * Every migration in order. A migration is plain SQL run in one transaction; once released it is
 * never edited (add a new one). Migrations never drop or rewrite append-only tables.
 */
export const migrations: ReadonlyArray<{ name: string; up: string }> = [
  { name: '0001-core', up: core.up },
  { name: '0002-signing-key', up: signingKey.up },
  { name: '0003-auth', up: auth.up },
  { name: '0004-read-versions-on-rows', up: readVersions.up },
  { name: '0005-preferences', up: preferences.up },
  { name: '0006-dialog', up: dialog.up },
  { name: '0007-follow-up', up: followUp.up },
  { name: '0008-kvp-live', up: kvpLive.up },
  { name: '0009-workspace', up: workspace.up },
  { name: '0010-outbox-pending-by-id', up: outboxPendingById.up },
  { name: '0011-attention-write-cost', up: attentionWriteCost.up },
  { name: '0012-person-state-version', up: personStateVersion.up },
];
