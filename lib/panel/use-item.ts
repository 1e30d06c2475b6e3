import { useEffect, useState } from 'react';
import type { ValidatedItem } from '../storage/items';

/** A settings item's value, live (`undefined` while loading). */
export function useItem<T>(item: ValidatedItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let cancelled = false;
    void item.getValue().then((v) => !cancelled && setValue(v));
    const stop = item.watch((v) => setValue(v));
    return () => {
      cancelled = true;
      stop();
    };
  }, [item]);
  return value;
}
