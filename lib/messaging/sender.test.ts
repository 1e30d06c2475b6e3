import { describe, expect, it } from 'vitest';
import { classifySender, originOf, type SenderLike } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const CHROME_ORIGIN = `chrome-extension://${ID}`;
const FIREFOX_UUID = '6f1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

describe('classifySender', () => {
  it('treats the side panel (extension page, no tab) as page', () => {
    const sender: SenderLike = { id: ID, origin: CHROME_ORIGIN, url: `${CHROME_ORIGIN}/sidepanel.html` };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'page' });
  });

  it('treats an extension page open in a tab (top frame) as page', () => {
    const sender: SenderLike = {
      id: ID,
      origin: CHROME_ORIGIN,
      url: `${CHROME_ORIGIN}/app.html#/jobs`,
      frameId: 0,
      tab: { id: 12, url: `${CHROME_ORIGIN}/app.html#/jobs` },
    };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'page' });
  });

  it('refuses an extension page loaded in a sub-frame of some tab', () => {
    const sender: SenderLike = {
      id: ID,
      origin: CHROME_ORIGIN,
      url: `${CHROME_ORIGIN}/sidepanel.html`,
      frameId: 4,
      tab: { id: 12, url: 'https://evil.example/' },
    };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });

  it('classifies a content script on an https page with its tab, frame and page origin', () => {
    const sender: SenderLike = {
      id: ID,
      origin: 'https://jobs.example.com',
      url: 'https://jobs.example.com/postings/42?ref=x',
      frameId: 0,
      tab: { id: 7, url: 'https://jobs.example.com/postings/42?ref=x' },
    };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({
      kind: 'content',
      tabId: 7,
      frameId: 0,
      origin: 'https://jobs.example.com',
    });
  });

  it('keeps the frame id of a content script in an http sub-frame (origin from url)', () => {
    const sender: SenderLike = { id: ID, url: 'http://127.0.0.1:8080/frame.html', frameId: 3, tab: { id: 9 } };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({
      kind: 'content',
      tabId: 9,
      frameId: 3,
      origin: 'http://127.0.0.1:8080',
    });
  });

  it('refuses a web-page sender without a tab', () => {
    expect(classifySender({ id: ID, origin: 'https://jobs.example.com' }, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });

  it('refuses a content script on a non-http page', () => {
    const sender: SenderLike = { id: ID, url: 'file:///home/me/job.html', frameId: 0, tab: { id: 2 } };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });

  it('refuses another extension, even one claiming our origin', () => {
    const other: SenderLike = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', origin: CHROME_ORIGIN, url: `${CHROME_ORIGIN}/x.html` };
    expect(classifySender(other, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
    const otherPage: SenderLike = { id: 'zzzz', origin: 'chrome-extension://zzzz', url: 'chrome-extension://zzzz/p.html' };
    expect(classifySender(otherPage, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });

  it('refuses a missing or empty sender', () => {
    expect(classifySender(undefined, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
    expect(classifySender({}, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
    expect(classifySender({ id: ID }, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
    expect(classifySender({ id: ID, url: 'not a url' }, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });

  it('accepts a Firefox extension page that has no `origin`, only a moz-extension url', () => {
    const sender: SenderLike = { id: 'jobfit@jobfit.app', url: `${FIREFOX_ORIGIN}/sidepanel.html` };
    expect(classifySender(sender, 'jobfit@jobfit.app', FIREFOX_ORIGIN)).toEqual({ kind: 'page' });
  });

  it('classifies a Firefox content script from its url alone', () => {
    const sender: SenderLike = { id: 'jobfit@jobfit.app', url: 'https://boards.example.org/job/1', frameId: 0, tab: { id: 3 } };
    expect(classifySender(sender, 'jobfit@jobfit.app', FIREFOX_ORIGIN)).toEqual({
      kind: 'content',
      tabId: 3,
      frameId: 0,
      origin: 'https://boards.example.org',
    });
  });

  it('falls back to the url when the engine reports an opaque "null" origin', () => {
    const sender: SenderLike = { id: ID, origin: 'null', url: `${CHROME_ORIGIN}/sidepanel.html` };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'page' });
  });

  it('does not let a page url under another extension origin pass as ours', () => {
    const sender: SenderLike = { id: ID, url: `chrome-extension://${'b'.repeat(32)}/sidepanel.html` };
    expect(classifySender(sender, ID, CHROME_ORIGIN)).toEqual({ kind: 'foreign' });
  });
});

describe('originOf', () => {
  it.each([
    [`${CHROME_ORIGIN}/`, CHROME_ORIGIN],
    [`${FIREFOX_ORIGIN}/a/b.html?x#y`, FIREFOX_ORIGIN],
    ['https://example.com:8443/path', 'https://example.com:8443'],
    ['null', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(originOf(input)).toBe(expected);
  });
});
