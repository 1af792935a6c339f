/**
 * The schema, as numbered SQL migrations applied in order at start-up (`migrate`). A migration, once released, is
 * never edited: a change is a new one at the end.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'installations',
    // Bots and user grants apart, so that a user's install never overwrites the bot token (bolt-python#576).
    // enterprise_id and team_id are '' rather than NULL so that the unique keys hold for workspace and org installs.
    sql: `
      CREATE TABLE slack_bots (
        client_id text NOT NULL,
        enterprise_id text NOT NULL DEFAULT '',
        team_id text NOT NULL DEFAULT '',
        is_enterprise_install boolean NOT NULL,
        bot_token text NOT NULL,
        bot_refresh_token text,
        bot_token_expires_at timestamptz,
        key_id text NOT NULL,
        installation jsonb NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, enterprise_id, team_id)
      );
      CREATE TABLE slack_user_grants (
        client_id text NOT NULL,
        enterprise_id text NOT NULL DEFAULT '',
        team_id text NOT NULL DEFAULT '',
        user_id text NOT NULL,
        user_token text,
        user_refresh_token text,
        user_token_expires_at timestamptz,
        user_scopes text[],
        key_id text NOT NULL,
        installed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, enterprise_id, team_id, user_id)
      );
    `,
  },
];
