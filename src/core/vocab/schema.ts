/**
 * Run-time schemas of the vocabulary data: the background checks every message against them, and import checks
 * every word of a file before anything is written. Bounds are generous but finite, so a bad file cannot fill memory.
 */
import * as v from 'valibot';
import { MAX_SENSES, WORD_STATUSES } from './word';

// Marked pure so that bundles importing this module for its types and bounds (the content script) leave valibot out.
/* @__NO_SIDE_EFFECTS__ */
function str(max: number) {
  return v.pipe(v.string(), v.maxLength(max));
}
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

export const senseSchema = v.object({
  pos: v.pipe(v.array(str(40)), v.maxLength(20)),
  glosses: v.pipe(v.array(str(2000)), v.maxLength(100)),
  tags: v.optional(v.pipe(v.array(str(40)), v.maxLength(20))),
});

export const sourceSchema = v.picklist(['words', 'glossary', 'names']);
export const statusSchema = v.picklist(WORD_STATUSES as ['new', 'learning', 'known']);
export const listIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(80));

export const sentenceSchema = v.object({
  text: str(4000),
  start: offset,
  end: offset,
  title: str(2000),
  url: str(8000),
  site: str(300),
  savedAt: time,
});

export const wordSchema = v.object({
  id: str(400),
  headword: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  reading: str(200),
  source: sourceSchema,
  senses: v.pipe(v.array(senseSchema), v.maxLength(MAX_SENSES * 4)),
  lists: v.pipe(v.array(listIdSchema), v.maxLength(500)),
  status: statusSchema,
  note: str(20_000),
  sentences: v.pipe(v.array(sentenceSchema), v.maxLength(1000)),
  createdAt: time,
  updatedAt: time,
});

export const listSchema = v.object({
  id: listIdSchema,
  name: str(200),
  createdAt: time,
});

export const saveSchema = v.object({
  entry: v.object({
    source: sourceSchema,
    headword: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
    reading: str(200),
    senses: v.pipe(v.array(senseSchema), v.maxLength(MAX_SENSES * 4)),
  }),
  context: v.object({
    sentence: v.object({ text: str(4000), start: offset, end: offset }),
    title: str(2000),
    url: str(8000),
    site: str(300),
  }),
  list: v.optional(v.nullable(listIdSchema)),
  status: v.optional(statusSchema),
});

export const patchSchema = v.object({
  status: v.optional(statusSchema),
  note: v.optional(str(20_000)),
  addLists: v.optional(v.pipe(v.array(listIdSchema), v.maxLength(100))),
  removeLists: v.optional(v.pipe(v.array(listIdSchema), v.maxLength(100))),
});

/** At most this many words in one file or message: ten times a heavy user's list. */
export const MAX_WORDS = 200_000;

const dumpLists = v.pipe(v.array(listSchema), v.maxLength(1000));
const dumpWords = v.pipe(v.array(wordSchema), v.maxLength(MAX_WORDS));

export const dumpSchema = v.object({ lists: dumpLists, words: dumpWords });

/** What an import sends the background: a checked dump, and the list to save into next. */
export const importDataSchema = v.object({
  lists: dumpLists,
  words: dumpWords,
  lastListId: v.optional(listIdSchema),
});
