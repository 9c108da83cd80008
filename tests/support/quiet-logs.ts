// The service's JSON log lines would drown the test report; LOG=1 shows them.
import { setLogSink } from '../../src/log';

if (process.env.LOG !== '1') setLogSink(() => undefined);
