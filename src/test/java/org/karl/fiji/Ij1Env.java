package org.karl.fiji;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import net.imagej.patcher.LegacyClassLoader;
import net.imagej.patcher.LegacyEnvironment;

/**
 * A fresh, patched, headless ImageJ 1.54p for one test (ij1-patcher's
 * {@code LegacyEnvironment(loader, true)}, the patching Fiji itself uses to run ImageJ 1 without a
 * display), with our plugins.config from target/classes, that
 * runs macros and returns what they printed and logged.
 * <p>
 * NB: ij1-patcher's own loader sees only ij.jar over the platform loader, so our plugins would
 * bring a second copy of TensorFlow, whose natives a JVM loads only once. This loader is the
 * patcher's, but hands every class that does not touch ImageJ (TensorFlow, the engine, ImgLib2)
 * to the test's class loader: one TF per JVM, a new ImageJ (fresh static state) per env.
 */
public final class Ij1Env {

	/** Packages that reference ImageJ classes, so they must be defined next to the patched ij. */
	static final String[] IJ_SIDE = { "ij.", "net.imagej.patcher.", "org.karl.fiji.ij1.",
		"org.karl.ops.", "org.karl.fiji.commands.", "org.karl.image.ij." };

	private static final String RESET = "close('*'); run('Clear Results');\n";

	private final LegacyEnvironment env;
	private Object pending;

	public Ij1Env() {
		try {
			final Loader loader = new Loader();
			env = new LegacyEnvironment(loader, true);
			env.disableIJ1PluginDirs();
			env.disableInitializer();
			env.addPluginClasspath(new File("target/classes"));
		}
		catch (final ClassNotFoundException | MalformedURLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Runs {@code macro} after closing every image and clearing the Results table left by an
	 * earlier macro (ImageJ's static state would leak between tests of a class otherwise); the
	 * image made by {@link #image}, if any, is the current image. Returns everything printed to
	 * stdout meanwhile (Log lines, print()).
	 */
	public String run(final String macro) {
		return run(macro, "");
	}

	/** Runs the macro file {@code file} with argument {@code arg} (the macro's getArgument()). */
	public String runFile(final Path file, final String arg) {
		try {
			return run(java.nio.file.Files.readString(file), arg);
		}
		catch (final java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Runs {@code macro} with argument {@code arg}; see {@link #run(String)}. */
	public synchronized String run(final String macro, final String arg) {
		final PrintStream saved = System.out;
		final ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			env.runMacro((pending == null ? RESET : "") + macro, arg);
		}
		finally {
			select(null);
			pending = null;
			System.out.flush();
			System.setOut(saved);
		}
		final String out = buf.toString(StandardCharsets.UTF_8);
		saved.print(out.replaceAll("(?m)^", "  [ij] "));
		return out;
	}

	/**
	 * A new 32-bit image {@code w x h} with {@code pixels}, made the current image of this
	 * thread (as a macro's selectImage would), returned as the env's ImagePlus object.
	 */
	public Object image(final String title, final int w, final int h, final float[] pixels) {
		try {
			env.runMacro(RESET, "");
			final ClassLoader l = loader();
			final Class<?> fp = l.loadClass("ij.process.FloatProcessor");
			final Class<?> ipc = l.loadClass("ij.process.ImageProcessor");
			final Object ip = fp.getConstructor(int.class, int.class, float[].class).newInstance(w, h,
				pixels.clone());
			final Object imp = l.loadClass("ij.ImagePlus").getConstructor(String.class, ipc)
				.newInstance(title, ip);
			select(imp);
			pending = imp;
			return imp;
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The pixels of an image made by {@link #image}, as a float[] copy of the processor's. */
	public static float[] pixels(final Object imp) {
		try {
			final Object ip = imp.getClass().getMethod("getProcessor").invoke(imp);
			return ((float[]) ip.getClass().getMethod("getPixels").invoke(ip)).clone();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** {@code imp.getProp(key)} of an env ImagePlus. */
	public static String prop(final Object imp, final String key) {
		try {
			return (String) imp.getClass().getMethod("getProp", String.class).invoke(imp, key);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private void select(final Object imp) {
		try {
			final ClassLoader l = loader();
			l.loadClass("ij.WindowManager").getMethod("setTempCurrentImage", l.loadClass(
				"ij.ImagePlus")).invoke(null, imp);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	private ClassLoader loader() {
		env.setMacroOptions(null); // NB: initialises the env (patches ij) on first use
		return env.getClassLoader();
	}

	/** The macro option {@code model=[dir]} for {@code dir}. */
	public static String model(final Path dir) {
		return org.karl.Keys.KEY_MODEL + "=[" + path(dir) + "]";
	}

	/** A path as a macro string literal body (forward slashes, no escapes needed). */
	public static String path(final Path p) {
		return p.toAbsolutePath().toString().replace('\\', '/');
	}

	private static final class Loader extends LegacyClassLoader {

		static {
			registerAsParallelCapable();
		}

		private final ClassLoader app = Ij1Env.class.getClassLoader();

		Loader() throws ClassNotFoundException, MalformedURLException {
			super();
			addURL(new File("target/classes").toURI().toURL());
		}

		@Override
		protected Class<?> loadClass(final String name, final boolean resolve)
			throws ClassNotFoundException
		{
			synchronized (getClassLoadingLock(name)) {
				Class<?> c = findLoadedClass(name);
				if (c == null && ijSide(name)) {
					try {
						c = findClass(name);
					}
					catch (final ClassNotFoundException e) {
						// not ours: below
					}
				}
				if (c == null) {
					try {
						c = getParent().loadClass(name); // the JDK
					}
					catch (final ClassNotFoundException e) {
						c = app.loadClass(name);
					}
				}
				if (resolve) resolveClass(c);
				return c;
			}
		}

		private static boolean ijSide(final String name) {
			for (final String p : IJ_SIDE)
				if (name.startsWith(p)) return true;
			return false;
		}
	}
}
