package org.karl.eval;

import static org.junit.Assert.*;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

/** /proc/self/status parsing. */
public class ProcessMemoryTest {

	@Test
	public void parsesKilobyteFields() {
		assertEquals(123456, ProcessMemory.parseKb("\t  123456 kB"));
	}

	@Test
	public void peakIsAtLeastCurrentOnLinux() {
		assumeTrue(Files.isReadable(Path.of("/proc/self/status")));
		final double rss = ProcessMemory.rssMiB(), peak = ProcessMemory.peakMiB();
		assertTrue(rss + " MiB", rss > 1);
		assertTrue(peak + " >= " + rss, peak >= rss);
	}

	@Test
	public void unknownFieldIsNaN() {
		assertTrue(Double.isNaN(ProcessMemory.field("NoSuchField:")));
	}
}
