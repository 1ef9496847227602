/**
 * Preloaded (`node --require`) into a process the bench measures: on exit it writes the
 * process's own peak resident set to stderr, read by the bench. Works where /usr/bin/time
 * does not exist and needs no polling.
 */
process.on('exit', () => {
  process.stderr.write(`\nbench-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
