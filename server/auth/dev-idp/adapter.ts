import { randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '#server/db/database.ts';

/**
 * oidc-provider's storage in the database instead of its in-process default, so that every app
 * instance on one PostgreSQL sees the same interactions, codes, grants and IdP sessions: a login
 * may start on one instance and finish on another. Times are the real clock on purpose: the
 * provider itself reckons expiry with Date.now(), not with the app's Clock.
 */

/** oidc-provider adds this tolerance to expiries too; keep the row a little longer than the token. */
const CLOCK_TOLERANCE_SECONDS = 15;

export function createDbAdapterFactory(db: Db): (model: string) => Adapter {
  return (model) => new DbAdapter(db, model);
}

class DbAdapter implements Adapter {
  constructor(
    private readonly db: Db,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
    const expiresAt = typeof expiresIn === 'number' ? new Date(Date.now() + (expiresIn + CLOCK_TOLERANCE_SECONDS) * 1000) : null;
    const row = {
      payload: JSON.stringify(payload),
      grantId: payload.grantId ?? null,
      userCode: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expiresAt,
    };
    await this.db
      .insertInto('oidc_grant_state')
      .values({ model: this.model, id, ...row, consumedAt: null })
      .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
      .execute();
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('id', id);
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('uid', uid);
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.findWhere('userCode', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db
      .updateTable('oidc_grant_state')
      .set({ consumedAt: new Date() })
      .where('model', '=', this.model)
      .where('id', '=', id)
      .execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('oidc_grant_state').where('model', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    // Every model issued under the grant (codes, tokens) goes, whichever adapter instance is asked.
    await this.db.deleteFrom('oidc_grant_state').where('grantId', '=', grantId).execute();
  }

  private async findWhere(column: 'id' | 'uid' | 'userCode', value: string): Promise<AdapterPayload | undefined> {
    const row = await this.db
      .selectFrom('oidc_grant_state')
      .select(['payload', 'consumedAt'])
      .where('model', '=', this.model)
      .where(column, '=', value)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', new Date())]))
      .executeTakeFirst();
    if (!row) {
      return undefined;
    }
    const payload = row.payload as AdapterPayload;
    // The provider detects a reused authorization code by this field.
    return row.consumedAt ? { ...payload, consumed: Math.floor(new Date(row.consumedAt).getTime() / 1000) } : payload;
  }
}

/** Removes expired rows; called now and then so the table stays small. */
export async function deleteExpiredGrantState(db: Db): Promise<void> {
  await db.deleteFrom('oidc_grant_state').where('expiresAt', '<', new Date()).execute();
}

/**
 * Keys that sign the provider's own cookies, shared through the database like the signing key so
 * that a cookie set by one instance is accepted by the next. The first instance to start creates
 * them; a concurrent start loses the insert race and reads the winner's keys.
 */
export async function loadOrCreateCookieKeys(db: Db): Promise<string[]> {
  const name = 'cookie-keys';
  await db
    .insertInto('oidc_secret')
    .values({ name, value: JSON.stringify([randomBytes(32).toString('base64url')]) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('oidc_secret').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  const keys = row.value;
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string')) {
    throw new Error('oidc_secret cookie-keys: expected a non-empty array of strings');
  }
  return keys as string[];
}

