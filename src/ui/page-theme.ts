import { loadSettings } from './settings-store';

/** Extension pages follow the system theme unless the user forced one; the CSS reads `data-theme`. */
export function applyPageTheme(): void {
  void loadSettings().then((s) => {
    if (s.theme !== 'system') document.documentElement.dataset.theme = s.theme;
    else delete document.documentElement.dataset.theme;
  });
}
