// The benchmark pipeline's work in plain JavaScript, no engine and no sandbox: the yardstick the
// Code backends are measured against. `node bench/plain-pipeline.mjs N` prints the aggregate.
const n = Number(process.argv[2] ?? 100_000);
const countries = ['DE', 'FR', 'US', 'GB', 'ES'];
const made = new Array(n);
for (let i = 0; i < n; i++) made[i] = { id: i, name: 'customer ' + i, email: 'user' + i + '@example' + (i % 7) + '.com', amount: (i * 37) % 1000, country: countries[i % 5] };
const withFields = made.map((j) => ({ ...j, nameUpper: j.name.toUpperCase(), domain: j.email.split('@')[1], gross: j.amount * 1.2 }));
const high = [];
const low = [];
for (const j of withFields) (j.amount > 500 ? high : low).push(j);
const merged = high.concat(low);
const groups = new Map();
for (const j of merged) {
  let g = groups.get(j.country);
  if (!g) groups.set(j.country, (g = { country: j.country, orders: 0, amount: 0 }));
  g.orders++;
  g.amount += j.amount;
}
process.stdout.write(`${JSON.stringify([...groups.values()])}\n`);
