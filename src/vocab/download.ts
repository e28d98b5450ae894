/** Saves text as a file through the browser's download of a blob URL (no downloads permission needed). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once it started; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "kiji-vocabulary-2024-05-01.json" */
export function datedName(base: string, ext: string, now = new Date()): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `${base}-${d}.${ext}`;
}
