import type { Advisor } from '../advisor/advisor.js';
import type { Kit } from '../kit/kit.js';
import type { Language } from '../language.js';
import type { HomeView } from '../render/blocks-types.js';
import type { Failure, Result } from '../result.js';
import type { AnswerLog } from './answer-log.js';
import type { SeenDeliveries } from './deliveries.js';
import type { UserLanguage } from './locale.js';
import type { ThreadMemory } from './thread-memory.js';
import type { RetryPolicy } from './web-api-retry.js';

/** The part of the advisor the Slack shell uses: fakes in unit tests implement just this. */
export type AdvisorPort = Pick<Advisor, 'version' | 'answer' | 'compare' | 'explain' | 'ownLanguage' | 'adviseFrom'>;

/** What every listener is built with. */
export interface Services {
  readonly advisor: AdvisorPort;
  /** The Home tab in each language, rendered once at start-up: it depends only on the knowledge base. */
  readonly home: Readonly<Record<Language, HomeView>>;
  readonly seen: SeenDeliveries;
  /** Commands and button presses seen in the last five minutes: a replay is acknowledged and goes no further. */
  readonly replays: SeenDeliveries;
  /** How long reading a thread's earlier answers may take in all, retries included. */
  readonly threadReadMs: number;
  /** How the listeners' Web API calls are retried. */
  readonly retry: RetryPolicy;
  /** The deploy kit of a stack (by id), and that stack's name. */
  readonly kits: (
    stackId: string,
    language: Language,
  ) => Promise<Result<{ readonly kit: Kit; readonly stackName: string }, Failure>>;
  /** The Slack user's language, for requests that have none of their own. */
  readonly userLanguage: UserLanguage;
  /** Distributed mode: each thread's context in the database (read before asking Slack, written with each answer). */
  readonly threadMemory?: ThreadMemory;
  /** Distributed mode: the record of each answer. */
  readonly answers?: AnswerLog;
  /** Told of each recommendation given, by stack (the metrics); through `recordAnswer`. */
  readonly answered?: (stackId: string) => void;
}
