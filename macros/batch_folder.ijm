// KARL example: batch over a folder. For every image file in input=, writes
// <name>_map.tif (the complexity map) and <name>_tokens.csv (one row per tile) into output=.
// Headless (Fiji): ImageJ-linux64 --headless -batch batch_folder.ijm "input=[/in] output=[/out]"
// Keys: input, output (required); model (empty: the default model), epsilon.
// The same from a shell with real exit codes: karl map --input /in --output /out
arg = getArgument();
input = call("ij.Macro.getValue", arg, "input", "");
output = call("ij.Macro.getValue", arg, "output", "");
model = call("ij.Macro.getValue", arg, "model", "");
epsilon = call("ij.Macro.getValue", arg, "epsilon", "0.05");
if (input == "") input = getDirectory("Folder of images");
if (output == "") output = getDirectory("Folder for maps and CSVs");
if (!endsWith(input, "/")) input = input + "/";
if (!endsWith(output, "/")) output = output + "/";
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
	if (endsWith(files[i], "/") || startsWith(files[i], ".")) continue;
	open(input + files[i]);
	name = File.getNameWithoutExtension(files[i]);
	run("KARL Complexity Map...", "epsilon=" + epsilon + " model=[" + model + "] save=[" + output + name + "_tokens.csv]");
	// written under a hidden temp name and renamed: never a half-written map
	saveAs("Tiff", output + "." + name + "_map.part.tif");
	if (!File.rename(output + "." + name + "_map.part.tif", output + name + "_map.tif"))
		exit("batch: could not rename the map of " + files[i]);
	close("*");
	done++;
}
print("batch: " + done + " image(s) mapped into " + output);
