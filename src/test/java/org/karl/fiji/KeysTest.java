package org.karl.fiji;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.Macro;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.karl.Keys;
import org.karl.fiji.commands.AboutCommand;
import org.karl.fiji.commands.ComplexityMapCommand;
import org.karl.fiji.commands.ReconstructImageCommand;
import org.karl.fiji.commands.TokenizeImageCommand;
import org.karl.fiji.commands.TrainModelCommand;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.service.Service;

/**
 * The macro-key contract: a dialog label records as its key, every SciJava parameter is a key,
 * and keys are unique snake_case words.
 */
public class KeysTest {

	static List<String> keys() throws IllegalAccessException {
		final List<String> keys = new java.util.ArrayList<>();
		for (final Field f : Keys.class.getFields())
			if (f.getName().startsWith("KEY_") && Modifier.isStatic(f.getModifiers())) keys.add(
				(String) f.get(null));
		return keys;
	}

	/** A choice list is spelled once, in Keys, and every door offers it from there. */
	@Test
	public void choiceListsComeFromKeys() throws NoSuchFieldException {
		assertArrayEquals(Keys.LUTS, org.karl.image.ij.Luts.NAMES);
		assertArrayEquals(Keys.LUTS, ComplexityMapCommand.class.getDeclaredField(Keys.KEY_LUT)
			.getAnnotation(Parameter.class).choices());
		for (final String lut : Keys.LUTS)
			assertNotNull(lut, org.karl.image.ij.Luts.get(lut));
		for (final String preset : Keys.PRESETS)
			assertNotNull(preset, org.karl.engine.config.ModelConfig.preset(preset));
		assertTrue(List.of(Keys.PRESETS).contains(Keys.DEFAULT_PRESET));
	}

	@Test
	public void dialogLabelsRecordAsTheirKeys() throws IllegalAccessException {
		for (final String k : keys())
			assertEquals(k, Macro.trimKey(Keys.label(k)));
	}

	@Test
	public void keysAreUniqueSnakeCaseWords() throws IllegalAccessException {
		final Set<String> seen = new HashSet<>();
		for (final String k : keys()) {
			assertTrue(k, k.matches("[a-z][a-z0-9_]*"));
			assertTrue("duplicate key " + k, seen.add(k));
		}
	}

	@Test
	public void everySciJavaInputIsAKey() throws IllegalAccessException {
		final List<String> keys = keys();
		for (final Class<?> c : List.of(ComplexityMapCommand.class, TokenizeImageCommand.class,
			ReconstructImageCommand.class, TrainModelCommand.class, AboutCommand.class))
			for (final Field f : c.getDeclaredFields()) {
				final Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT || Service.class.isAssignableFrom(f.getType()) ||
					f.getType() == ImagePlus.class) continue;
				assertTrue(c.getSimpleName() + "." + f.getName() + " is not a Keys key", keys.contains(f
					.getName()));
			}
	}
}
