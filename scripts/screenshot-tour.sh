#!/usr/bin/env bash
# Takes the screenshots of docs/fiji-users.md's tour: plain ImageJ 1.54p (real GUI under
# Xvfb) with KARL installed from the install zip, ImageJ's own Capture Screen, cropped and scaled
# in ImageJ, each window's title written above it (Xvfb has no window manager, hence no title bars):
#   docs/fiji-tour-views.png     the 8-bit widefield demonstration image (WidefieldDemo), show=tiles,
#                                show=full and show=overlay (display=fixed, epsilon 0.05)
#   docs/fiji-tour-types.png     RGB (chelsea.png) as overlay; a 2-channel x 3-z hyperstack built in
#                                the macro, as overlay and as tile map; the same hyperstack saved and
#                                opened as a virtual stack, as overlay; a selection (oval ROI) map
#   docs/fiji-tour-finetune.png  cell.png as overlay with models/default and with the fine-tuned
#                                model of MicroscopyDemo, at epsilon 0.02 and 0.05 (display=fixed)
#   docs/fiji-tour-finetune-widefield.png  the 8-bit widefield image, the same two models, epsilon 0.10
#   docs/fiji-tour-32bit-time.png  32-bit raw counts with normalize=range and percentile; a time
#                                series (3 frames) as overlay and as tile map
# Usage: scripts/screenshot-tour.sh [TUNED_MODEL_DIR]   (default target/microscopy-demo/tuned; when
# it is missing, `mvn -B -o test -Dtest=MicroscopyDemo` makes it, about 4 min, and rewrites
# docs/fiji-demo.json). SKIP_BUILD=1 reuses target/ as it is. Needs data/skimage (scripts/fetch-data.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
tuned="$(realpath -m "${1:-target/microscopy-demo/tuned}")"
work="$(mktemp -d)"
xvfb_pid=
trap '[[ -n $xvfb_pid ]] && kill $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT

[[ -f data/skimage/cell.png && -f data/skimage/chelsea.png ]] || { echo "run scripts/fetch-data.sh first" >&2; exit 1; }
[[ "${SKIP_BUILD:-}" == 1 ]] || mvn -B -q -o -DskipTests package test-compile
[[ -f "$tuned/karl.json" ]] || nice -n 10 mvn -B -q -o test -Dtest=MicroscopyDemo -Dtuned="$tuned"
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
mkdir -p "$work/ImageJ"
unzip -q target/KARL_Tokenizer-*-fiji.zip -d "$work/ImageJ"
java -cp "$cp" org.karl.image.WidefieldDemo "$work"
docs="$here/docs"
default="$here/models/default"

cat > "$work/shot.ijm" <<MACRO
// No window manager under Xvfb, so no title bars: each window's title is written above it.
function tidy() {
	if (isOpen("Results")) { selectWindow("Results"); run("Close"); }
	if (isOpen("KARL tiles")) { selectWindow("KARL tiles"); run("Close"); }
	if (isOpen("Log")) { selectWindow("Log"); run("Close"); }
}
function place(title, x, y) {
	tidy();
	selectImage(title);
	setLocation(x, y);
}
// Places the windows of titles in a row from the left, 10 px apart.
function row(titles) {
	x = 0;
	for (i = 0; i < titles.length; i++) {
		place(titles[i], x, 120);
		getLocationAndSize(wx, wy, w, h);
		x = x + w + 10;
	}
}
// Capture Screen, crop to the windows of titles (and a label strip above each), scale by f, save.
function shot(titles, f, path) {
	tidy();
	wait(3000);
	n = titles.length;
	xs = newArray(n); ys = newArray(n);
	x0 = 100000; y0 = 100000; x1 = 0; y1 = 0;
	for (i = 0; i < n; i++) {
		selectImage(titles[i]);
		getLocationAndSize(x, y, w, h);
		xs[i] = x; ys[i] = y;
		x0 = minOf(x0, x); y0 = minOf(y0, y - 24); x1 = maxOf(x1, x + w); y1 = maxOf(y1, y + h);
	}
	wait(1000);
	run("Capture Screen");
	makeRectangle(x0, y0, x1 - x0, y1 - y0);
	run("Crop");
	setFont("SansSerif", 15, "bold antialiased");
	for (i = 0; i < n; i++) {
		setColor(255, 255, 255);
		fillRect(xs[i] - x0, ys[i] - y0 - 22, getStringWidth(titles[i]) + 8, 21);
		setColor(0, 0, 0);
		drawString(titles[i], xs[i] - x0 + 4, ys[i] - y0 - 4);
	}
	if (f != 1) run("Scale...", "x=" + f + " y=" + f + " interpolation=Bilinear average create title=shot");
	saveAs("PNG", path);
	run("Close All");
}
map = "KARL Complexity Map...";

