import { createHmac } from 'node:crypto';
import { type Agent, request } from 'node:http';
import { SIGNING_SECRET } from '../e2e/slack-requests.js';

/** HTTP requests below what `fetch` lets a test say: raw bytes, signatures over bytes, chosen headers, one agent. */

export interface RawResponse {
  readonly status: number;
  readonly body: string;
}

/** Slack's signature over the raw bytes of a body (what Slack signs), not over a decoded string. */
export function signBytes(body: Buffer, timestamp: number, secret = SIGNING_SECRET): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}

/** Headers of a request Slack signed just now, for a body given as bytes. */
export function signedBytesHeaders(body: Buffer, contentType: string | undefined): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    ...(contentType === undefined ? {} : { 'content-type': contentType }),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signBytes(body, timestamp),
  };
}

/** POSTs `body` as it is; resolves with the status and the body as text, or rejects on a connection error. */
export function post(
  url: string,
  body: Buffer | string,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<RawResponse> {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(bytes.length) }, ...(agent ? { agent } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}
