import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { EnabledToggle } from '../ui/SettingToggle';
import { useSettings } from '../ui/settings-store';
import { envelope, type EngineStatus, type Reply } from '../messages';
import { enableSite, originPattern, runInTab, siteEnabled } from './site-access';
import { ArticlePanel } from './ArticlePanel';
import { LookupBox } from './LookupBox';
import { RecentSaves } from './RecentSaves';

type Tab = { id?: number; url?: string };

export function Popup() {
  const [settings, save] = useSettings();
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [tab, setTab] = useState<Tab | null>(null);
  const [site, setSite] = useState<'unknown' | 'on' | 'off'>('unknown');
  const [message, setMessage] = useState<string>('');

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      setTab(active ?? null);
      const pattern = active?.url ? originPattern(active.url) : null;
      if (pattern) setSite((await siteEnabled(pattern)) ? 'on' : 'off');
    });
    // Polls while the engine loads so the user sees it become ready.
    let timer = 0;
    const poll = async () => {
      const reply = (await browser.runtime
        .sendMessage(envelope('status', {}))
        .catch(() => null)) as Reply<'status'> | null;
      if (reply?.ok) setStatus(reply.value);
      if (!reply?.ok || !reply.value.tokenizer) timer = window.setTimeout(() => void poll(), 300);
    };
    void poll();
    return () => clearTimeout(timer);
  }, []);

  const pattern = tab?.url ? originPattern(tab.url) : null;

  return (
    <main class="kiji-page popup">
      <header>
        <h1>{t('extName')}</h1>
        <p class="status" role="status">
          {status?.error
            ? t('statusError', [status.error])
            : status?.tokenizer
              ? t('statusReady')
              : status?.words
                ? t('statusDictionaryReady')
                : t('statusLoading')}
        </p>
      </header>
      {settings && <EnabledToggle settings={settings} save={save} />}
      {pattern && site !== 'on' && tab?.id !== undefined && (
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              void runInTab(tab.id!).then(
                () => setMessage(t('runInTabDone')),
                (err: unknown) => setMessage(t('runInTabFailed', [String(err)])),
              )
            }
          >
            {t('runInTab')}
          </button>
          <button
            type="button"
            onClick={() =>
              void enableSite(pattern).then(
                (ok) => {
                  setSite(ok ? 'on' : 'off');
                  setMessage(ok ? t('siteEnabledDone') : t('siteEnabledDenied'));
                  if (ok) void runInTab(tab.id!);
                },
                (err: unknown) => setMessage(t('runInTabFailed', [String(err)])),
              )
            }
          >
            {t('enableSite')}
          </button>
        </div>
      )}
      {message && (
        <p class="message" role="status">
          {message}
        </p>
      )}
      {settings && <LookupBox settings={settings} />}
      <ArticlePanel tabId={tab?.id} settings={settings} saveSettings={save} />
      <RecentSaves />
      <footer>
        <a href={browser.runtime.getURL('options.html')} target="_blank" rel="noreferrer">
          {t('openOptions')}
        </a>
      </footer>
    </main>
  );
}
