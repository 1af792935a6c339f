import type { Advisor } from '../advisor/advisor.js';
import type { HomeView } from '../render/blocks-types.js';
import type { SeenDeliveries } from './deliveries.js';

/** The part of the advisor the Slack shell uses: fakes in unit tests implement just this. */
export type AdvisorPort = Pick<Advisor, 'version' | 'answer' | 'compare' | 'explain'>;

/** What every listener is built with. */
export interface Services {
  readonly advisor: AdvisorPort;
  /** The Home tab, rendered once at start-up: it depends only on the knowledge base. */
  readonly home: HomeView;
  readonly seen: SeenDeliveries;
}
