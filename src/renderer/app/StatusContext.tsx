import { createContext, useContext } from 'react';
import type { SystemStatus } from '../../shared/api/system';

interface StatusContextValue {
  status: SystemStatus;
  reloadStatus: () => void;
}

export const StatusContext = createContext<StatusContextValue | null>(null);

/** The backend's status (office name, versions, data folder) for pages inside the app shell. */
export function useStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus outside AppLayout');
  return value;
}
