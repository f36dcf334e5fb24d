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

/** Runs a read call whenever its input changes; answers to superseded requests are dropped. */
export function useApiQuery<N extends ApiName>(name: N, input: In<N>): ApiQuery<N> {
  const key = JSON.stringify(input);
  const [version, setVersion] = useState(0);
  const request = `${name}:${key}#${version}`;
  const [settled, setSettled] = useState<Settled<N>>({ request: '' });

  useEffect(() => {
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
  return { data: settled.data, error: settled.error, loading: settled.request !== request, reload };
}
