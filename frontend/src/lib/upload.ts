// Sends a request with XMLHttpRequest, which (unlike fetch) reports upload
// progress, and reads the answer as JSON; a problem+json answer is thrown as
// ApiProblem.
import { ApiProblem, isProblem, networkProblem } from './problem';

export interface UploadRequest {
  url: string;
  method?: string;
  body: FormData | string;
  headers?: Record<string, string>;
  /** 0–100, as the body goes out. */
  onProgress?: (percent: number) => void;
}

export interface UploadResponse<T> {
  status: number;
  data: T;
  header: (name: string) => string | null;
}

export type XhrFactory = () => XMLHttpRequest;

export function upload<T>(request: UploadRequest, makeXhr: XhrFactory = () => new XMLHttpRequest()): Promise<UploadResponse<T>> {
  return new Promise((resolve, reject) => {
    const xhr = makeXhr();
    xhr.open(request.method ?? 'POST', request.url);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    if (request.onProgress) {
      const report = request.onProgress;
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) report(Math.min(100, Math.round((event.loaded / event.total) * 100)));
      };
      xhr.upload.onload = () => report(100);
    }
    xhr.onerror = () => reject(new ApiProblem(networkProblem(0, 'network error')));
    xhr.ontimeout = () => reject(new ApiProblem(networkProblem(0, 'timeout')));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, data: body as T, header: (n) => xhr.getResponseHeader(n) });
      } else {
        reject(new ApiProblem(isProblem(body) ? body : networkProblem(xhr.status, xhr.statusText || `HTTP ${xhr.status}`)));
      }
    };
    xhr.send(request.body);
  });
}

/** A JSON body with files as multipart: the JSON in part `jsonPart`, files in `files`. */
export function multipart(jsonPart: string, json: unknown, files: File[]): FormData {
  const form = new FormData();
  form.append(jsonPart, new Blob([JSON.stringify(json)], { type: 'application/json' }));
  for (const file of files) form.append('files', file, file.name);
  return form;
}
