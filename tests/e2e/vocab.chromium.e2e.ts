import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { toRomaji } from 'wanakana';
import { realSaves, saveOf, seedSentences } from '../support/real-saves';
import type { VocabDump } from '../../src/core/vocab/store-types';
import { hover, launchChromium, readPopup, type ChromiumHarness } from './chromium';
import { extensionCopyForTests } from './extension-dist';
import { waitForPopup } from './popup-wait';
import {
  ask,
  clickVocabControl,
  launchOnProfile,
  readVocabRows,
  waitFor,
  type PersistentBrowser,
} from './vocab-harness';
import { ANKI_CONNECT_ORIGIN } from '../../src/core/vocab/anki-connect';
import { startFakeAnki, type FakeAnki } from '../support/anki-connect-server';

// The first lookup also loads the dictionary and tokenizer into the engine: allow for it once.
const FIRST_LOOKUP_MS = 60_000;

let harness: ChromiumHarness;

beforeAll(async () => {
  harness = await launchChromium();
});

afterAll(async () => {
  await harness?.close();
});

async function extensionPage(path = 'popup.html'): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  return page;
}

async function openVocabPage(hash = ''): Promise<Page> {
  const page = await extensionPage(`vocab.html${hash}`);
  await page.waitForSelector('html[data-vocab-ready]', { state: 'attached', timeout: 15_000 });
  return page;
}

/** Headwords saved with one reading only: their row can be found by the headword alone. */
function uniqueHeadwords(words: VocabDump['words']): Set<string> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w.headword, (counts.get(w.headword) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n === 1).map(([h]) => h));
}

/** The table row of a headword (exact match). */
function wordRow(page: Page, headword: string) {
  return page.locator('tr.word', { has: page.locator('.headword', { hasText: new RegExp(`^${headword}$`) }) });
}

