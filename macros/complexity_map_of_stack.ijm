// KARL example: complexity map of an open stack (any C/Z/T hyperstack, 8/16/32-bit or RGB).
// GUI: open a stack, then Plugins>Macros>Run... this file. Headless (Fiji):
//   ImageJ-linux64 --headless -batch complexity_map_of_stack.ijm "model=[/path/to/model] epsilon=0.05"
// Argument keys (all optional): model (empty: the default model), epsilon, lut (fire|viridis).
arg = getArgument();
model = call("ij.Macro.getValue", arg, "model", "");
epsilon = call("ij.Macro.getValue", arg, "epsilon", "0.05");
lut = call("ij.Macro.getValue", arg, "lut", "fire");
if (nImages == 0) {
	// No image open: a demo hyperstack, 2 channels x 3 slices, smooth ramp + growing noise.
	newImage("demo", "8-bit ramp", 160, 96, 2, 3, 1);
	for (s = 1; s <= 3; s++) {
		Stack.setPosition(2, s, 1);
		run("Add Specified Noise...", "slice standard=" + (20 * s));
	}
	Stack.setPosition(1, 1, 1);
}
input = getTitle();
run("KARL Complexity Map...", "epsilon=" + epsilon + " lut=" + lut + " model=[" + model + "]");
map = getTitle();
Stack.getDimensions(w, h, channels, slices, frames);
getPixelSize(unit, pw, ph);
print("map '" + map + "': " + w + "x" + h + " tiles, C=" + channels + " Z=" + slices + " T=" + frames + ", pixel " + pw + " " + unit);
// Mean kept tokens per plane, from the table "KARL tiles" (one row per tile). Headless, ImageJ
// has no named tables and the rows are in the Results table instead.
t = "KARL tiles";
if (!isOpen(t)) t = "Results";
cs = Table.getColumn("c", t); zs = Table.getColumn("z", t); tokens = Table.getColumn("tokens", t);
for (c = 1; c <= channels; c++) {
	for (z = 1; z <= slices; z++) {
		sum = 0; n = 0;
		for (i = 0; i < tokens.length; i++) {
			if (cs[i] == c && zs[i] == z) { sum += tokens[i]; n++; }
		}
		print("c=" + c + " z=" + z + " mean tokens " + d2s(sum / n, 2) + " over " + n + " tiles");
	}
}
