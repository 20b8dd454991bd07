package org.karl.engine.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

/**
 * The model card {@code karl.json} that sits beside the SavedModel: both config records, the
 * normalisation, and provenance (commands, data, steps, wall time, final losses, evaluation).
 * On load the card is the source of truth for the architecture; code defaults never fill gaps.
 */
public record ModelCard(String format, ModelConfig model, TrainConfig training,
	String normalization, Map<String, Object> provenance)
{

	public static final String FILE = "karl.json";
	public static final String FORMAT = "karl-savedmodel/1";
	public static final String NORMALIZATION = "fixed: 8-bit /255, 16-bit /65535, " +
		"32-bit as is (clipped to [0,1]), RGB -> luminance 0.299R+0.587G+0.114B /255; never per image";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting()
		.serializeSpecialFloatingPointValues().create();

	public ModelCard {
		provenance = provenance == null ? new LinkedHashMap<>() : new LinkedHashMap<>(provenance);
	}

	public static ModelCard of(final ModelConfig model, final TrainConfig training) {
		return new ModelCard(FORMAT, model, training, NORMALIZATION, new LinkedHashMap<>());
	}

	public ModelCard withModel(final ModelConfig m) {
		return new ModelCard(format, m, training, normalization, provenance);
	}

	public ModelCard withTraining(final TrainConfig t) {
		return new ModelCard(format, model, t, normalization, provenance);
	}

	/** A copy saying how the training tiles' pixels became [0,1]. */
	public ModelCard withNormalization(final String n) {
		return new ModelCard(format, model, training, n, provenance);
	}

	/** A copy with one provenance entry set (e.g. "karl.wall_seconds"). */
	public ModelCard with(final String key, final Object value) {
		final Map<String, Object> p = new LinkedHashMap<>(provenance);
		p.put(key, value);
		return new ModelCard(format, model, training, normalization, p);
	}

	public String toJson() {
		return GSON.toJson(this);
	}

	public static ModelCard fromJson(final String json) {
		final ModelCard card;
		try {
			// NB: Gson (>= 2.10) builds records through their canonical constructors, so the config
			// checks run on load and a missing field fails instead of silently becoming 0.
			card = GSON.fromJson(json, ModelCard.class);
		}
		catch (final RuntimeException e) {
			Throwable root = e;
			while (root.getCause() != null) root = root.getCause();
			throw new IllegalArgumentException("model card is not valid: " + root.getMessage(), e);
		}
		if (card == null || !FORMAT.equals(card.format)) throw new IllegalArgumentException(
			"model card format is '" + (card == null ? null : card.format) + "', expected '" + FORMAT + "'");
		if (card.model == null || card.training == null) throw new IllegalArgumentException(
			"model card lacks the 'model' or 'training' section");
		return card;
	}

	/** Reads {@code dir/karl.json}. */
	public static ModelCard read(final Path dir) throws IOException {
		final Path f = dir.resolve(FILE);
		try {
			return fromJson(Files.readString(f, StandardCharsets.UTF_8));
		}
		catch (final NoSuchFileException e) {
			throw new IOException(dir + " has no " + FILE + " model card; is it a KARL model folder?");
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(f + ": " + e.getMessage(), e);
		}
	}

	/** Writes {@code dir/karl.json} through a temp file and a rename. */
	public void write(final Path dir) throws IOException {
		final Path tmp = Files.createTempFile(dir, ".karl", ".json.tmp");
		try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			w.write(toJson());
		}
		Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
			StandardCopyOption.ATOMIC_MOVE);
	}

	/** The raw JSON tree, for display. */
	public JsonObject tree() {
		return GSON.toJsonTree(this).getAsJsonObject();
	}
}
