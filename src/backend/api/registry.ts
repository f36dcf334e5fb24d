import type { ApiName, Out, Parsed } from '../../shared/api';
import type { RequestContext } from './context';

export type Handler<N extends ApiName> = (input: Parsed<N>, ctx: RequestContext) => Out<N> | Promise<Out<N>>;
export type HandlerGroup = { [N in ApiName]?: Handler<N> };

/** Types a feature's handlers against the contract; returns them unchanged. */
export function defineHandlers<T extends HandlerGroup>(group: T & HandlerGroup): T {
  return group;
}

export interface Registry {
  get(name: string): Handler<ApiName> | undefined;
  names(): string[];
}

/** Combines feature handler groups; a name served twice is a programming error and throws at start-up. */
export function createRegistry(groups: HandlerGroup[]): Registry {
  const handlers = new Map<string, Handler<ApiName>>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (handlers.has(name)) throw new Error(`API method registered twice: ${name}`);
      handlers.set(name, handler as Handler<ApiName>);
    }
  }
  return {
    get: (name) => handlers.get(name),
    names: () => [...handlers.keys()],
  };
}
