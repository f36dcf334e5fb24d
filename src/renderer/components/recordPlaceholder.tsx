import { Card, Result, Spin } from 'antd';
import type { ReactNode } from 'react';

/**
 * A record page (`/xxx/:id`) before its record is there: a 404 with the way back when the id in the address is
 * not a number or the record does not exist, a spinner while it loads. `data` once it has loaded.
 */
export function loadedRecord<T extends { id: number }>(
  query: { data?: T; error?: { message: string } },
  id: number,
  texts: { notFound: string; invalidId: string; backLink: ReactNode },
): { data: T; placeholder?: undefined } | { data?: undefined; placeholder: ReactNode } {
  const validId = Number.isInteger(id) && id > 0;
  if (!validId || (query.error && !query.data)) {
    return {
      placeholder: (
        <Card variant="borderless">
          <Result status="404" title={texts.notFound} subTitle={validId ? query.error?.message : texts.invalidId} extra={texts.backLink} />
        </Card>
      ),
    };
  }
  // A query still holding the previous record (navigating from one record to another) is not this one yet.
  if (!query.data || query.data.id !== id) {
    return {
      placeholder: (
        <Card variant="borderless">
          <Spin tip="正在加载…">
            <div style={{ height: 200 }} />
          </Spin>
        </Card>
      ),
    };
  }
  return { data: query.data };
}
