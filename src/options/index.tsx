import { render } from 'preact';
import { Options } from './Options';
import { preparePage } from '../ui/page-theme';
import { t } from '../ui/i18n';

document.title = t('optionsTitle');
preparePage();
render(<Options />, document.getElementById('app')!);