describe('Chromium: saving from the hover popup', () => {
  it('hover 延長, press s: the popup says it is saved, and the store holds it with its sentence and article', async () => {
    const page = await harness.open('news/newsweek-seed.html');
    await hover(page, '延長', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.reading === 'えんちょう',
      'えんちょう',
      FIRST_LOOKUP_MS,
    );
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.state === 'unsaved', 'the save row');
    await page.keyboard.press('s');
    const rows = await waitFor(async () => {
      const r = await page.evaluate(readVocabRows);
      return r[0]?.state === 'new' && r;
    }, 'the saved state');
    expect(rows[0]!.text).toMatch(/Saved in My words/);

    const ext = await extensionPage();
    const { words } = await ask<VocabDump>(ext, 'vocabList', {});
    expect(words.map((w) => w.headword)).toEqual(['延長']);
    const [s] = words[0]!.sentences;
    expect(s!.text.slice(s!.start, s!.end)).toBe('延長');
    expect(s!.text).toContain('新START');
    expect(s!.url).toBe(harness.server.url('news/newsweek-seed.html'));
    expect(s!.title.length).toBeGreaterThan(0);
    await ext.close();

    // The vocabulary page lists it, and opening the row shows the sentence with the word marked and a link back.
    const vocab = await openVocabPage();
    const row = wordRow(vocab, '延長');
    await expect.poll(() => row.count()).toBe(1);
    await row.locator('.expand').click();
    const detail = vocab.locator('tr.detail');
    await expect.poll(() => detail.locator('mark').first().textContent()).toBe('延長');
    expect(await detail.locator('.sentence p[lang=ja]').first().textContent()).toContain('新START');
    expect(await detail.locator('.sentence a').first().getAttribute('href')).toBe(
      harness.server.url('news/newsweek-seed.html'),
    );
    await vocab.close();

    // The toolbar popup lists it among the recent saves, with the counts and a link to the vocabulary page.
    const popup = await extensionPage('popup.html');
    const recent = popup.locator('.recent-saves');
    await expect.poll(() => recent.locator('ul.recent li').first().textContent()).toMatch(/^延長 えんちょう/);
    expect(await recent.locator('.counts').textContent()).toBe('1 word · 0 known · 0 learning');
    expect(await recent.locator('a.open-vocab').getAttribute('href')).toBe(
      `chrome-extension://${harness.extensionId}/vocab.html`,
    );
    await popup.close();
  });

  it('saves to a list chosen in the popup, remembers it for the next save, and marks a word known', async () => {
    const ext = await extensionPage();
    await ask(ext, 'vocabLists', {
      rid: `e2e-create-${Date.now()}`,
      edit: { op: 'create', id: 'l-kokkai', name: '国会' },
    });
    await ask(ext, 'vocabLists', { rid: `e2e-choose-${Date.now()}`, edit: { op: 'choose', id: 'default' } });
    const page = await harness.open('news/newsweek-seed.html');
    await hover(page, '合意', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.reading === 'ごうい',
      'ごうい',
    );
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.text.includes('My words ▾'), 'list chooser');
    await clickVocabControl(page, 0, '.vocab-choose');
    await clickVocabControl(page, 0, '.vocab-list:nth-child(2)');
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.text.includes('Saved in 国会'), 'saved in 国会');

    await page.keyboard.press('Escape');
    await hover(page, '条約', 0, { within: '.entry-text' });
    await waitForPopup(
      () => readPopup(page),
      (p) => p.entries.some((e) => e.headword === '条約'),
      '条約',
    );
    const entry = (await readPopup(page))!.entries.findIndex((e) => e.headword === '条約');
    await page.keyboard.press('s');
    // `s` saves the first entry shown (here the glossary card over 条約), into the list chosen last.
    await waitFor(async () => (await page.evaluate(readVocabRows))[0]?.text.includes('Saved in 国会'), 'first saved');
    // Further entries show on one line: a click opens the entry with its vocabulary row.
    await clickVocabControl(page, entry, '.headword');
    await waitFor(async () => (await page.evaluate(readVocabRows))[entry]?.state !== '', 'entry opened');
    await clickVocabControl(page, entry, '.vocab-known');
    await waitFor(async () => (await page.evaluate(readVocabRows))[entry]?.state === 'known', 'known');
    expect(await ask<string[]>(ext, 'knownWords', {})).toEqual(['条約']);
    const { words, lastListId } = await ask<VocabDump>(ext, 'vocabList', {});
    expect(lastListId).toBe('l-kokkai');
    expect(words.find((w) => w.headword === '合意')!.lists).toEqual(['l-kokkai']);
    await ext.close();
  });

  it('three tabs saving 100 words each at the same moment give 300 words', async () => {
    const saves = await realSaves(400);
    const batches = [saves.slice(100, 200), saves.slice(200, 300), saves.slice(300, 400)];
    const tabs = await Promise.all(batches.map(() => extensionPage()));
    const before = (await ask<VocabDump>(tabs[0]!, 'vocabList', {})).words.map((w) => w.id);
    // Each tab fires its 100 saves without waiting for one another; the three tabs start together.
    const replies = await Promise.all(
      tabs.map((tab, i) =>
        tab.evaluate(
          (batch) =>
            Promise.all(
              batch!.map((save, j) =>
                chrome.runtime.sendMessage({
                  kiji: 1,
                  type: 'vocabSave',
                  payload: { rid: `tab-${save.entry.headword}-${j}-${Math.random()}`, save },
                }),
              ),
            ),
          batches[i],
        ),
      ),
    );
    expect(replies.flat().filter((r) => !(r as { ok: boolean }).ok)).toEqual([]);
    const { words } = await ask<VocabDump>(tabs[0]!, 'vocabList', {});
    // Every one of the 300 is there, once; none of the words saved before went missing.
    const ids = batches.flat().map((save) => `${save.entry.headword}\t${save.entry.reading}`);
    expect(new Set(ids).size).toBe(300);
    expect(words.filter((w) => ids.includes(w.id))).toHaveLength(300);
    expect(words).toHaveLength(new Set([...before, ...ids]).size);
    await Promise.all(tabs.map((t) => t.close()));
  });
});