// 1. the three views of the 8-bit widefield image (epsilon 0.05, display=fixed: 0..32 tokens)
open("$work/widefield-8bit.tif");
t = "widefield 8-bit, show=overlay"; rename(t);
run(map, "epsilon=0.05 show=tiles display=fixed");
a = "show=tiles (" + getWidth() + "x" + getHeight() + " map, zoom " + round(100 * getZoom()) + "%)"; rename(a);
selectImage(t);
run(map, "epsilon=0.05 show=full display=fixed"); b = "show=full (512x512 map)"; rename(b);
selectImage(t);
run(map, "epsilon=0.05 show=overlay display=fixed");
row(newArray(a, b, t));
shot(newArray(a, b, t), 0.75, "$docs/fiji-tour-views.png");

// 2. image types: RGB, hyperstack, selection
open("$here/data/skimage/chelsea.png"); r = "RGB (chelsea.png), show=overlay"; rename(r);
run(map, "epsilon=0.05 show=overlay display=fixed");
// a 2-channel x 3-z hyperstack: a 256x256 crop of the widefield image in every plane, channel 2
// with added Gaussian noise of sigma 8, 16, 24 at z = 1, 2, 3
open("$work/widefield-8bit.tif"); makeRectangle(0, 0, 256, 256); run("Copy"); close();
h = "hyperstack, overlay, c2 z3";
newImage(h, "8-bit black", 256, 256, 2, 3, 1);
for (z = 1; z <= 3; z++) for (c = 1; c <= 2; c++) {
	Stack.setPosition(c, z, 1); run("Paste");
	if (c == 2) run("Add Specified Noise...", "slice standard=" + (8 * z));
}
run("Select None");
Stack.setDisplayMode("grayscale");
Stack.setPosition(1, 1, 1);
saveAs("Tiff", "$work/hyperstack.tif"); rename(h);
run(map, "epsilon=0.05 show=tiles display=fixed");
hm = "its map, tiles, c2 z1"; rename(hm);
Stack.setDisplayMode("color");
Stack.setPosition(2, 1, 1);
selectImage(h);
run(map, "epsilon=0.05 show=overlay display=fixed");
Stack.setPosition(2, 3, 1);
open("$work/widefield-8bit.tif"); s = "selection (oval), show=overlay"; rename(s);
makeOval(128, 96, 256, 288);
run(map, "epsilon=0.05 show=overlay display=fixed");
// the same hyperstack opened as a virtual stack (File > Import > TIFF Virtual Stack...)
run("TIFF Virtual Stack...", "open=[$work/hyperstack.tif]");
if (!is("Virtual Stack")) exit("TIFF Virtual Stack... did not open a virtual stack");
v = "virtual stack, overlay, c2 z2"; rename(v);
run(map, "epsilon=0.05 show=overlay display=fixed");
Stack.setPosition(2, 2, 1);
row(newArray(r, h, hm, v, s));
shot(newArray(r, h, hm, v, s), 0.5, "$docs/fiji-tour-types.png");

