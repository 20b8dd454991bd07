package org.karl.ops.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that loads classes under some package prefixes from its own jars FIRST, and
 * everything else from its parent (JDLL's ParentLastURLClassLoader, narrowed). It exists because
 * Fiji's {@code jars/} holds protobuf 4.28.2 and javacpp 1.5.10, with which TensorFlow Java
 * 1.1.0 fails ({@code NoSuchMethodError TensorProto.mutableCopy}); behind this loader TF sees the
 * protobuf and javacpp of the engine folder instead.
 * <p>
 * Only the listed prefixes are child-first. The shared types ({@code org.karl.engine.api},
 * {@code org.karl.ops.engine} itself, ImageJ, the JDK) always come from the parent, so objects
 * cross the boundary as the same classes on both sides.
 */
public final class ChildFirstClassLoader extends URLClassLoader {

	static {
		registerAsParallelCapable();
	}

	private final List<String> childFirst, parentFirst;

	/**
	 * @param childFirst package prefixes (dotted, e.g. "org.tensorflow.") loaded from
	 *          {@code urls} first
	 * @param parentFirst narrower prefixes inside those that still come from the parent
	 */
	public ChildFirstClassLoader(final URL[] urls, final ClassLoader parent,
		final List<String> childFirst, final List<String> parentFirst)
	{
		super(urls, parent);
		this.childFirst = List.copyOf(childFirst);
		this.parentFirst = List.copyOf(parentFirst);
	}

	/** True when {@code className} is loaded from this loader's jars first. */
	public boolean isChildFirst(final String className) {
		for (final String p : parentFirst)
			if (className.startsWith(p)) return false;
		for (final String p : childFirst)
			if (className.startsWith(p)) return true;
		return false;
	}

	@Override
	protected Class<?> loadClass(final String name, final boolean resolve)
		throws ClassNotFoundException
	{
		if (!isChildFirst(name)) return super.loadClass(name, resolve);
		synchronized (getClassLoadingLock(name)) {
			Class<?> c = findLoadedClass(name);
			if (c == null) {
				try {
					c = findClass(name);
				}
				catch (final ClassNotFoundException e) {
					// NB: a child-first class absent from the engine jars (e.g. gson when the
					// folder has none) falls back to the parent.
					c = super.loadClass(name, false);
				}
			}
			if (resolve) resolveClass(c);
			return c;
		}
	}

	@Override
	public URL getResource(final String name) {
		// NB: javacpp finds the TF natives and its platform properties as resources next to its
		// classes; they must come from the same jars as the classes.
		if (isChildFirst(name.replace('/', '.'))) {
			final URL u = findResource(name);
			if (u != null) return u;
		}
		return super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(final String name) throws IOException {
		if (!isChildFirst(name.replace('/', '.'))) return super.getResources(name);
		final List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
		final Enumeration<URL> parent = getParent() == null ? Collections.emptyEnumeration()
			: getParent().getResources(name);
		while (parent.hasMoreElements()) {
			final URL u = parent.nextElement();
			if (!all.contains(u)) all.add(u);
		}
		return Collections.enumeration(all);
	}
}
