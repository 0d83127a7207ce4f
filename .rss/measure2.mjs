import { fork } from 'node:child_process';
async function rss(execArgv, mode) {
  const child = fork('bench/support/webhook-process.ts', [mode, '5000', '20000', '500'], { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise((r) => child.once('message', r));
  await new Promise((r) => setTimeout(r, 1000));
  const rss = await new Promise((r) => { child.once('message', (m) => r(m.rss)); child.send('rss'); });
  child.send('stop');
  return `${mode} ${execArgv.join(' ')} ready ${Math.round(ready.readyMs)} sync ${Math.round(ready.syncMs)} rss ${Math.round(rss / 2 ** 20)} MiB`;
}
for (const flags of [[], ['--max-semi-space-size=8'], ['--max-semi-space-size=16'], ['--max-semi-space-size=32']]) console.log(await rss(flags, 'acpnet'));