// 3. cell.png before and after the fine-tune, at epsilon 0.02 and 0.05 (display=fixed)
titles = newArray(4); i = 0;
for (e = 0; e < 2; e++) for (m = 0; m < 2; m++) {
	eps = newArray("0.02", "0.05"); eps = eps[e];
	open("$here/data/skimage/cell.png");
	if (m == 0) { t = "cell.png, eps " + eps + ", models/default"; model = "$default"; }
	else { t = "cell.png, eps " + eps + ", fine-tuned"; model = "$tuned"; }
	rename(t); titles[i++] = t;
	run(map, "epsilon=" + eps + " show=overlay display=fixed model=[" + model + "]");
}
row(titles);
shot(titles, 0.5, "$docs/fiji-tour-finetune.png");

// 4. the widefield image (8-bit) before and after the fine-tune, at epsilon 0.10
open("$work/widefield-8bit.tif"); w0 = "widefield 8-bit, eps 0.10, models/default"; rename(w0);
run(map, "epsilon=0.10 show=overlay display=fixed model=[$default]");
open("$work/widefield-8bit.tif"); w1 = "widefield 8-bit, eps 0.10, fine-tuned"; rename(w1);
run(map, "epsilon=0.10 show=overlay display=fixed model=[$tuned]");
row(newArray(w0, w1));
shot(newArray(w0, w1), 0.62, "$docs/fiji-tour-finetune-widefield.png");

// 5. 32-bit raw counts (the 12-bit image as 32-bit: 0..4095) with the type's range (clipped to
// [0,1]: a uniform map) and with percentiles; a time series (1 channel, 3 frames, noise rising)
open("$work/widefield-12bit.tif"); run("32-bit"); f0 = "32-bit raw counts, normalize=range"; rename(f0);
run(map, "epsilon=0.05 show=overlay display=fixed normalize=range");
open("$work/widefield-12bit.tif"); run("32-bit"); f1 = "32-bit raw counts, normalize=percentile"; rename(f1);
run(map, "epsilon=0.05 show=overlay display=fixed");
open("$work/widefield-8bit.tif"); makeRectangle(0, 0, 256, 256); run("Copy"); close();
ts = "time series, overlay, t3";
newImage(ts, "8-bit black", 256, 256, 1, 1, 3);
for (t = 1; t <= 3; t++) {
	Stack.setPosition(1, 1, t); run("Paste");
	run("Add Specified Noise...", "slice standard=" + (12 * (t - 1) + 1));
}
run("Select None");
Stack.setFrameRate(2);
run(map, "epsilon=0.05 show=tiles display=fixed");
tm = "its map, tiles, t1"; rename(tm);
Stack.setPosition(1, 1, 1);
selectImage(ts);
run(map, "epsilon=0.05 show=overlay display=fixed");
Stack.setPosition(1, 1, 3);
row(newArray(f0, f1, ts, tm));
shot(newArray(f0, f1, ts, tm), 0.5, "$docs/fiji-tour-32bit-time.png");
run("Quit");
MACRO

Xvfb :79 -screen 0 2300x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=:79
sleep 2
timeout 600 java -Djava.awt.headless=false -Dkarl.cache.dir="$work/cache" \
	-jar "$(tr ':' '\n' < target/classpath.txt | grep '/ij-1.54')" -ijpath "$work/ImageJ" \
	-macro "$work/shot.ijm" >"$work/ij.log" 2>&1 || true
for f in views types finetune finetune-widefield 32bit-time; do
	[[ -f "docs/fiji-tour-$f.png" && "docs/fiji-tour-$f.png" -nt "$work/shot.ijm" ]] || { cat "$work/ij.log"; echo "docs/fiji-tour-$f.png not written" >&2; exit 1; }
	echo "wrote docs/fiji-tour-$f.png ($(du -k "docs/fiji-tour-$f.png" | cut -f1) KB)"
done
