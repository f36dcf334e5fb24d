import type { TrashEntity } from '../../../shared/api/trash';

/**
 * How one soft-deletable table takes part in the 回收站. Table and column names are constants written here,
 * never user input, so they may be spliced into SQL.
 */
export interface TrashAdapter {
  entity: TrashEntity;
  table: string;
  /** SQL expression giving the row's human title. */
  titleSql: string;
  /** Shown when restoring clashes with a live row (e.g. the same name was reused meanwhile). */
  restoreConflictMessage: (title: string) => string;
}

export const trashAdapters: Record<TrashEntity, TrashAdapter> = {
  village: {
    entity: 'village',
    table: 'villages',
    titleSql: 'name',
    restoreConflictMessage: (title) => `无法恢复：已有同名或同区划代码的村/社区「${title}」，请先修改或删除现有记录。`,
  },
};
