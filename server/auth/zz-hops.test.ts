import { it } from 'vitest';
import { Browser, logInWithBrowser, startAuthTestApp } from '#server/auth/session.test-helpers.ts';
it('prints', async () => {
  const app = await startAuthTestApp();
  const b = new Browser();
  const start = await b.navigate(`${app.url}/auth/login?returnTo=/x`);
  console.log(b.hops);
  const page = await start.response.text();
  const done = await b.submitForm(start.url, page, { persona: 'kari' }, '/login');
  console.log(b.hops, done.response.status);
  const d = await (await fetch(`${app.url}/oidc/.well-known/openid-configuration`)).json();
  console.log(JSON.stringify(d).slice(0, 600));
  const rows = await app.server.database.db.selectFrom('oidc_grant_state').select(['model','id','expiresAt']).execute();
  console.log(rows.map(r=>r.model));
  const s = await app.server.database.db.selectFrom('web_session').selectAll().execute();
  const tok = s[0]!.idToken!; console.log(JSON.parse(Buffer.from(tok.split('.')[1]!, 'base64url').toString()));
  await app.close();
});
