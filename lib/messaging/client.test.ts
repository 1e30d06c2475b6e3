import { describe, expect, it } from 'vitest';
import { isWorkerGone } from './client';

describe('isWorkerGone', () => {
  it("recognises Chrome's rejections when the worker stops before it replies", () => {
    expect(isWorkerGone(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'))).toBe(true);
    expect(isWorkerGone(new Error('The message port closed before a response was received.'))).toBe(true);
  });

  it('leaves every other failure to the caller', () => {
    expect(isWorkerGone(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(false);
    expect(isWorkerGone(new Error('capture_failed'))).toBe(false);
    expect(isWorkerGone('message channel closed before a response')).toBe(false);
  });
});
