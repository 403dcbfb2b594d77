/** The pieces of a hidden BrowserWindow that printing to PDF needs (main passes Electron's; tests a fake). */
export interface HiddenPage {
  loadURL(url: string): Promise<void>;
  printToPDF(options: { pageSize: 'A4'; printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
  close(): void;
}

/**
 * An `HtmlToPdf` over hidden pages: each day sheet is loaded as a `data:`
 * URL into a fresh hidden window (scripts off, its own in-memory session;
 * main builds it) and printed with `webContents.printToPDF`, which honours
 * the sheet's print stylesheet (a page per provider); the window is closed
 * whatever happens.
 *
 * @example const htmlToPdf = createHtmlToPdf(() => hiddenPageFromBrowserWindow()); await htmlToPdf('<!doctype html>…')
 */
export function createHtmlToPdf(openHiddenPage: () => HiddenPage): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const page = openHiddenPage();
    try {
      await page.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      return new Uint8Array(await page.printToPDF({ pageSize: 'A4', printBackground: false, preferCSSPageSize: true }));
    } finally {
      page.close();
    }
  };
}
