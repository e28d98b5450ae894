import { render } from 'preact';
import { Welcome } from './Welcome';
import { preparePage } from '../ui/page-theme';
import { t } from '../ui/i18n';

document.title = t('welcomeTitle');
preparePage();
render(<Welcome />, document.getElementById('app')!);
