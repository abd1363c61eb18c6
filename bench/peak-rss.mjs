// Loaded with `node --import` into each benchmarked process: reports its peak RSS at exit.
process.on('exit', () => {
  process.stderr.write(`\nJUNCTION_BENCH ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
