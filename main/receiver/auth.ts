// Who is asking: a commune app (client token from enrollment, bound to one office) or a province
// operator (operator token). Both are bearer secrets stored only as SHA-256.
import { type IncomingMessage } from 'node:http';
import { viReceiver as t } from '../../shared/i18n/vi/receiver';
import { audited } from './audit';
import { type ReceiverContext } from './context';
import { HttpError } from './http';
import { bearer, newToken, sha256Text } from './tokens';

export interface ClientAuth {
  officeKey: string;
  /** Prefix of the office's tus upload ids. */
  officeTag: string;
  fingerprint: string;
}

export interface OperatorAuth {
  name: string;
}

export const tokenHash = (token: string) => sha256Text(`token:${token}`);

/**
 * Client tokens already seen, by hash. A token's office, certificate and upload tag never change
 * (tokens are only ever added), and every request of an upload carries one: with PostgreSQL that
 * was a round trip per PATCH and per finalize. Kept a minute, so that a revocation added later
 * takes effect that fast; an unknown token is never remembered.
 */
const seen = new Map<string, { auth: ClientAuth; until: number }>();
const SEEN_MS = 60_000;
const SEEN_MAX = 10_000;

export async function authenticateClient(ctx: ReceiverContext, req: IncomingMessage): Promise<ClientAuth> {
  const token = bearer(req.headers.authorization);
  if (!token) throw new HttpError(401, 'UNAUTHENTICATED', t.http.noToken, { 'www-authenticate': 'Bearer' });
  const hash = tokenHash(token);
  const key = `${ctx.rdb.describe}\n${hash}`;
  const hit = seen.get(key);
  if (hit && hit.until > Date.now()) return hit.auth;
  const row = await ctx.db
    .selectFrom('client_token')
    .innerJoin('office', 'office.key', 'client_token.office_key')
    .select(['client_token.office_key', 'client_token.fingerprint', 'office.tag'])
    .where('client_token.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) throw new HttpError(401, 'UNAUTHENTICATED', t.http.badToken, { 'www-authenticate': 'Bearer' });
  const auth = { officeKey: row.office_key, officeTag: row.tag, fingerprint: row.fingerprint };
  seen.delete(key);
  if (seen.size >= SEEN_MAX) seen.delete(seen.keys().next().value!);
  seen.set(key, { auth, until: Date.now() + SEEN_MS });
  return auth;
}

export async function authenticateOperator(ctx: ReceiverContext, req: IncomingMessage): Promise<OperatorAuth> {
  const token = bearer(req.headers.authorization);
  if (!token) throw new HttpError(401, 'UNAUTHENTICATED', t.http.badOperatorToken, { 'www-authenticate': 'Bearer' });
  const row = await ctx.db.selectFrom('operator').select('name').where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  if (!row) throw new HttpError(401, 'UNAUTHENTICATED', t.http.badOperatorToken, { 'www-authenticate': 'Bearer' });
  return { name: row.name };
}

/** Creates an operator token (printed once by the CLI). */
export async function createOperatorToken(ctx: ReceiverContext, name: string, actor: string): Promise<string> {
  const token = newToken();
  await audited(ctx.db, ctx.now, async (trx, audit) => {
    await trx
      .insertInto('operator')
      .values({ token_hash: tokenHash(token), name, created_at: ctx.now() })
      .execute();
    await audit({ actor, action: 'operator.created', entity: 'operator', entityId: name, data: { name } });
  });
  return token;
}
