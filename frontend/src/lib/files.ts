// Evidence files are checked in the browser before upload, with the same
// limits the API enforces (it also recognises the type by content).
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;
export const ACCEPTED_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.pdf'];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_TYPES, ...ACCEPTED_EXTENSIONS].join(',');

export type FileProblem =
  | { code: 'file_type'; name: string }
  | { code: 'file_too_large'; name: string }
  | { code: 'file_empty'; name: string }
  | { code: 'too_many_files'; max: number };

export interface FileLike {
  name: string;
  size: number;
  type: string;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

/** Whether one file may be uploaded; `null` when it is fine. */
export function checkFile(file: FileLike, maxBytes = MAX_FILE_BYTES): FileProblem | null {
  const typeOk = file.type
    ? (ACCEPTED_TYPES as readonly string[]).includes(file.type.toLowerCase())
    : ACCEPTED_EXTENSIONS.includes(extensionOf(file.name));
  if (!typeOk) return { code: 'file_type', name: file.name };
  if (file.size === 0) return { code: 'file_empty', name: file.name };
  if (file.size > maxBytes) return { code: 'file_too_large', name: file.name };
  return null;
}

/**
 * Adds picked files to those already chosen: returns the files kept and the
 * problems of those refused (wrong type, too large, empty, over the count).
 */
export function addFiles<T extends FileLike>(
  current: T[],
  picked: T[],
  maxFiles = MAX_FILES,
  maxBytes = MAX_FILE_BYTES,
): { files: T[]; problems: FileProblem[] } {
  const files = [...current];
  const problems: FileProblem[] = [];
  let overCount = false;
  for (const file of picked) {
    const problem = checkFile(file, maxBytes);
    if (problem) {
      problems.push(problem);
    } else if (files.length >= maxFiles) {
      overCount = true;
    } else if (!files.some((f) => f.name === file.name && f.size === file.size)) {
      files.push(file);
    }
  }
  if (overCount) problems.push({ code: 'too_many_files', max: maxFiles });
  return { files, problems };
}
