// The logged-in user, shared by the staff pages. Role decides which controls are shown;
// the server still checks every write (requireAdmin).
import { createContext, useContext } from 'react';
import type { Thresholds, User } from '../api';

export interface Session {
  user: User;
  /** The server's anonymity thresholds: results need `anonymity` answers, comments `freeText`. */
  thresholds: Thresholds;
  isAdmin: boolean;
  logout: () => Promise<void>;
  /** Ends every session of the account, this one included ("Log ud alle steder"). */
  logoutAll: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the staff app');
  return s;
}
