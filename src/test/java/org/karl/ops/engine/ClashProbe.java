package org.karl.ops.engine;

import java.nio.file.Path;
import java.util.Arrays;

import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.api.Tokenizer;
import org.karl.image.SyntheticTiles;

/**
 * Run in a child JVM by {@link FijiClashTest}: tokenizes fixed tiles with the engine that
 * {@link Engines} picks in that JVM and prints the counts, or FAILED and the explanation.
 */
public final class ClashProbe {

	private ClashProbe() {}

	public static void main(final String[] args) {
		try {
			final Engine e = Engines.get(null);
			System.out.println("ENGINE " + e.name());
			System.out.println("PARENT_PROTOBUF " + location("com.google.protobuf.Message"));
			System.out.println("PARENT_JAVACPP " + location("org.bytedeco.javacpp.Pointer"));
			System.out.println("VERSIONS " + e.versions());
			try (Tokenizer t = e.load(Path.of(args[0]))) {
				final TileSet tiles = tiles();
				System.out.println("COUNTS " + Arrays.toString(t.tokenize(tiles.pixels(), tiles.n(), 0.05f,
					8, Progress.NONE).counts()));
				System.out.println("TOKENIZER_LOADER " + t.getClass().getClassLoader().getClass()
					.getSimpleName());
			}
		}
		catch (final Throwable t) {
			final String why = Engines.explain(t);
			System.out.println("FAILED " + (why != null ? why : t.toString()));
			System.exit(3);
		}
	}

	/** The tiles both JVMs tokenize. */
	public static TileSet tiles() {
		return SyntheticTiles.mixed(7, 12);
	}

	private static String location(final String cls) {
		try {
			return Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().getPath()
				.replaceAll(".*/", "");
		}
		catch (final ClassNotFoundException e) {
			return "(none)";
		}
	}
}
