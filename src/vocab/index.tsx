import { render } from 'preact';
import { applyPageTheme } from '../ui/page-theme';
import { t } from '../ui/i18n';
import { VocabPage } from './VocabPage';

document.title = t('vocabPageTitle');
applyPageTheme();
render(<VocabPage />, document.getElementById('app')!);
