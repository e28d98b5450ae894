import { render } from 'preact';
import { Popup } from './Popup';
import { preparePage } from '../ui/page-theme';

preparePage();
render(<Popup />, document.getElementById('app')!);
