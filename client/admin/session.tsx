// The logged-in user, shared by the staff pages. Role decides which controls are shown;
// the server still checks every write (requireAdmin).
import { createContext, useContext, type ReactNode } from 'react';
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

/** Inside a project, its editors (project leads) see the secretariat's controls; the server still decides every
 *  write, and account, unit-register and settings pages stay the secretariat's. */
export function ProjectEditScope({ projectId, children }: { projectId: number; children: ReactNode }) {
  const session = useSession();
  const canEdit = session.isAdmin || (session.user.role === 'editor' && session.user.ledProjectIds.includes(projectId));
  return <SessionContext.Provider value={canEdit === session.isAdmin ? session : { ...session, isAdmin: canEdit }}>{children}</SessionContext.Provider>;
}
