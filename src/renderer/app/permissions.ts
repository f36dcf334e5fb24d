import { apiContract, type ApiName } from '../../shared/api';
import type { SessionUser } from '../../shared/api/auth';
import { roleAllows } from '../../shared/domain/roles';
import { useStatus } from './StatusContext';

/** Whether `user` may call a method, from the same access table dispatch enforces. */
export function canCall(user: SessionUser | null, name: ApiName): boolean {
  return !!user && roleAllows(user.role, apiContract[name].access);
}

/** The logged-in user's permissions: the UI hides what a role cannot do; the backend refuses it regardless. */
export function useCan(): (name: ApiName) => boolean {
  const { status } = useStatus();
  return (name) => canCall(status.user, name);
}
