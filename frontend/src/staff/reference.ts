// Reference data the staff pages share (categories, divisions, staff), fetched
// once per page load.
import { useEffect, useState } from 'react';
import { publicApi, unwrap } from '../api/public';
import type { Category, Division, StaffRef } from '../api/types';
import { staffApi } from './session';

export interface Reference {
  categories: Category[];
  divisions: Division[];
  staff: StaffRef[];
}

let cached: Promise<Reference> | null = null;

export function loadReference(force = false): Promise<Reference> {
  if (!cached || force) {
    cached = Promise.all([
      unwrap(publicApi.GET('/api/v1/categories')),
      unwrap(staffApi.GET('/api/v1/divisions')),
      unwrap(staffApi.GET('/api/v1/staff')).catch(() => [] as StaffRef[]),
    ]).then(([categories, divisions, staff]) => ({ categories, divisions, staff }));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useReference(): Reference {
  const [ref, setRef] = useState<Reference>({ categories: [], divisions: [], staff: [] });
  useEffect(() => {
    let live = true;
    loadReference()
      .then((r) => live && setRef(r))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return ref;
}
