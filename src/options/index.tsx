import { render } from 'preact';
import { Options } from './Options';
import { applyPageTheme } from '../ui/page-theme';
import { t } from '../ui/i18n';

document.title = t('optionsTitle');
applyPageTheme();
render(<Options />, document.getElementById('app')!);
