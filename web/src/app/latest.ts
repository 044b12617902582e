import { useCallback, useRef } from 'react';

/**
 * Guards against out-of-order answers: when a screen reloads a list (after an upload, say) while its
 * first load is still under way, only the answer to the latest request is applied.
 */
export function useLatest() {
  const counter = useRef(0);
  return useCallback(() => {
    const id = ++counter.current;
    return () => id === counter.current;
  }, []);
}
