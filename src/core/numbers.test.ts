import { lookupNumber } from './numbers';

function read(text: string, at = 0) {
  const found = lookupNumber(text, at);
  return (
    found && {
      start: found.start,
      headword: found.entry.headword,
      reading: found.entry.reading,
      gloss: found.entry.senses[0]!.glosses[0],
    }
  );
}

describe('lookupNumber: numbers and counters as news writes them', () => {
  // Readings checked against NHK's pronunciation conventions; the irregular ones are the point.
  it.each([
    ['2021年1月27日', '2021年', 'にせんにじゅういちねん', 'the year 2021'],
    ['4月から', '4月', 'しがつ', 'April'],
    ['７月に', '７月', 'しちがつ', 'July'],
    ['９月には', '９月', 'くがつ', 'September'],
    ['1日', '1日', 'ついたち', 'the 1st (day of the month)'],
    ['5日の期限', '5日', 'いつか', 'the 5th (day of the month)'],
    ['20日', '20日', 'はつか', 'the 20th (day of the month)'],
    ['14日', '14日', 'じゅうよっか', 'the 14th (day of the month)'],
    ['26日、', '26日', 'にじゅうろくにち', 'the 26th (day of the month)'],
    ['17日', '17日', 'じゅうしちにち', 'the 17th (day of the month)'],
    ['3日間', '3日間', 'みっかかん', '3 days'],
    ['1日間', '1日間', 'いちにちかん', 'one day'],
    ['17日間', '17日間', 'じゅうしちにちかん', '17 days'],
    ['4時間', '4時間', 'よじかん', '4 hours'],
    ['30時間', '30時間', 'さんじゅうじかん', '30 hours'],
    ['4年間', '4年間', 'よねんかん', '4 years'],
    ['5年延長', '5年', 'ごねん', '5 years'],
    ['4年', '4年', 'よねん', '4 years'],
    ['1人', '1人', 'ひとり', 'one person'],
    ['4人', '4人', 'よにん', '4 people'],
    ['20歳', '20歳', 'はたち', '20 years old'],
    ['18歳', '18歳', 'じゅうはっさい', '18 years old'],
    ['54歳', '54歳', 'ごじゅうよんさい', '54 years old'],
    ['4時', '4時', 'よじ', "4 o'clock"],
    ['9時半', '9時半', 'くじはん', 'half past 9'],
    ['3分', '3分', 'さんぷん', '3 minutes'],
    ['4分', '4分', 'よんぷん', '4 minutes'],
    ['6分', '6分', 'ろっぷん', '6 minutes'],
    ['5分', '5分', 'ごふん', '5 minutes'],
    ['3本', '3本', 'さんぼん', '3 (long objects)'],
    ['1本', '1本', 'いっぽん', '1 (long objects)'],
    ['10回', '10回', 'じゅっかい', '10 times'],
    ['6回', '6回', 'ろっかい', '6 times'],
    ['3階', '3階', 'さんがい', '3rd floor'],
    ['3万5000人', '3万5000人', 'さんまんごせんにん', '35,000 people'],
    ['1000万円', '1000万円', 'いっせんまんえん', '¥10 million'],
    ['12億ドル', '12億ドル', 'じゅうにおくどる', '$1.2 billion'],
    ['1兆円', '1兆円', 'いっちょうえん', '¥1 trillion'],
    ['1.5兆円', '1.5兆円', 'いってんごちょうえん', '¥1.5 trillion'],
    ['3千人', '3千人', 'さんぜんにん', '3,000 people'],
    ['300人', '300人', 'さんびゃくにん', '300 people'],
    ['600', '600', 'ろっぴゃく', '600'],
    ['8000', '8000', 'はっせん', '8,000'],
    ['5,735人', '5,735人', 'ごせんななひゃくさんじゅうごにん', '5,735 people'],
    ['3割', '3割', 'さんわり', '30%'],
    ['75%の', '75%', 'ななじゅうごぱーせんと', '75%'],
    ['1カ国', '1カ国', 'いっかこく', 'one country'],
    ['8か月', '8か月', 'はっかげつ', '8 months'],
    ['2週間', '2週間', 'にしゅうかん', '2 weeks'],
    ['120秒間', '120秒間', 'ひゃくにじゅうびょうかん', '120 seconds'],
    ['10分間', '10分間', 'じゅっぷんかん', '10 minutes'],
  ])('%s → %s %s', (text, headword, reading, gloss) => {
    expect(read(text)).toEqual({ start: 0, headword, reading, gloss });
  });

  it('reads the whole number from any digit, unit or counter of it, and a month past 12 is a number and 月 apart', () => {
    expect(read('期限は2021年だ', 5)).toMatchObject({ start: 3, headword: '2021年' });
    // On 日 of 26日 the popup is about the date, not 日 "Sunday".
    expect(read('外交文書が26日に', 7)).toMatchObject({ start: 5, headword: '26日', reading: 'にじゅうろくにち' });
    expect(read('3万5000人が', 1)).toMatchObject({ start: 0, headword: '3万5000人' });
    expect(read('3万5000人が', 6)).toMatchObject({ start: 0, headword: '3万5000人' });
    expect(read('3か月後', 2)).toMatchObject({ start: 0, headword: '3か月' });
    expect(read('月曜日', 2)).toBeNull();
    expect(read('13月', 0)).toMatchObject({ headword: '13', reading: 'じゅうさん' });
  });

  it('leaves codes alone and answers only on a digit', () => {
    expect(read('G7サミット', 1)).toBeNull();
    expect(read('COVID19', 5)).toBeNull();
    expect(read('月曜日', 0)).toBeNull();
    expect(read('', 0)).toBeNull();
  });

  it('does not take a list comma for a thousands separator', () => {
    expect(read('3,4月', 0)).toMatchObject({ headword: '3', reading: 'さん' });
  });
});
