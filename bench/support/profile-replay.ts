// Profiles the ingress-sync replay alone: run through `npx tsx --cpu-prof --cpu-prof-dir=/tmp/... bench/support/profile-replay.ts`.
process.env.BENCH_SKIP_KAFKA = '1';
await import('../functions.js');
