// KARL example: reconstruct the current image at several target errors epsilon (one encoder +
// one decoder pass per tile each), then with a fixed token count, and compare kept tokens and L1.
// Headless (Fiji): ImageJ-linux64 --headless -batch reconstruct_epsilons.ijm "model=[/path/to/model]"
arg = getArgument();
model = call("ij.Macro.getValue", arg, "model", "");
if (nImages == 0) {
	newImage("demo", "8-bit ramp", 96, 96, 1);
	run("Add Specified Noise...", "standard=25");
}
input = getTitle();
// The per-plane rows are in the table "KARL reconstruct"; headless (no named tables) in Results.
function table() { if (isOpen("KARL reconstruct")) return "KARL reconstruct"; return "Results"; }
epsilons = newArray(0.02, 0.05, 0.1, 0.2);
for (i = 0; i < epsilons.length; i++) {
	selectImage(input);
	run("KARL Reconstruct...", "epsilon=" + epsilons[i] + " model=[" + model + "]");
	print("epsilon " + epsilons[i] + ": mean tokens " + d2s(Table.get("tokens", 0, table()), 2) + ", L1 " + d2s(Table.get("l1", 0, table()), 4) + " -> " + getTitle());
	close();
}
selectImage(input);
run("KARL Reconstruct...", "tokens=4 model=[" + model + "]");
print("fixed 4 tokens: mean tokens " + d2s(Table.get("tokens", 0, table()), 2) + ", L1 " + d2s(Table.get("l1", 0, table()), 4));
close();
