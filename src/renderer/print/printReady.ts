import { useEffect } from 'react';

/**
 * Tells whoever renders a print view for printing (Electron's hidden print window, the e2e tests, the bench)
 * that the document is laid out (`data-print-ready="1"`), or that it failed and why (`"error"` with a Chinese
 * `data-print-error`). Cleared when the view goes away or reloads.
 */
export function markPrintState(state: '1' | 'error' | null, message?: string) {
  const { dataset } = document.body;
  if (state === null) {
    delete dataset.printReady;
    delete dataset.printError;
    return;
  }
  dataset.printReady = state;
  if (message) dataset.printError = message;
  else delete dataset.printError;
}

/**
 * Marks the view ready once `content` is there, the fonts have loaded and its pictures are decoded: a PDF taken
 * before the CJK fonts load is laid out (and paginated) with the fallback, and one taken before a picture decodes
 * leaves a blank where it goes. A picture that fails to decode does not hold the view back.
 */
export function usePrintReady(content: unknown) {
  useEffect(() => {
    if (!content) return undefined;
    let live = true;
    const pictures = Array.from(document.images, (image) => image.decode().catch(() => undefined));
    void Promise.all([document.fonts.ready, ...pictures]).then(() => {
      if (live) markPrintState('1');
    });
    return () => {
      live = false;
      markPrintState(null);
    };
  }, [content]);
}

/** Marks the view failed with `message` while it is shown. */
export function usePrintFailure(message: string) {
  useEffect(() => {
    markPrintState('error', message);
    return () => markPrintState(null);
  }, [message]);
}

/** The font list of the printed documents' page-margin boxes (the page body gets it from print.css). */
export const printFontFamily = `"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "AR PL UMing CN", "Noto Sans CJK SC", serif`;
