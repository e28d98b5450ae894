import { render } from 'preact';
import { preparePage } from '../ui/page-theme';
import { t } from '../ui/i18n';
import { VocabPage } from './VocabPage';

document.title = t('vocabPageTitle');
preparePage();
render(<VocabPage />, document.getElementById('app')!);
