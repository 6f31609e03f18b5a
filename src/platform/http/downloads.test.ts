import { describe, expect, it } from 'vitest';
import { attachmentDisposition, fileSizeText } from './downloads.js';

describe('attachment names', () => {
  it('gives a plain name and the same name as filename*', () => {
    expect(attachmentDisposition('terms of reference.pdf')).toBe(
      `attachment; filename="terms of reference.pdf"; filename*=UTF-8''terms%20of%20reference.pdf`,
    );
  });

  it('keeps accents in filename* and drops them from the ASCII fallback', () => {
    expect(attachmentDisposition('Référence (v2).docx')).toBe(
      `attachment; filename="Reference (v2).docx"; filename*=UTF-8''R%C3%A9f%C3%A9rence%20%28v2%29.docx`,
    );
  });

  it('cannot be broken out of by quotes, separators, paths or line breaks', () => {
    const header = attachmentDisposition('..\\evil";\r\nSet-Cookie: x=1;.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="')).toBe(true);
    const fallback = /filename="([^"]*)"/.exec(header)![1];
    expect(fallback).not.toContain('\\');
    expect(fallback).not.toContain(';');
    expect(header).toContain("filename*=UTF-8''");
  });

  it('names an empty name "document"', () => {
    expect(attachmentDisposition('')).toBe(
      `attachment; filename="document"; filename*=UTF-8''document`,
    );
  });
});

describe('file sizes', () => {
  it('reads as bytes, KB or MB', () => {
    expect(fileSizeText(512)).toBe('512 bytes');
    expect(fileSizeText(240 * 1024)).toBe('240 KB');
    expect(fileSizeText(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(fileSizeText(10 * 1024 * 1024)).toBe('10 MB');
  });
});
