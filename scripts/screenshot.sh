#!/usr/bin/env bash
# Takes docs/fiji-screenshot.png: plain ImageJ 1.54p (real GUI under Xvfb) with KARL installed
# as a user would (plugins/KARL_Tokenizer-*.jar + engines/karl-tf), the Plugins>KARL menu open
# and a complexity map next to its image. Needs: xvfb, xdotool, imagemagick (apt-get install -y
# xvfb xdotool imagemagick). Model: models/default when present, else a tiny one trained here.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
out="${1:-docs/fiji-screenshot.png}"
work="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null || true; kill $ij_pid 2>/dev/null || true; rm -rf "$work"' EXIT

mvn -B -q -DskipTests package test-compile
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
java -cp "$cp" org.karl.fiji.FijiLayout "$work/ImageJ" >/dev/null
model="${KARL_SCREENSHOT_MODEL:-$here/models/default}"
if [[ ! -f "$model/saved_model.pb" ]]; then
	model="$work/model"
	./karl train-base --preset test --synthetic 512 --steps 150 --output "$work/base" >/dev/null
	./karl train --model "$work/base" --synthetic 512 --steps 100 --output "$model" >/dev/null
fi

cat > "$work/shot.ijm" <<MACRO
newImage("specimen", "8-bit black", 448, 320, 1);
setColor(90); fillOval(40, 40, 160, 120);
setColor(200); fillRect(250, 60, 150, 90);
setColor(140); fillOval(280, 190, 110, 90);
makeRectangle(0, 160, 224, 160); run("Add Specified Noise...", "standard=60");
makeRectangle(224, 0, 224, 160); run("Gaussian Blur...", "sigma=6"); run("Select None");
setLocation(10, 110);
run("KARL Complexity Map...", "epsilon=0.05 model=[$model]");
run("Set... ", "zoom=1600 x=7 y=5");
setLocation(475, 230);
selectWindow("KARL tiles");
setLocation(720, 300);
selectWindow("specimen KARL map");
MACRO

Xvfb :77 -screen 0 1200x560x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:77
sleep 2
java -Djava.awt.headless=false -jar "$(tr ':' '\n' < target/classpath.txt | grep '/ij-1.54')" \
	-ijpath "$work/ImageJ" -macro "$work/shot.ijm" >"$work/ij.log" 2>&1 &
ij_pid=$!
for _ in $(seq 60); do
	xdotool search --name "specimen KARL map" >/dev/null 2>&1 && break
	sleep 2
done
sleep 3
# Open Plugins > KARL on ImageJ's menu bar (positions from ImageJ's main window geometry).
win="$(xdotool search --name '^ImageJ' | head -1)"
eval "$(xdotool getwindowgeometry --shell "$win")"
xdotool mousemove $((X + ${PLUGINS_X:-322})) $((Y + ${MENU_Y:-12})) click 1
sleep 1
xdotool mousemove $((X + ${PLUGINS_X:-322} + 20)) $((Y + ${KARL_Y:-156})) click 1
sleep 1
xdotool mousemove $((X + ${PLUGINS_X:-322} + 280)) $((Y + ${KARL_Y:-156}))
sleep 1
import -window root "$out"
echo "wrote $out (ImageJ log: $(tail -3 "$work/ij.log" | tr '\n' ' '))"
