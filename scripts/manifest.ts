/** The per-browser differences, applied to the one source manifest.json at build time. */
export type Browser = 'chrome' | 'firefox';

export const GECKO_ID = 'kiji-reader@kiji-reader.org';

type Manifest = Record<string, unknown> & { permissions?: string[]; background?: unknown };

export function manifestFor(source: Manifest, browser: Browser, version: string): Manifest {
  const m: Manifest = structuredClone(source);
  m.version = version;
  if (browser === 'chrome') {
    m.background = { service_worker: 'background.js' };
    // The lazily loaded modules must be reachable from pages Kiji runs on; a per-session URL keeps pages from
    // probing chrome-extension://<id>/reading.js to learn that Kiji is installed. (Firefox's moz-extension URLs are
    // random per install already.)
    const war = m.web_accessible_resources as { resources: string[]; matches: string[] }[] | undefined;
    m.web_accessible_resources = war?.map((entry) => ({ ...entry, use_dynamic_url: true }));
    return m;
  }
  // Firefox has no offscreen documents: the engine lives in its background page.
  m.background = { scripts: ['background.js'] };
  m.permissions = (m.permissions ?? []).filter((p) => p !== 'offscreen');
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
  };
  return m;
}
