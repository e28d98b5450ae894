/**
 * The hover popup as the current settings draw it: the real Popup component, over a real answer of the engine for a
 * sample phrase, redrawn as the size, theme, romaji and kanji settings change. It lives in a shadow root with the
 * popup's own style sheet, as on a news page, so the options page's styles cannot make it look other than it will.
 */
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupResult } from '../core/types';
import { envelope, type Reply } from '../messages';
import type { Settings } from '../settings';
import { t } from '../ui/i18n';
import { Popup } from '../ui/popup/Popup';
import { POPUP_CSS } from '../ui/popup/styles';

/** 交わされ in a news sentence: a reading, a conjugation explained, several senses and the kanji section. */
export const PREVIEW_TEXT = '外交文書が26日に交わされた';
export const PREVIEW_AT = 9;

/** The popup's host rules pin it over the page; here it sits in the flow of the options page instead. */
const IN_PAGE_CSS = `
:host { position: static !important; width: auto !important; height: auto !important; pointer-events: auto !important; }
.kiji-popup { position: relative; max-height: none; }
`;

/** Asks until the engine has its tokenizer loaded: a partial first answer would show a poorer popup. */
async function lookUpPreview(signal: { cancelled: boolean }): Promise<LookupResult | string> {
  for (let attempt = 0; attempt < 100 && !signal.cancelled; attempt++) {
    const reply = (await browser.runtime
      .sendMessage(envelope('lookup', { text: PREVIEW_TEXT, at: PREVIEW_AT }))
      .catch((err: unknown) => ({ ok: false, error: String(err) }))) as Reply<'lookup'> | undefined;
    if (reply?.ok && reply.value && !reply.value.partial) return reply.value;
    if (reply && !reply.ok && attempt > 20) return reply.error;
    await new Promise((r) => setTimeout(r, 300));
  }
  return t('previewUnavailable');
}

export function PopupPreview({ settings }: { settings: Settings }) {
  const host = useRef<HTMLDivElement>(null);
  const [answer, setAnswer] = useState<LookupResult | string | null>(null);

  useEffect(() => {
    const signal = { cancelled: false };
    void lookUpPreview(signal).then((a) => !signal.cancelled && setAnswer(a));
    return () => {
      signal.cancelled = true;
    };
  }, []);

  const { theme, fontSize, showRomaji, showKanji } = settings;
  useEffect(() => {
    const el = host.current;
    if (!el || !answer) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    render(
      <>
        <style>{POPUP_CSS + IN_PAGE_CSS}</style>
        {typeof answer === 'string' ? (
          <p>{answer}</p>
        ) : (
          <Popup view={{ kind: 'result', result: answer }} options={{ theme, fontSize, showRomaji, showKanji }} />
        )}
      </>,
      root,
    );
  }, [answer, theme, fontSize, showRomaji, showKanji]);

  return (
    <figure class="preview" aria-labelledby="preview-caption">
      <figcaption id="preview-caption" class="preview-caption">
        {t('previewCaption')}
      </figcaption>
      {!answer && <p class="hint">{t('previewLoading')}</p>}
      <div class="preview-popup" ref={host} data-preview-ready={answer ? '' : undefined} />
    </figure>
  );
}
