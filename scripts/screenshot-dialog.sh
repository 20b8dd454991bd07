#!/usr/bin/env bash
# Takes docs/fiji-dialog.png: the KARL Complexity Map dialog as a user meets it in plain ImageJ
# 1.54p (real GUI under Xvfb, KARL installed from the install zip): labels with their meaning and
# unit, the ε line, the Help button. Needs: xvfb, imagemagick (apt-get install -y xvfb imagemagick).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
out="${1:-docs/fiji-dialog.png}"
work="$(mktemp -d)"
trap 'kill $ij_pid 2>/dev/null || true; kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -DskipTests package test-compile
mkdir -p "$work/ImageJ"
unzip -q target/KARL_Tokenizer-*-fiji.zip -d "$work/ImageJ"
cat > "$work/m.ijm" <<MACRO
newImage("cells", "8-bit ramp", 256, 256, 1);
run("KARL Complexity Map...");
MACRO
Xvfb :82 -screen 0 1000x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:82
sleep 2
java -Djava.awt.headless=false -Dkarl.cache.dir="$work/cache" \
	-jar "$(tr ':' '\n' < target/classpath.txt | grep '/ij-1.54')" -ijpath "$work/ImageJ" \
	-macro "$work/m.ijm" >"$work/ij.log" 2>&1 &
ij_pid=$!
sleep 12 # NB: the dialog is modal; the macro waits in it
# the dialog only (ImageJ centres it; no window manager, so no title bars)
import -window root -crop 906x686+47+53 +repage "$out"
echo "wrote $out"
