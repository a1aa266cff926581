// Loads data for a page and lets the page reload or patch it after a change.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (update: T | ((prev: T | undefined) => T)) => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // Every load has a number; only the latest one may set state. Moving the number on drops loads in flight.
  const seq = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps stand for what `load` reads
  const loader = useCallback(load, deps);
  const dropInFlight = useCallback(() => {
    seq.current++;
  }, []);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loader();
      if (mine === seq.current) {
        setDataState(value);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [loader]);

  useEffect(() => {
    void reload();
    return dropInFlight;
  }, [reload, dropInFlight]);

  const setData = useCallback((update: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) => (typeof update === 'function' ? (update as (p: T | undefined) => T)(prev) : update));
  }, []);

  return { data, error, loading, reload, setData };
}
