/** Firefox background page: the engine runs here directly (no offscreen documents, no 160 MB per tab). */
import { createEngine } from '../core/engine';
import { extensionAssets } from './assets';
import { answerEngineRequest } from './handlers';
import { startRouter } from './router';
import { listenOnEnginePort } from './engine-port';
import { listenForCommands } from './commands';
import { openWelcomeOnInstall } from './welcome';
import { warmVocabStore } from './vocab/requests';

const engine = createEngine(extensionAssets);
startRouter((msg) => answerEngineRequest(engine, msg));
listenOnEnginePort((msg) => answerEngineRequest(engine, msg));
warmVocabStore();

listenForCommands();
openWelcomeOnInstall();
