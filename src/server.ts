import { runMasa } from './start.js';

runMasa();
