import { App } from 'antd';
import type { Enterprise } from '../../../shared/api/enterprises';
import { ApiCallError, callApi } from '../../api/client';

/**
 * Soft-deletes an enterprise and says so; when the backend refuses because other records still point at it,
 * its message names them, and it is too long and too important for a toast, so it opens a dialog.
 * Resolves to whether the enterprise is gone.
 */
export function useDeleteEnterprise(): (enterprise: Pick<Enterprise, 'id' | 'name'>) => Promise<boolean> {
  const { message, modal } = App.useApp();
  return async (enterprise) => {
    try {
      await callApi('enterprises.delete', { id: enterprise.id });
      message.success(`已删除「${enterprise.name}」，可在回收站恢复`);
      return true;
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        modal.error({ title: `无法删除「${enterprise.name}」`, content: error.message, okText: '知道了' });
      } else {
        message.error((error as Error).message);
      }
      return false;
    }
  };
}
