// KARL complexity maps of one shard of a folder, for headless Fiji on a cluster: the image
// files of input= taken round-robin (shard=I/N: the I-th, I+N-th... of the sorted listing,
// counted from 1), each written as <name>_map.tif and <name>_tokens.csv into output=. Files
// whose two outputs exist are skipped, so a re-run finishes a failed one. Keys: input, output
// (required), shard (default 1/1), model (empty: the default model), epsilon.
// ImageJ-linux64 --headless -batch karl-map-fiji.ijm "input=[/in] output=[/out] shard=[3/16]"
arg = getArgument();
input = call("ij.Macro.getValue", arg, "input", "");
output = call("ij.Macro.getValue", arg, "output", "");
shard = call("ij.Macro.getValue", arg, "shard", "1/1");
model = call("ij.Macro.getValue", arg, "model", "");
epsilon = call("ij.Macro.getValue", arg, "epsilon", "0.05");
if (input == "" || output == "") exit("karl-map-fiji: input= and output= are required; give both folders");
parts = split(shard, "/");
if (parts.length != 2) exit("karl-map-fiji: shard=" + shard + " is not I/N; give e.g. shard=[3/16]");
index = parseInt(parts[0]);
count = parseInt(parts[1]);
if (isNaN(index) || isNaN(count) || index < 1 || index > count) exit("karl-map-fiji: shard=" + shard + " does not exist; give I/N with 1 <= I <= N");
if (!endsWith(input, "/")) input = input + "/";
if (!endsWith(output, "/")) output = output + "/";
File.makeDirectory(output);
setBatchMode(true);
files = Array.sort(getFileList(input));
k = 0;
done = 0;
for (i = 0; i < files.length; i++) {
	f = files[i];
	// NB: the same list in every task: folders, hidden files and our own outputs never count.
	if (endsWith(f, "/") || startsWith(f, ".") || endsWith(f, "_map.tif") || endsWith(f, "_tokens.csv")) continue;
	k++;
	if ((k - 1) % count != index - 1) continue;
	name = File.getNameWithoutExtension(f);
	if (File.exists(output + name + "_map.tif") && File.exists(output + name + "_tokens.csv")) continue;
	open(input + f);
	run("KARL Complexity Map...", "epsilon=" + epsilon + " model=[" + model + "] save=[" + output + name + "_tokens.csv]");
	// NB: written under a hidden temp name (ending .tif, or saveAs adds it) and renamed, so a killed task never leaves a half map that
	// the check above would take for done
	saveAs("Tiff", output + "." + name + "_map.part.tif");
	if (!File.rename(output + "." + name + "_map.part.tif", output + name + "_map.tif"))
		exit("karl-map-fiji: could not rename the map of " + f);
	close("*");
	done++;
}
print("karl-map-fiji: shard " + shard + ": " + done + " image(s) mapped into " + output);
