// KARL example: fine-tune a model on a folder of images with a few steps (its base tokenizer is
// reused and frozen), continue the run with resume, then map an image with the result.
// Headless (Fiji): ImageJ-linux64 --headless -batch train_finetune.ijm "images=[/imgs] output=[/models/mine] steps=50"
// Keys: images, output (required); model (to fine-tune; empty: the default model, as in every
// KARL command; model=new trains a new model instead), steps.
arg = getArgument();
images = call("ij.Macro.getValue", arg, "images", "");
output = call("ij.Macro.getValue", arg, "output", "");
model = call("ij.Macro.getValue", arg, "model", "");
steps = call("ij.Macro.getValue", arg, "steps", "50");
run("KARL Train...", "images=[" + images + "] output=[" + output + "] steps=" + steps + " model=[" + model + "]");
// The macro waits for training; then one more step onto the same model:
run("KARL Train...", "images=[" + images + "] output=[" + output + "] steps=1 resume");
print("trained model: " + output);
list = getFileList(images);
open(images + "/" + list[0]);
// table=Results: the rows go to the Results table (the default, a table "KARL tiles", does not
// exist headless), so nResults counts them.
run("KARL Complexity Map...", "model=[" + output + "] table=Results");
print("map of " + list[0] + " with the fine-tuned model: " + getWidth() + "x" + getHeight() + " tiles, " + nResults + " rows");
