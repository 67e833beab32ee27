// Receiver addresses as a clerk types them, and the endpoints derived from them (a reverse proxy
// may serve the receiver under a path prefix).
import { describe, expect, it } from 'vitest';
import { normaliseReceiverUrl } from '../../main/services/sync/enroll';
import { endpoint } from '../../main/services/sync/http';
import { classifyNetworkError } from '../../main/services/sync/faults';

describe('receiver address', () => {
  it('keeps scheme, host, port and path prefix; refuses other schemes and credentials', () => {
    expect(normaliseReceiverUrl(' https://tiepnhan.thainguyen.gov.vn ')).toBe('https://tiepnhan.thainguyen.gov.vn/');
    expect(normaliseReceiverUrl('http://127.0.0.1:8080/kiemchung?x=1#y')).toBe('http://127.0.0.1:8080/kiemchung/');
    expect(endpoint('https://tinh.gov.vn/kiemchung/', '/v1/health').toString()).toBe('https://tinh.gov.vn/kiemchung/v1/health');
    expect(endpoint('http://127.0.0.1:4000/', '/v1/uploads/').toString()).toBe('http://127.0.0.1:4000/v1/uploads/');
    for (const bad of ['ftp://tinh.gov.vn/', 'tinh.gov.vn', 'https://user:pw@tinh.gov.vn/', ''])
      expect(() => normaliseReceiverUrl(bad), bad).toThrow(/http:\/\/ hoặc https:\/\//);
  });

  it('a refused connection is "unreachable" even while a body was being sent; a reset mid-body is a cut', () => {
    const url = new URL('http://127.0.0.1:9/');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), url, true).kind).toBe('unreachable');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNRESET' }), url, true).kind).toBe('cut');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'EAI_AGAIN' }), url).kind).toBe('dns');
    expect(classifyNetworkError(Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }), url).message).toMatch(/hết hạn/);
  });
});
