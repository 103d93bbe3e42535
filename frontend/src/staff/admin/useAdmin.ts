// Shared state of an admin page: a list, its reload, and the last problem.
import { useCallback, useEffect, useState } from 'react';
import { toProblem, translateProblem, type ShownProblem } from '../../lib/problem';
import { useST } from '../session';

export function useAdminList<T>(load: () => Promise<T[]>, deps: unknown[] = []) {
  const { lookup } = useST();
  const [items, setItems] = useState<T[]>([]);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [saved, setSaved] = useState(false);

  const reload = useCallback(() => {
    load()
      .then(setItems)
      .catch((e: unknown) => setShown(translateProblem(toProblem(e), lookup)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(reload, [reload]);

  /** Runs a change; on success reloads and says so, else shows the problem. */
  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setShown(null);
      setSaved(false);
      try {
        await change();
        setSaved(true);
        reload();
        return true;
      } catch (e) {
        setShown(translateProblem(toProblem(e), lookup));
        return false;
      }
    },
    [reload, lookup],
  );

  return { items, shown, saved, reload, run };
}
