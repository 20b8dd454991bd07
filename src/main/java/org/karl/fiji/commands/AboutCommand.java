package org.karl.fiji.commands;

import org.karl.ops.InfoOp;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL About; the menu door is {@link org.karl.fiji.ij1.AboutPlugIn}. */
@Plugin(type = Command.class, label = "KARL About")
public class AboutCommand extends ContextCommand {

	@Parameter(required = false)
	private String model = "";

	@Parameter(type = ItemIO.OUTPUT)
	private String text;

	@Override
	public void run() {
		text = InfoOp.text(model, null, "ImageJ " + ij.IJ.getFullVersion());
	}
}
