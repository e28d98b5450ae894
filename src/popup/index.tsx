import { render } from 'preact';
import { Popup } from './Popup';
import { applyPageTheme } from '../ui/page-theme';

applyPageTheme();
render(<Popup />, document.getElementById('app')!);
