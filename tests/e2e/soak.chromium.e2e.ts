import { formatReport, runSoak, SHORT, type SoakReport } from '../../scripts/soak/run';

// The short endurance run of `npm run soak` (600 hovers over the 13 fixture pages, 3 tabs, 5 reading-mode cycles,
// 50 saves, 3 service worker stops): about two minutes on a 2-core machine. `npm run soak -- --long` is the full one.
let report: SoakReport;

beforeAll(async () => {
  report = await runSoak(SHORT);
  console.log(formatReport(report));
}, 600_000);

const verdict = (name: string) => {
  const v = report.verdicts.find((x) => x.name === name);
  if (!v) throw new Error(`no verdict "${name}"`);
  return v;
};

describe('Chromium: the short endurance run', () => {
  it('answered every hover, across service worker stops and tabs opened and closed', () => {
    expect(report.hovers).toBe(SHORT.hovers);
    expect(report.workerStops).toBe(SHORT.workerStops);
    expect(report.tabsOpened).toBe(SHORT.tabs);
    expect(report.unanswered).toEqual([]);
  });

  it('kept every word saved from the popup', () => {
    expect(report.saves).toHaveLength(SHORT.saves);
    expect(report.missingWords).toEqual([]);
    expect(report.storedWords).toBe(SHORT.saves);
  });

  // One end sample of a 600-hover run swings by about ±10 % on this machine (−11 % to +11 % over runs of the same
  // code), so the short run guards against a leak of more than 20 %; the 10 % target of issue 11 is judged by the
  // long run (`npm run soak -- --long`, 5,000 hovers), whose verdict the script prints.
  it('kept the extension process within 20 % of its size after the first 100 hovers', () => {
    expect(report.curve.length).toBeGreaterThanOrEqual(SHORT.hovers / SHORT.sampleEvery);
    expect(report.finalMb, verdict('memory').detail).toBeLessThanOrEqual(report.baselineMb * 1.2);
  });

  // The saved news pages run their own scripts (some add nodes now and then): what is Kiji's is its furigana, and
  // nodes its scripts keep after they left the page.
  it('left the page as it was after each reading-mode cycle: no furigana left, no detached node', () => {
    expect(report.readingChecks).toHaveLength(SHORT.readingToggles);
    for (const c of report.readingChecks) {
      expect(c.after.rubies, c.page).toBe(0);
      expect(c.after.detachedNodes, c.page).toBeLessThanOrEqual(c.before.detachedNodes);
    }
  });

  it('logged no error from Kiji on any page', () => {
    expect(report.pageErrors).toEqual([]);
  });
});
