import { processIo } from './cli-io';
import { runCli } from './program';

const io = processIo();
void runCli(process.argv.slice(2), io)
  .then(async (code) => {
    await io.log?.close();
    return code;
  })
  .then((code) => {
    process.exitCode = code;
  });
