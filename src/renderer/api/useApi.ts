import { useCallback, useEffect, useState } from 'react';
import type { ApiName, In, Out } from '../../shared/api';
import { ApiCallError, callApi } from './client';

export interface ApiQuery<N extends ApiName> {
  data: Out<N> | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<N extends ApiName> {
  /** Which request (input + reload count) this answer belongs to. */
  request: string;
  data?: Out<N>;
  error?: ApiCallError;
}

/**
 * Runs a read call whenever its input changes; answers to superseded requests are dropped. A null input makes
 * no call (e.g. a record page whose address holds no valid id, a list that needs a choice made first).
 */
export function useApiQuery<N extends ApiName>(name: N, input: In<N> | null): ApiQuery<N> {
  const key = input === null ? null : JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const request = `${name}:${key}#${version}`;
  const [settled, setSettled] = useState<Settled<N>>({ request: '' });

  useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    callApi(name, JSON.parse(key) as In<N>).then(
      (data) => current && setSettled({ request, data }),
      (error: unknown) =>
        current &&
        setSettled((previous) => ({
          request,
          data: previous.data,
          error: error instanceof ApiCallError ? error : new ApiCallError({ code: 'INTERNAL', message: String(error) }),
        })),
    );
    return () => {
      current = false;
    };
  }, [name, key, request]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data: settled.data, error: settled.error, loading: key !== null && settled.request !== request, reload };
}
