// The Hono environment shared by every route: the database, the config and (after auth) the user.
import type { Db } from '../../db/client';
import type { AppConfig } from '../config';
import type { SessionUser } from '../auth/sessions';

export interface AppEnv {
  Variables: {
    db: Db;
    config: AppConfig;
    user: SessionUser;
  };
}
