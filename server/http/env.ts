// The Hono environment shared by every route: the database, the config, the clock, the disclosure policy and
// (after auth) the user.
import type { Db } from '../../db/client';
import type { AppConfig } from '../config';
import type { SessionUser } from '../auth/sessions';
import type { Clock } from '../services/clock';
import type { DisclosurePolicy } from '../services/disclosure';

export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    /** The one source of "now" for services; fixed in tests through createApp({ clock }). */
    clock: Clock;
    /** Every rule about what may be shown of staff's answers (server/services/disclosure.ts). */
    disclosure: DisclosurePolicy;
    /** Set by the access checks (server/http/access.ts); only routes that require a login may read it. */
    user: SessionUser;
  };
}
