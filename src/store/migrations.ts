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
  {
    version: 2,
    name: 'thread-memory',
    // A thread's context (what the bot's latest answer in it carried, carriedSchema()) so that a follow-up needs no
    // conversations.replies: distributed apps outside the Marketplace may call it once a minute per workspace.
    // Rows past expires_at are never read, and deleted by the daily housekeeping.
    sql: `
      CREATE TABLE thread_memory (
        client_id text NOT NULL,
        enterprise_id text NOT NULL DEFAULT '',
        team_id text NOT NULL DEFAULT '',
        channel_id text NOT NULL,
        thread_ts text NOT NULL,
        carried jsonb NOT NULL,
        knowledge_version text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, enterprise_id, team_id, channel_id, thread_ts)
      );
      CREATE INDEX thread_memory_expires_at ON thread_memory (expires_at);
    `,
  },
  {
    version: 3,
    name: 'answers',
    // One row per answer, for `stack-advisor report`: facts only (ids, forms, codes, numbers); the asker's words only
    // when AUDIT_STORE_TEXT=true. unmet: the numeric requirements the recommended stack does not meet; conflicts: the
    // conflicts the answer reported, each as its kind and the ids it names.
    sql: `
      CREATE TABLE answers (
        id bigserial PRIMARY KEY,
        answered_at timestamptz NOT NULL DEFAULT now(),
        client_id text NOT NULL,
        enterprise_id text NOT NULL DEFAULT '',
        team_id text NOT NULL DEFAULT '',
        channel_type text NOT NULL,
        surface text NOT NULL,
        kind text NOT NULL,
        failure_code text,
        normal_form text,
        stack_id text,
        knowledge_version text NOT NULL,
        language text NOT NULL,
        duration_ms integer NOT NULL,
        unmet jsonb NOT NULL DEFAULT '[]',
        conflicts jsonb NOT NULL DEFAULT '[]',
        request_text text
      );
      CREATE INDEX answers_answered_at ON answers (answered_at);
    `,
  },
  {
    version: 4,
    name: 'oauth-states',
    // The OAuth state of each install begun (PostgresStateStore): a row is deleted when its redirect spends it, so a
    // replayed state finds none, on any replica. Rows of installs never finished are deleted by the housekeeping.
    sql: `
      CREATE TABLE oauth_states (
        client_id text NOT NULL,
        nonce text NOT NULL,
        install_options jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, nonce)
      );
      CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);
    `,
  },
];