describe('Chromium: the vocabulary page', () => {
  let page: Page;

  beforeAll(async () => {
    const ext = await extensionPage();
    const saves = await realSaves(1000);
    // Words of the fixture news pages (past the seed article's), so they are new to this browser's store.
    for (const save of saves.slice(900, 930)) await ask(ext, 'vocabSave', { rid: `page-${Math.random()}`, save });
    await ext.close();
    page = await openVocabPage();
  });

  afterAll(() => page.close());

  it('finds a word by romaji and by English, and filters by site', async () => {
    const { words } = await ask<VocabDump>(page, 'vocabList', {});
    const unique = uniqueHeadwords(words);
    // A word whose romaji and first gloss are long enough to pick out a handful of words, not hundreds.
    const target = words.find(
      (w) =>
        unique.has(w.headword) &&
        /^[\u4e00-\u9fff]{2,}$/.test(w.headword) &&
        toRomaji(w.reading).length >= 8 &&
        (w.senses[0]?.glosses[0]?.length ?? 0) >= 12,
    )!;
    const search = page.locator('input.search');
    await search.fill(toRomaji(target.reading));
    await expect.poll(() => wordRow(page, target.headword).count()).toBe(1);
    expect(await page.locator('tr.word').count()).toBeLessThan(20);
    await search.fill(target.senses[0]!.glosses[0]!);
    await expect.poll(() => wordRow(page, target.headword).count()).toBe(1);
    expect(await page.locator('tr.word').count()).toBeLessThan(20);
    await search.fill('');

    const perSite = new Map<string, number>();
    for (const w of words)
      for (const site of new Set(w.sentences.map((x) => x.site))) perSite.set(site, (perSite.get(site) ?? 0) + 1);
    const [site, count] = [...perSite].filter(([, n]) => n < 100).sort((a, b) => b[1] - a[1])[0]!;
    await page.locator('.filters select').first().selectOption(site);
    await expect.poll(() => page.locator('tr.word').count()).toBe(count);
    expect(await page.locator('.found').textContent()).toBe(`${count} shown`);
    await page.locator('.filters select').first().selectOption('');
  });

  it('marks a word learning, keeps a note, and shows only learning words under that filter', async () => {
    const row = page.locator('tr.word').first();
    const headword = (await row.locator('.headword').textContent())!;
    await row.locator('td.status select').selectOption('learning');
    await row.locator('.expand').click();
    const note = page.locator('tr.detail textarea');
    await note.fill('国会で審議中');
    await note.blur();
    await expect
      .poll(async () => (await ask<VocabDump>(page, 'vocabList', {})).words.find((w) => w.headword === headword)?.note)
      .toBe('国会で審議中');
    await page.locator('.filters select').nth(2).selectOption('learning');
    await expect.poll(() => page.locator('tr.word').count()).toBe(1);
    expect(await page.locator('tr.word .headword').textContent()).toBe(headword);
    await page.locator('.filters select').nth(2).selectOption('all');
  });

  it('deletes a word and brings it back with Undo', async () => {
    const before = await ask<VocabDump>(page, 'vocabList', {});
    const unique = uniqueHeadwords(before.words);
    const heads = await page.locator('tr.word .headword').allTextContents();
    const row = page.locator('tr.word').nth(heads.findIndex((h) => unique.has(h)));
    const headword = (await row.locator('.headword').textContent())!;
    await row.locator('button.delete').click();
    await expect.poll(() => wordRow(page, headword).count()).toBe(0);
    expect((await ask<VocabDump>(page, 'vocabList', {})).words).toHaveLength(before.words.length - 1);
    await page.locator('.toast button.undo').click();
    await expect.poll(() => wordRow(page, headword).count()).toBe(1);
    const after = await ask<VocabDump>(page, 'vocabList', {});
    const byId = (d: VocabDump) => [...d.words].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(before));
  });

  it('makes a list, moves and copies words into it, renames it, and deletes it after confirming', async () => {
    await page.locator('button.new-list').click();
    await page.locator('.list-form input').fill('軍縮');
    await page.locator('.list-form button[type=submit]').click();
    const gunshuku = page.locator('.list-choice', { hasText: '軍縮' });
    await expect.poll(() => gunshuku.getAttribute('aria-current')).toBe('true');
    // The new list is empty and shown; go back to all words and move two, copy one.
    await page.locator('.list-choice').first().click();
    const heads = await page.locator('tr.word .headword').allTextContents();
    await page.locator('tr.word td.select input').nth(0).check();
    await page.locator('tr.word td.select input').nth(1).check();
    const listId = (await gunshuku.getAttribute('data-list'))!;
    await page.locator('.bulk-copy').selectOption(listId);
    await expect.poll(async () => (await gunshuku.locator('.count').textContent())?.trim()).toBe('2');
    const { words } = await ask<VocabDump>(page, 'vocabList', {});
    for (const h of heads.slice(0, 2)) expect(words.find((w) => w.headword === h)!.lists).toContain(listId);

    // Moving one of them out of the list, seen from the list: it leaves the list for the default one.
    await gunshuku.click();
    await expect.poll(() => page.locator('tr.word').count()).toBe(2);
    const moved = (await page.locator('tr.word .headword').first().textContent())!;
    await page.locator('tr.word td.select input').first().check();
    await page.locator('.bulk-move').selectOption('default');
    await expect.poll(async () => (await gunshuku.locator('.count').textContent())?.trim()).toBe('1');
    const movedWord = (await ask<VocabDump>(page, 'vocabList', {})).words.find((w) => w.headword === moved)!;
    expect(movedWord.lists).toContain('default');
    expect(movedWord.lists).not.toContain(listId);
    await page.locator('tr.word td.select input').first().uncheck();

    await page.locator('button.rename-list').click();
    await page.locator('.list-form input').fill('核軍縮');
    await page.locator('.list-form button[type=submit]').click();
    await expect.poll(() => page.locator('.list-choice', { hasText: '核軍縮' }).count()).toBe(1);

    // Dismissing the confirmation keeps the list; accepting deletes it and keeps its words.
    page.once('dialog', (d) => void d.dismiss());
    await page.locator('button.delete-list').click();
    await page.waitForTimeout(300);
    expect((await ask<VocabDump>(page, 'vocabList', {})).lists.some((l) => l.id === listId)).toBe(true);
    let confirmText = '';
    page.once('dialog', (d) => {
      confirmText = d.message();
      void d.accept();
    });
    await page.locator('button.delete-list').click();
    await expect
      .poll(async () => (await ask<VocabDump>(page, 'vocabList', {})).lists.some((l) => l.id === listId))
      .toBe(false);
    expect(confirmText).toMatch(/核軍縮.*1 word stays/);
    const after = await ask<VocabDump>(page, 'vocabList', {});
    expect(after.words).toHaveLength(words.length);
  });
});

