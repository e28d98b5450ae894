/** Article detection over an HTML string in Node (CLI, tests), with linkedom standing in for the browser DOM. */

import { parseHTML } from 'linkedom';
import { detectArticle } from '../core/article/detect';

interface ArticleJson {
  found: boolean;
  title: string;
  text: string;
  paragraphs: string[];
}

export function detectArticleInHtml(html: string): ArticleJson {
  const { document } = parseHTML(html);
  const r = detectArticle(document);
  return { found: r.found, title: r.title, text: r.text, paragraphs: r.paragraphs };
}
