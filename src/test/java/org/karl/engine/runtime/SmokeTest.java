package org.karl.engine.runtime;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import org.junit.Test;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.graph.GraphNames;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

public class SmokeTest {
	@Test
	public void buildRunExportLoad() throws Exception {
		final ModelCard card = ModelCard.of(ModelConfig.test(), TrainConfig.defaults());
		final float[] x = new float[4 * 32 * 32];
		final Random r = new Random(1);
		for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
		long t0 = System.nanoTime();
		try (ModelSession m = ModelSession.create(card)) {
			System.out.println("build " + (System.nanoTime() - t0) / 1e9);
			try (Tensor img = Tensors.floats(x, 0, 4, 32, 32, 1); Tensor eps = Tensors.floats(new float[] {0.05f,0.05f,0.1f,0.2f}, 0, 4);
				Tensor b = Tensors.scalar(6); Result res = m.call(GraphNames.TOKENIZE, Map.of("images", img, "epsilon", eps, "budget", b)))
			{
				int[] tok = Tensors.ints(res, "tokens");
				System.out.println(java.util.Arrays.toString(tok));
				System.out.println(java.util.Arrays.toString(Tensors.ints(res, "counts")));
			}
			for (int s = 0; s < 3; s++) {
				try (Tensor img = Tensors.floats(x, 0, 4, 32, 32, 1); Tensor lr = Tensors.scalar(1e-3f);
					Result res = m.call(GraphNames.TRAIN_STEP, Map.of("images", img, "learning_rate", lr)))
				{
					System.out.println("loss " + Tensors.scalarFloat(res, "loss") + " T " + Tensors.scalarInt(res, "budget") + " step " + Tensors.scalarLong(res, "step"));
				}
				try (Tensor img = Tensors.floats(x, 0, 4, 32, 32, 1); Tensor lr = Tensors.scalar(1e-3f);
					Result res = m.call(GraphNames.BASE_TRAIN_STEP, Map.of("images", img, "learning_rate", lr)))
				{
					System.out.println("base loss " + Tensors.scalarFloat(res, "loss"));
				}
			}
			assertEquals(3, m.step());
			Path dir = Files.createTempDirectory("karl").resolve("model");
			t0 = System.nanoTime();
			m.export(dir);
			System.out.println("export " + (System.nanoTime() - t0) / 1e9);
			try (ModelSession l = ModelSession.load(dir)) {
				assertEquals(3, l.step());
			}
		}
	}
}
