import { fork } from 'node:child_process';
async function rss(script, execArgv, mode) {
  const child = fork(script, [mode, '5000', '20000', '500'], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise((r) => child.once('message', r));
  await new Promise((r) => setTimeout(r, 1000));
  const rss = await new Promise((r) => { child.once('message', (m) => r(m.rss)); child.send('rss'); });
  child.send('stop');
  return { mode, execArgv: execArgv.join(' '), readyMs: Math.round(ready.readyMs), syncMs: Math.round(ready.syncMs), rssMiB: Math.round(rss / 2 ** 20) };
}
for (const mode of ['null', 'acpnet']) {
  console.log(await rss('bench/support/webhook-process.ts', ['--import', 'tsx'], mode));
  console.log(await rss('.rss/webhook-process.mjs', [], mode));
}
