import { App } from 'antd';
import type { IdleSite } from '../../../shared/api/idleSites';
import { ApiCallError, callApi } from '../../api/client';

/**
 * Soft-deletes a site and says so; when the backend refuses because tanks (or other records) still point at it,
 * its message names them in a dialog, too long and too important for a toast. Resolves to whether it is gone.
 */
export function useDeleteIdleSite(): (site: Pick<IdleSite, 'id' | 'name'>) => Promise<boolean> {
  const { message, modal } = App.useApp();
  return async (site) => {
    try {
      await callApi('idleSites.delete', { id: site.id });
      message.success(`已删除「${site.name}」，可在回收站恢复`);
      return true;
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        modal.error({ title: `无法删除「${site.name}」`, content: error.message, okText: '知道了' });
      } else {
        message.error((error as Error).message);
      }
      return false;
    }
  };
}
