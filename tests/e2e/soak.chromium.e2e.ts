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

  // Private memory is the process's own: a leak shows there, while PSS also swings with the share of libraries
  // other processes map (soak/run.ts). The 10 % of issue 11 holds for the short run too; PSS keeps to its budget.
  it('kept the extension process within 10 % of its private memory after the first 100 hovers, under 150 MB PSS', () => {
    expect(report.curve.length).toBeGreaterThanOrEqual(SHORT.hovers / SHORT.sampleEvery);
    const from = report.curve.find((c) => c.hovers >= 100)!.privateMb;
    expect(report.curve.at(-1)!.privateMb, verdict('memory').detail).toBeLessThanOrEqual(from * 1.1);
    expect(report.peakMb, verdict('memory').detail).toBeLessThanOrEqual(150);
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
