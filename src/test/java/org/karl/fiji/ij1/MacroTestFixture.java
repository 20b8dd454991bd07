package org.karl.fiji.ij1;

import java.nio.file.Path;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.fiji.Ij1Env;

/** What every macro test starts from: a temp folder, the small test model and a headless ImageJ 1. */
public abstract class MacroTestFixture {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	protected static Path model;
	protected static Ij1Env ij;

	@BeforeClass
	public static void setUpImageJ() {
		model = TestModels.model();
		ij = new Ij1Env();
	}
}
