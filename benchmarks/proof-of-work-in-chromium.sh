#!/bin/sh
# Times the tip form's proof of work (BalloonHash as proof-of-work-worker.js computes it) in headless Chromium, to
# calibrate its difficulty (ADR 17). Prints milliseconds per hash. Usage: benchmarks/proof-of-work-in-chromium.sh [hashes]
set -eu
hashes=${1:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
{
  echo '<!DOCTYPE html><html><body><pre id="out"></pre><script>'
  sed '/^self.onmessage/,$d' "$root/intake-web/src/main/resources/static/js/proof-of-work-worker.js"
  cat <<JS
var enc = new TextEncoder(); var salt = enc.encode('tipline/proof-of-work/v1');
balloon(enc.encode('warm|up'), salt, 4096, 1, 3);
var t0 = performance.now();
for (var i = 0; i < $hashes; i++) { balloon(enc.encode('v2.pass|token|' + i), salt, 4096, 1, 3); }
document.getElementById('out').textContent = 'ms_per_hash=' + ((performance.now() - t0) / $hashes).toFixed(1);
</script></body></html>
JS
} > "$page"
chromium --headless=new --no-sandbox --disable-gpu --dump-dom "file://$page" 2>/dev/null | grep -o 'ms_per_hash=[0-9][0-9.]*'