describe('Chromium: export and import', () => {
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    page = await openVocabPage();
    dir = mkdtempSync(join(tmpdir(), 'kiji-e2e-vocab-files-'));
    // Saving again is harmless (a save merges), so this holds whether or not the tests above ran.
    const saves = await realSaves(350);
    await page.evaluate(
      (batch) =>
        Promise.all(
          batch.map((save, i) =>
            chrome.runtime.sendMessage({
              kiji: 1,
              type: 'vocabSave',
              payload: { rid: `seed-${i}-${Date.now()}`, save },
            }),
          ),
        ),
      [
        ...saves,
        await saveOf(
          seedSentences().find((x) => x.includes('延長'))!,
          '延長',
        ),
      ],
    );
    await page.reload();
    await page.waitForSelector('html[data-vocab-ready]', { state: 'attached' });
  });

  afterAll(async () => {
    await page.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  async function download(button: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }).catch(async (err: unknown) => {
        // Say what the page showed instead (an error message, or nothing), not only that no file came.
        const shown = await page
          .locator('.transfer .message')
          .textContent({ timeout: 1_000 })
          .catch(() => null);
        throw new Error(`no download from ${button}; the page says: ${shown ?? '(nothing)'}; ${String(err)}`);
      }),
      page.locator(button).click(),
    ]);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  it('round trip: export a JSON backup, wipe, import it, and the data is identical', async () => {
    await ask(page, 'vocabUpdate', {
      rid: `rt-${Math.random()}`,
      ids: [(await ask<VocabDump>(page, 'vocabList', {})).words[0]!.id],
      patch: { status: 'known', note: 'メモ "quoted", <b>' },
    });
    const before = await ask<VocabDump>(page, 'vocabList', {});
    expect(before.words.length).toBeGreaterThan(300);
    const backup = await download('button.export-json');
    expect(JSON.parse(backup).words).toHaveLength(before.words.length);

    await ask(page, 'vocabImport', { rid: `wipe-${Math.random()}`, data: { lists: [], words: [] }, mode: 'replace' });
    await page.reload();
    await page.waitForSelector('html[data-vocab-ready="0"]', { state: 'attached' });

    writeFileSync(join(dir, 'backup.json'), backup);
    await page.locator('input.import-file').setInputFiles(join(dir, 'backup.json'));
    await expect.poll(() => page.locator('.import-preview').textContent()).toContain(`${before.words.length} words`);
    page.once('dialog', (d) => void d.accept());
    await page.locator('button.import-replace').click();
    await expect.poll(() => page.locator('.transfer .message').textContent()).toMatch(/Imported/);

    const after = await ask<VocabDump>(page, 'vocabList', {});
    const byId = (d: VocabDump) => [...d.words].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after)).toEqual(byId(before));
    expect(after.lists).toEqual(before.lists);
    expect(after.lastListId).toBe(before.lastListId);
    const again = await download('button.export-json');
    const withoutDate = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '');
    expect(withoutDate(again)).toBe(withoutDate(backup));
  });

  it('exports Anki TSV with its header lines, one note per word, the word bold in its sentence', async () => {
    const { words } = await ask<VocabDump>(page, 'vocabList', {});
    const tsv = await download('button.export-tsv');
    const lines = tsv.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#tags column:9']);
    expect(lines).toHaveLength(4 + words.length);
    const enchou = lines.find((l) => l.startsWith('延長\t'))!.split('\t');
    expect(enchou.slice(0, 3)).toEqual(['延長', 'えんちょう', '延長[えんちょう]']);
    expect(enchou[4]).toContain('<b>延長</b>');
    expect(enchou[5]).toContain('{{c1::延長}}');
  });

  it('refuses a broken file with the line of each problem, and imports nothing', async () => {
    const before = await ask<VocabDump>(page, 'vocabList', {});
    const lines = (await download('button.export-tsv')).split('\n');
    // No word on line 7: Expression, Reading and Furigana (which could stand in for it) all blank.
    lines[6] = ['', '', '', ...lines[6]!.split('\t').slice(3)].join('\t');
    lines[9] = lines[9]!.replace(/^([^\t]*)\t/, '$1\t"never closed ');
    writeFileSync(join(dir, 'broken.tsv'), lines.join('\n'));
    await page.locator('input.import-file').setInputFiles(join(dir, 'broken.tsv'));
    const errors = page.locator('.import-errors');
    await expect.poll(() => errors.textContent()).toContain('Nothing was imported from broken.tsv');
    expect(await errors.locator('li').allTextContents()).toEqual(['Line 10: a quoted field that never ends.']);
    lines[9] = lines[9].replace('"never closed ', '');
    writeFileSync(join(dir, 'broken.tsv'), lines.join('\n'));
    await page.locator('input.import-file').setInputFiles(join(dir, 'broken.tsv'));
    await expect
      .poll(() => errors.locator('li').allTextContents())
      .toEqual(['Line 7: the word (Expression) is empty.']);
    expect(await page.locator('button.import-merge').count()).toBe(0);
    expect(await ask<VocabDump>(page, 'vocabList', {})).toEqual(before);
  });

  it('imports a CSV from elsewhere into a list, merging duplicates with the words already saved', async () => {
    const before = await ask<VocabDump>(page, 'vocabList', {});
    const enchou = before.words.find((w) => w.headword === '延長')!;
    const csv =
      'Word,Reading,Meaning,Sentence,URL\n延長,えんちょう,extension,"条約の<b>延長</b>で合意",https://www3.nhk.or.jp/news/x.html\n批准,ひじゅん,ratification,,\n';
    writeFileSync(join(dir, 'sheet.csv'), csv);
    await page.locator('input.import-file').setInputFiles(join(dir, 'sheet.csv'));
    await expect.poll(() => page.locator('.import-preview').textContent()).toContain('2 rows, 2 words');
    await page.locator('button.import-merge').click();
    await expect.poll(() => page.locator('.transfer .message').textContent()).toMatch(/Imported/);
    const after = await ask<VocabDump>(page, 'vocabList', {});
    const merged = after.words.find((w) => w.headword === '延長')!;
    expect(merged.sentences).toHaveLength(enchou.sentences.length + 1);
    expect(merged.sentences.at(-1)!.site).toBe('www3.nhk.or.jp');
    expect(after.words.length).toBe(before.words.length + (before.words.some((w) => w.headword === '批准') ? 0 : 1));
  });
});

