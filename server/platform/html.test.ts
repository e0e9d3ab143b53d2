import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRichText } from './html.js';

describe('rich text sanitization', () => {
  it('keeps formatting, lists and safe links', () => {
    const html = '<p>Hola <strong>equipo</strong></p><ul><li>uno</li></ul><a href="https://example.com">doc</a>';
    expect(sanitizeRichText(html)).toBe(
      '<p>Hola <strong>equipo</strong></p><ul><li>uno</li></ul><a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">doc</a>',
    );
  });

  it('removes scripts, event handlers and styles', () => {
    const html = '<p onclick="steal()" style="color:red">hi</p><script>alert(1)</script><img src=x onerror=alert(1)>';
    const clean = sanitizeRichText(html);
    expect(clean).toBe('<p>hi</p>');
  });

  it('removes javascript: and data: links but keeps their text', () => {
    expect(sanitizeRichText('<a href="javascript:alert(1)">click</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">click</a>',
    );
    expect(sanitizeRichText('<a href="JaVaScRiPt:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitizeRichText('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).not.toContain('data:');
  });

  it('removes SVG with script, iframes, forms and objects entirely', () => {
    const html =
      '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg><iframe src="https://evil"></iframe><form action="/x"><input></form><object data="x"></object><p>ok</p>';
    expect(sanitizeRichText(html)).toBe('<p>ok</p>');
  });

  it('keeps images only when they are our own attachments', () => {
    expect(sanitizeRichText('<img src="https://tracker.example/pixel.gif">')).toBe('');
    expect(sanitizeRichText('<img src="/api/v1/attachments/01ab-cd/content" alt="screen">')).toBe(
      '<img src="/api/v1/attachments/01ab-cd/content" alt="screen" />',
    );
    // A mail's inline image not stored stays a cid: link, and goes; so does any other path of ours.
    for (const src of [
      'cid:image001.png@01DC94B5',
      '/api/v1/withheld-files/01ab/content',
      '/api/v1/attachments/01ab/content/../../users',
      '/api/v1/attachments/01ab/content?x=1',
      'data:image/png;base64,iVBORw0KGgo=',
    ])
      expect(sanitizeRichText(`<img src="${src}">`), src).toBe('');
  });

  it('turns rich text into plain words', () => {
    expect(htmlToText('<p>Línea&nbsp;uno</p><p>dos &amp; tres</p><script>x</script>')).toBe('Línea uno dos & tres');
  });
});
