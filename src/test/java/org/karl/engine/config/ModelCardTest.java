package org.karl.engine.config;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelCardTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void cardRoundTripsEveryField() throws Exception {
		final ModelCard card = ModelCard.of(ModelConfig.medium().withSeed(9), TrainConfig.defaults()
			.withSteps(77)).with("karl.steps", 77L).with("note", "x");
		final Path dir = tmp.getRoot().toPath();
		card.write(dir);
		final ModelCard back = ModelCard.read(dir);
		assertEquals(card.model(), back.model());
		assertEquals(card.training(), back.training());
		assertEquals(card.normalization(), back.normalization());
		assertEquals("x", back.provenance().get("note"));
		try (var s = Files.list(dir)) {
			assertEquals("only karl.json, no temp file left", 1, s.count());
		}
	}

	@Test
	public void aCardWithABadFieldIsRefusedNamingIt() {
		final String json = ModelCard.of(ModelConfig.small(), TrainConfig.defaults()).toJson()
			.replace("\"heads\": 4", "\"heads\": 5");
		try {
			ModelCard.fromJson(json);
			fail("heads 5 does not divide width 64");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("heads"));
		}
	}

	@Test
	public void aMissingCardSaysWhatTheFolderLacks() {
		try {
			ModelCard.read(tmp.getRoot().toPath());
			fail();
		}
		catch (final java.io.IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("no karl.json"));
		}
	}

	@Test
	public void configChecksNameFieldAndRange() {
		try {
			ModelConfig.small().withWidth(10);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("width 10"));
		}
		try {
			ModelConfig.small().withEpsilonBins(new float[] { 0.1f, 0.05f });
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("ascending"));
		}
	}
}
