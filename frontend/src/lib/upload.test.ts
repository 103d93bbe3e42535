import { describe, expect, it } from 'vitest';
import { ApiProblem } from './problem';
import { upload } from './upload';

class FakeXhr {
  status = 0;
  statusText = '';
  responseText = '';
  headers: Record<string, string> = {};
  sent: unknown = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null; onload: (() => void) | null } = {
    onprogress: null,
    onload: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  constructor(private readonly reply: (xhr: FakeXhr) => void) {}
  open() {}
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader() {
    return null;
  }
  send(body: unknown) {
    this.sent = body;
    queueMicrotask(() => this.reply(this));
  }
}

describe('upload with progress', () => {
  it('reports progress and returns the JSON answer', async () => {
    const seen: number[] = [];
    let xhr!: FakeXhr;
    const result = await upload<{ tracking_code: string }>(
      { url: '/api/v1/complaints', body: '{}', headers: { 'Idempotency-Key': 'k1' }, onProgress: (p) => seen.push(p) },
      () => {
        xhr = new FakeXhr((x) => {
          x.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
          x.upload.onprogress?.({ lengthComputable: true, loaded: 200, total: 200 });
          x.status = 201;
          x.responseText = JSON.stringify({ tracking_code: 'AAAA-BBBB-CCCC' });
          x.onload?.();
        });
        return xhr as unknown as XMLHttpRequest;
      },
    );
    expect(seen).toEqual([25, 100]);
    expect(result.data.tracking_code).toBe('AAAA-BBBB-CCCC');
    expect(xhr.headers['Idempotency-Key']).toBe('k1');
  });

  it('throws the problem of a refused upload', async () => {
    const problem = { type: 'urn:aduan:problem:too-large', title: 'Payload too large', status: 413, detail: 'files[0] is larger than 10485760 bytes' };
    const failing = upload({ url: '/x', body: '{}' }, () =>
      new FakeXhr((x) => {
        x.status = 413;
        x.responseText = JSON.stringify(problem);
        x.onload?.();
      }) as unknown as XMLHttpRequest,
    );
    await expect(failing).rejects.toBeInstanceOf(ApiProblem);
    await expect(failing).rejects.toMatchObject({ problem });
  });

  it('turns a dropped connection into a network problem', async () => {
    const failing = upload({ url: '/x', body: '{}' }, () => new FakeXhr((x) => x.onerror?.()) as unknown as XMLHttpRequest);
    await expect(failing).rejects.toMatchObject({ problem: { type: 'urn:aduan:problem:network', status: 0 } });
  });
});
