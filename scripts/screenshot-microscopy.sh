#!/usr/bin/env bash
# Takes docs/fiji-microscopy.png: plain ImageJ 1.54p (real GUI under Xvfb) with KARL installed
# from the install zip, the widefield demonstration image of NormalizationDemo (12-bit data in
# a 16-bit image) mapped with the shipped model as show=overlay, once with normalize=range (the
# pixel type's range: a flat map) and once with normalize=percentile (the default). ImageJ's own
# Capture Screen takes the picture, so only Xvfb is needed.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
out="${1:-docs/fiji-microscopy.png}"
work="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -DskipTests package test-compile
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
mkdir -p "$work/ImageJ"
unzip -q target/KARL_Tokenizer-*-fiji.zip -d "$work/ImageJ"
java -cp "$cp" org.karl.image.NormalizationDemo "$work/widefield.tif"
abs_out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"

cat > "$work/shot.ijm" <<MACRO
open("$work/widefield.tif"); rename("12-bit, normalize=range");
run("KARL Complexity Map...", "epsilon=0.05 normalize=range show=overlay display=fixed");
open("$work/widefield.tif"); rename("12-bit, normalize=percentile (default)");
run("KARL Complexity Map...", "epsilon=0.05 normalize=percentile show=overlay display=fixed");
if (isOpen("Results")) { selectWindow("Results"); run("Close"); }
if (isOpen("KARL tiles")) { selectWindow("KARL tiles"); run("Close"); }
selectImage("12-bit, normalize=range"); setLocation(0, 84);
selectImage("12-bit, normalize=percentile (default)"); setLocation(545, 84);
wait(2000);
run("Capture Screen");
saveAs("PNG", "$abs_out");
run("Close All");
run("Quit"); // NB: eval("script", ...) needs a JavaScript engine, which Java 17 lacks: it hung until the timeout
MACRO

Xvfb :78 -screen 0 1090x640x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:78
sleep 2
timeout 300 java -Djava.awt.headless=false -Dkarl.cache.dir="$work/cache" \
	-jar "$(tr ':' '\n' < target/classpath.txt | grep '/ij-1.54')" -ijpath "$work/ImageJ" \
	-macro "$work/shot.ijm" >"$work/ij.log" 2>&1 || true
[[ -f "$out" ]] || { cat "$work/ij.log"; echo "no screenshot written" >&2; exit 1; }
echo "wrote $out"
