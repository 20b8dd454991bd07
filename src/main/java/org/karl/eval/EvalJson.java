package org.karl.eval;

import java.io.IOException;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * Writes an {@link EvalResult} (or any result record) as JSON: record components become keys,
 * non-finite numbers become {@code null} (JSON has no NaN), and the montage pixels are left out.
 * Adds the checked {@link Goals}.
 */
public final class EvalJson {

	private EvalJson() {}

	/** The result as pretty-printed JSON, with a {@code goals} array. */
	public static String toJson(final EvalResult r) {
		final Gson gson = gson();
		final JsonObject o = gson.toJsonTree(r).getAsJsonObject();
		o.add("goals", gson.toJsonTree(Goals.of(r)));
		return gson.toJson(o) + "\n";
	}

	/** A Gson that writes NaN and infinities as null and skips {@link EvalResult.Montage}. */
	public static Gson gson() {
		final TypeAdapter<Number> finite = new TypeAdapter<>() {

			@Override
			public void write(final JsonWriter out, final Number v) throws IOException {
				if (v == null || !Double.isFinite(v.doubleValue())) out.nullValue();
				else out.value(v);
			}

			@Override
			public Number read(final JsonReader in) throws IOException {
				return in.nextDouble();
			}
		};
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().registerTypeAdapter(
			Double.class, finite).registerTypeAdapter(double.class, finite).registerTypeAdapter(
				Float.class, finite).registerTypeAdapter(float.class, finite).setExclusionStrategies(
					new ExclusionStrategy() {

						@Override
						public boolean shouldSkipField(final FieldAttributes f) {
							return false;
						}

						@Override
						public boolean shouldSkipClass(final Class<?> c) {
							return c == EvalResult.Montage.class;
						}
					}).create();
	}
}
