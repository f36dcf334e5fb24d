import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * A list's search box: typed into locally and written (through `write`, e.g. to the URL) ~300 ms after the last
 * key or at once on Enter; a change of `q` from elsewhere (back button, 重置筛选) puts its text back in the box.
 */
export function useSearchBox(q: string | undefined, write: (q: string | undefined) => void) {
  // The debounced write fires after later renders; it must use the latest `write`, not a stale copy of the filters.
  const writeRef = useRef(write);
  useEffect(() => {
    writeRef.current = write;
  });
  const [searchText, setSearchText] = useState(q ?? '');
  const [syncedQ, setSyncedQ] = useState(q);
  if (q !== syncedQ) {
    setSyncedQ(q);
    if ((q ?? '') !== searchText.trim()) setSearchText(q ?? '');
  }
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  function onSearchChange(text: string) {
    setSearchText(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => writeRef.current(text.trim() || undefined), 300);
  }
  function searchNow(text: string) {
    window.clearTimeout(timer.current);
    write(text.trim() || undefined);
  }
  return { searchText, onSearchChange, searchNow };
}

/**
 * The list pages' keys: Ctrl+N opens the new-record form (when the user may write), Ctrl+F jumps to the search
 * box. `paused` while a dialog is open, so its own fields keep the keys.
 */
export function useListShortcuts(options: { paused: boolean; canCreate: boolean; onCreate: () => void; searchRef: RefObject<HTMLInputElement | null> }) {
  const { paused, canCreate, searchRef } = options;
  const onCreate = useRef(options.onCreate);
  useEffect(() => {
    onCreate.current = options.onCreate;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (paused) return;
      if (canCreate && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        onCreate.current();
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused, canCreate, searchRef]);
}
