/**
 * Runs before content.js on the bundled sample article (sample.html), an extension page that loads the hover script
 * itself. Chrome gives the per-session URL of web-accessible files (use_dynamic_url) there too, and an extension page
 * cannot load a module by that URL: here getURL gives the plain one, which it can, so saving and reading mode load.
 * Firefox's URLs are per install already; its pages are left alone.
 */
const runtime = (globalThis as { chrome?: { runtime?: { getURL?: (path: string) => string } } }).chrome?.runtime;
if (runtime?.getURL && location.protocol === 'chrome-extension:')
  runtime.getURL = (path: string) => new URL(path, location.href).href;
