package org.karl.engine.runtime;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;

/**
 * One loaded model called from many threads gives each call the result it gives alone, and
 * closing it while a call runs fails that call with a one-line IllegalStateException.
 */
public class KarlModelConcurrencyTest {

	private static final Path MODEL = Path.of("models/default");
	private static final int THREADS = 8, CALLS = 20, POOL = 512;

	@BeforeClass
	public static void shipped() {
		Assume.assumeTrue("no trained models/default in this checkout", Files.isRegularFile(MODEL
			.resolve("karl.json")));
	}

	/** One call: a tokenize or reconstruct of n tiles from the pool at ε with a budget. */
	private record Call(boolean reconstruct, int offset, int n, float epsilon, int budget) {}

	@Test
	public void concurrentCallsGiveTheSequentialResults() throws Exception {
		// NB: batch 16, so that calls of up to 40 tiles also run several batches
		try (KarlModel m = KarlModel.load(MODEL, 16)) {
			final int px = m.tileSize() * m.tileSize();
			final float[] pool = ModelSessionTest.tiles(POOL, 7);
			final Random r = new Random(42);
			final Call[] calls = new Call[THREADS * CALLS];
			for (int i = 0; i < calls.length; i++) {
				final int n = 1 + r.nextInt(40);
				calls[i] = new Call(r.nextBoolean(), r.nextInt(POOL - n), n, 0.005f + 0.1f * r
					.nextFloat(), 1 + r.nextInt(m.maxTokens()));
			}
			final Object[] expected = new Object[calls.length];
			for (int i = 0; i < calls.length; i++) expected[i] = run(m, pool, px, calls[i]);
			final Object[] got = new Object[calls.length];
			final ExecutorService ex = Executors.newFixedThreadPool(THREADS);
			try {
				final CountDownLatch go = new CountDownLatch(1);
				final List<Future<?>> fs = new ArrayList<>();
				for (int t = 0; t < THREADS; t++) {
					final int first = t * CALLS;
					fs.add(ex.submit(() -> {
						go.await();
						for (int i = first; i < first + CALLS; i++) got[i] = run(m, pool, px, calls[i]);
						return null;
					}));
				}
				go.countDown();
				for (final Future<?> f : fs) f.get(10, TimeUnit.MINUTES);
			}
			finally {
				ex.shutdownNow();
			}
			for (int i = 0; i < calls.length; i++) {
				final String at = "call " + i + " " + calls[i];
				if (expected[i] instanceof TokenizeResult e) {
					final TokenizeResult g = (TokenizeResult) got[i];
					assertArrayEquals(at, e.counts(), g.counts());
					assertArrayEquals(at, e.tokens(), g.tokens());
					assertArrayEquals(at, e.keep(), g.keep());
					// NB: bitwise equal, not within a tolerance: TF's kernels split work the same
					// way whatever else runs, so floats are the same to the last bit
					assertArrayEquals(at, e.haltProb(), g.haltProb(), 0f);
				}
				else {
					final ReconstructResult e = (ReconstructResult) expected[i], g =
						(ReconstructResult) got[i];
					assertArrayEquals(at, e.counts(), g.counts());
					assertArrayEquals(at, e.images(), g.images(), 0f);
					assertArrayEquals(at, e.l1(), g.l1(), 0f);
				}
			}
		}
	}

	private static Object run(final KarlModel m, final float[] pool, final int px, final Call c) {
		final float[] tiles = Arrays.copyOfRange(pool, c.offset() * px, (c.offset() + c.n()) * px);
		return c.reconstruct() ? m.reconstruct(tiles, c.n(), c.epsilon(), c.budget(), Progress.NONE)
			: m.tokenize(tiles, c.n(), c.epsilon(), c.budget(), Progress.NONE);
	}

	@Test
	public void closeDuringALongCallFailsItsNextBatchCleanly() throws Exception {
		final String closed = "model " + MODEL + " was closed; load it again";
		final KarlModel m = KarlModel.load(MODEL, 256);
		final int n = 20000;
		final float[] tiles = new float[n * m.tileSize() * m.tileSize()];
		final float[] some = ModelSessionTest.tiles(256, 3);
		for (int i = 0; i < tiles.length; i += some.length)
			System.arraycopy(some, 0, tiles, i, Math.min(some.length, tiles.length - i));
		final CountDownLatch started = new CountDownLatch(1);
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		final double[] done = new double[1];
		final Thread t = new Thread(() -> {
			try {
				m.tokenize(tiles, n, 0.05f, m.maxTokens(), new Progress() {

					@Override
					public void status(final String message) {}

					@Override
					public void fraction(final double f) {
						done[0] = f;
						started.countDown();
					}
				});
			}
			catch (final Throwable e) {
				failure.set(e);
			}
		});
		t.start();
		assertTrue("no batch finished in 2 minutes", started.await(2, TimeUnit.MINUTES));
		// NB: close() waits for the batch running now, then the call's next batch must fail
		m.close();
		t.join(TimeUnit.MINUTES.toMillis(2));
		assertFalse("the call did not stop after close", t.isAlive());
		assertTrue("the call finished all batches; close came too late to test", done[0] < 1);
		assertNotNull("the call was not stopped by close", failure.get());
		assertEquals(IllegalStateException.class, failure.get().getClass());
		assertEquals(closed, failure.get().getMessage());

		// a call after close fails the same way, whatever it is; closing again does nothing
		final float[] one = Arrays.copyOf(some, m.tileSize() * m.tileSize());
		final IllegalStateException e1 = assertThrows(IllegalStateException.class, () -> m.tokenize(
			one, 1, 0.05f, m.maxTokens(), Progress.NONE));
		assertEquals(closed, e1.getMessage());
		final IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> m
			.reconstruct(one, 1, 0.05f, m.maxTokens(), Progress.NONE));
		assertEquals(closed, e2.getMessage());
		final IllegalStateException e3 = assertThrows(IllegalStateException.class, () -> m.decode(
			new int[0], new int[0], 0, Progress.NONE));
		assertEquals(closed, e3.getMessage());
		assertThrows(IllegalStateException.class, m::describe);
		m.close();
	}
}