describe('Chromium: the words survive', () => {
  it('a browser restart on the same profile, and an extension update', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'kiji-e2e-vocab-profile-'));
    const extensionDir = extensionCopyForTests('chrome');
    try {
      const saves = await realSaves(25);
      let browser = await launchOnProfile(profileDir, extensionDir);
      let page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      for (const save of saves) await ask(page, 'vocabSave', { rid: `restart-${Math.random()}`, save });
      await ask(page, 'vocabLists', {
        rid: `restart-list-${Math.random()}`,
        edit: { op: 'create', id: 'l-kokkai', name: '国会' },
      });
      const before = await ask<VocabDump>(page, 'vocabList', {});
      expect(before.words).toHaveLength(25);
      await browser.close();

      browser = await launchOnProfile(profileDir, extensionDir);
      page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const after = await ask<VocabDump>(page, 'vocabList', {});
      const byId = (d: VocabDump) => [...d.words].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(after)).toEqual(byId(before));
      expect(after.lists).toEqual(before.lists);

      await browser.close();

      // An update: a new version of the extension on disk, picked up at the next start (runtime.reload() does not
      // bring back an extension loaded from the command line, so the restart stands in for Chrome's updater).
      const manifestPath = join(extensionDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
      writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }, null, 2));
      browser = await launchOnProfile(profileDir, extensionDir);
      page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      expect(await page.evaluate(() => chrome.runtime.getManifest().version)).toBe(`${manifest.version}.1`);
      const updated = await ask<VocabDump>(page, 'vocabList', {});
      expect(byId(updated)).toEqual(byId(before));
      expect(browser.sink.hits).toEqual([]);
      await browser.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      rmSync(extensionDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});

