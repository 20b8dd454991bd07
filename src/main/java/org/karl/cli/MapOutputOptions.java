package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Path;

import org.karl.ops.MapFiles;

import picocli.CommandLine.Option;

/** Where a batch of maps goes and how it is coloured: {@code karl map}'s and the Spark job's. */
final class MapOutputOptions {

	@Option(names = "--" + KEY_LUT, paramLabel = "L",
		description = LUT_FIRE + " or " + LUT_VIRIDIS + "; default ${DEFAULT-VALUE}")
	String lut = DEFAULT_LUT;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "DIR", required = true,
		description = "folder for NAME" + MapFiles.MAP_SUFFIX + " and NAME" + MapFiles.CSV_SUFFIX +
			" (columns below; on a cluster, a file system every executor sees at the same path)")
	Path output;
}
