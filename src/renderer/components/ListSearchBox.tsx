import { Input } from 'antd';
import type { RefObject } from 'react';
import { useSearchBox } from './listHooks';

interface ListSearchBoxProps {
  /** The search the list shows now (from its URL). */
  q: string | undefined;
  /** Writes a new search (debounced while typing, at once on Enter). */
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder: string;
  width: number;
  /** Where Ctrl+F (useListShortcuts) puts the cursor. */
  searchRef: RefObject<HTMLInputElement | null>;
}

/** A register's search box: searches as the user types, Enter searches at once, Ctrl+F jumps here. */
export function ListSearchBox({ q, onSearch, label, placeholder, width, searchRef }: ListSearchBoxProps) {
  const { searchText, onSearchChange, searchNow } = useSearchBox(q, onSearch);
  return (
    <Input.Search
      ref={(instance) => {
        searchRef.current = instance?.input ?? null;
      }}
      aria-label={label}
      placeholder={placeholder}
      // The shortcut is told on hover.
      title="Ctrl+F 定位到搜索框"
      allowClear
      style={{ width }}
      value={searchText}
      onChange={(event) => onSearchChange(event.target.value)}
      onSearch={searchNow}
    />
  );
}