describe('Chromium: AnkiConnect', () => {
  let anki: FakeAnki;
  let browser: PersistentBrowser;
  let page: Page;
  const profileDir = mkdtempSync(join(tmpdir(), 'kiji-e2e-anki-profile-'));
  let extensionDir: string;

  beforeAll(async () => {
    anki = await startFakeAnki(8765);
    extensionDir = extensionCopyForTests('chrome');
    // Headless Chromium cannot answer the permission prompt, so this copy holds 127.0.0.1:8765 from the start:
    // the page still calls permissions.request when the option is turned on, which then resolves at once.
    const manifestPath = join(extensionDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: [ANKI_CONNECT_ORIGIN] }, null, 2));
    browser = await launchOnProfile(profileDir, extensionDir);
    page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/vocab.html`);
    const saves = [
      await saveOf(
        seedSentences().find((x) => x.includes('延長'))!,
        '延長',
      ),
      ...(await realSaves(5)),
    ];
    for (const save of saves) await ask(page, 'vocabSave', { rid: `anki-${Math.random()}`, save });
    await page.reload();
    await page.waitForSelector('html[data-vocab-ready]', { state: 'attached' });
  });

  afterAll(async () => {
    await browser?.close();
    await anki?.close();
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    rmSync(extensionDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('is off by default: no Anki controls in the table, nothing sent to 127.0.0.1:8765', async () => {
    expect(await page.locator('.anki-enable').isChecked()).toBe(false);
    expect(await page.locator('button.to-anki').count()).toBe(0);
    expect(anki.actions).toEqual([]);
  });

  it('turned on, connects, maps the note type, and sends a word to the chosen deck', async () => {
    await page.locator('.anki-enable').check();
    await expect.poll(() => page.locator('.anki-status').textContent()).toBe('Connected to AnkiConnect (version 6).');
    await page.locator('select.anki-deck').selectOption('日本語::ニュース');
    await page.locator('select.anki-model').selectOption('Japanese (Kiji)');
    await expect.poll(() => page.locator('.anki-fields select[data-field="Reading"]').inputValue()).toBe('Reading');
    await page.locator('.anki-fields select[data-field="Source"]').selectOption('Furigana');
    await wordRow(page, '延長').locator('button.to-anki').click();
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Anki: 1 added, 0 already there.');
    expect(anki.notes).toHaveLength(1);
    expect(anki.notes[0]).toMatchObject({
      deckName: '日本語::ニュース',
      modelName: 'Japanese (Kiji)',
      fields: { Expression: '延長', Reading: 'えんちょう', Source: '延長[えんちょう]' },
      tags: ['kiji', 'My_words'],
    });
    expect(anki.notes[0]!.fields.Sentence).toContain('<b>延長</b>');
    // The mapping is a setting: it is there after a reload.
    await page.reload();
    await expect.poll(() => page.locator('.anki-fields select[data-field="Source"]').inputValue()).toBe('Furigana');
    await wordRow(page, '延長').locator('button.to-anki').click();
    await expect.poll(() => page.locator('.toast').textContent()).toBe('Anki: 0 added, 1 already there.');
  });

  it('says clearly that Anki is not running when nothing answers', async () => {
    await anki.close();
    await page.locator('button.anki-connect').click();
    await expect.poll(() => page.locator('.anki-status').textContent()).toMatch(/^Anki is not running/);
    await wordRow(page, '延長').locator('button.to-anki').click();
    await expect.poll(() => page.locator('.toast').textContent()).toMatch(/^Anki is not running/);
    anki = await startFakeAnki(8765);
  });

  it('sent nothing beyond 127.0.0.1', () => {
    expect(browser.sink.hits).toEqual([]);
  });
});
