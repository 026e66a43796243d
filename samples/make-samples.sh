#!/usr/bin/env bash
# Rebuilds the demo data in this folder from the packages it comes from.
# Needs node and npm (for vega-datasets), python3 and the Debian package dataset-fashion-mnist.
# Run from anywhere; writes next to this script.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Palmer penguins: JSON records in vega-datasets become a CSV with an id column.
(cd "$work" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-*.tgz)
node - "$work/package/data/penguins.json" "$here/penguins.csv" <<'JS'
const fs = require('fs');
const [input, output] = process.argv.slice(2);
const rows = JSON.parse(fs.readFileSync(input, 'utf8'));
const columns = Object.keys(rows[0]);
const cell = v => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
};
const lines = [['Id', ...columns].join(',')];
rows.forEach((row, i) => lines.push([`penguin-${i + 1}`, ...columns.map(c => cell(row[c]))].join(',')));
fs.writeFileSync(output, lines.join('\n') + '\n');
console.log(`penguins.csv: ${rows.length} rows`);
JS

# Fashion-MNIST: 300 images per class from the t10k split, as PNGs in class folders.
# Needs the Debian package dataset-fashion-mnist (apt-get install dataset-fashion-mnist).
rm -rf "$here/fashion-mnist"
python3 "$here/fashion_mnist.py" /usr/share/datasets/fashion-mnist "$here/fashion-mnist"
