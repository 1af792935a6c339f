import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type pg from 'pg';

/** How long an install link's state is good for: the same 10 minutes as Bolt's state cookie. */
export const STATE_TTL_S = 600;

/** Refused state: the code Bolt's installer maps to its "invalid state" page (@slack/oauth ErrorCode). */
export class StateRefusedError extends Error {
  readonly code = 'slack_oauth_invalid_state';
  constructor(why: string) {
    super(`The OAuth state was refused: ${why}`);
    this.name = 'StateRefusedError';
  }
}

/**
 * The OAuth `state` of a distributed app, good once: a random nonce signed with SLACK_STATE_SECRET, recorded in
 * PostgreSQL when the install begins and deleted when the redirect spends it, so a forged state is refused by its
 * signature and a replayed one (the same link and cookie a second time, on any replica) finds nothing to delete.
 * Bolt still checks that the state is the one in the installer's browser cookie.
 */
export class PostgresStateStore implements StateStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clientId: string,
    private readonly secret: string,
    private readonly ttlS = STATE_TTL_S,
  ) {}

  private sign(nonce: string): string {
    return createHmac('sha256', this.secret).update(`${this.clientId}.${nonce}`).digest('base64url');
  }

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const nonce = randomBytes(24).toString('base64url');
    await this.pool.query(
      `INSERT INTO oauth_states (client_id, nonce, install_options, expires_at)
       VALUES ($1, $2, $3, $4)`,
      [this.clientId, nonce, JSON.stringify(installOptions), new Date(now.getTime() + this.ttlS * 1000)],
    );
    return `${nonce}.${this.sign(nonce)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const [nonce, signature, ...rest] = state.split('.');
    if (nonce === undefined || signature === undefined || rest.length > 0) throw new StateRefusedError('malformed');
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new StateRefusedError('bad signature');
    }
    // Spent by deleting it: of two redirects with the same state, on one replica or two, only one gets the row.
    const spent = await this.pool.query<{ install_options: InstallURLOptions; expires_at: Date }>(
      'DELETE FROM oauth_states WHERE client_id = $1 AND nonce = $2 RETURNING install_options, expires_at',
      [this.clientId, nonce],
    );
    const row = spent.rows[0];
    if (row === undefined) throw new StateRefusedError('already used or unknown');
    if (row.expires_at.getTime() < now.getTime()) throw new StateRefusedError('expired');
    return row.install_options;
  }

  /** Deletes the states of installs that were begun and never finished. */
  async deleteExpired(): Promise<number> {
    const r = await this.pool.query('DELETE FROM oauth_states WHERE expires_at < now()');
    return r.rowCount ?? 0;
  }
}
