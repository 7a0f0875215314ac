import { afterEach } from 'vitest';
import { running } from './apache-dropbox';

export { filesIn, makeTestPki, startDropBox, type DropBox, type TestPki } from './apache-dropbox';

afterEach(async () => {
  for (const box of running.splice(0)) await box.stop();
});
