package org.karl.eval;

import static org.junit.Assert.*;

import java.io.ByteArrayOutputStream;

import org.junit.Test;

/** The entropy-coded bytes of a JPEG stream: segments skipped by length, markers in the scan. */
public class JpegScanTest {

	private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0, DHT = 0xC4;

	@Test
	public void countsTheBytesBetweenTheScanHeaderAndEoi() {
		final byte[] jpeg = stream(segment(APP0, 1, 2, 3), segment(SOS, 1, 1, 0, 0, 63, 0), bytes(
			0x12, 0x34, 0x56), marker(EOI));
		assertEquals(3, JpegScan.bytes(jpeg));
	}

	@Test
	public void stuffedZeroBytesArePartOfTheScan() {
		// NB: a coded 0xFF byte is written as FF 00; both bytes are sent, neither ends the scan.
		final byte[] jpeg = stream(segment(SOS, 1, 1, 0, 0, 63, 0), bytes(0xFF, 0x00, 0x7F, 0xFF,
			0x00), marker(EOI));
		assertEquals(5, JpegScan.bytes(jpeg));
	}

	@Test
	public void restartMarkersNeitherEndTheScanNorCount() {
		final byte[] jpeg = stream(segment(SOS, 1, 1, 0, 0, 63, 0), bytes(0x11, 0x22), marker(0xD0),
			bytes(0x33), marker(0xD7), bytes(0x44, 0xFF, 0x00), marker(EOI));
		assertEquals(6, JpegScan.bytes(jpeg));
	}

	@Test
	public void markerLikeBytesInsideASegmentAreSkipped() {
		// the APP0 payload holds FF DA and FF D9: a byte scanner would start or end a scan there
		final byte[] jpeg = stream(segment(APP0, 0xFF, SOS, 0xFF, EOI), segment(SOS, 1, 1, 0, 0, 63,
			0), bytes(0x01, 0x02), marker(EOI));
		assertEquals(2, JpegScan.bytes(jpeg));
	}

	@Test
	public void everyScanOfAMultiScanStreamCounts() {
		final byte[] jpeg = stream(segment(SOS, 1, 1, 0, 0, 63, 0), bytes(0x01, 0x02), segment(DHT, 0,
			0), segment(SOS, 1, 1, 0, 0, 63, 0), bytes(0x03), marker(EOI));
		assertEquals(3, JpegScan.bytes(jpeg));
	}

	@Test
	public void aTruncatedStreamIsRefused() {
		final byte[] noEoi = stream(segment(SOS, 1, 1, 0, 0, 63, 0), bytes(0x01, 0x02));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JpegScan
			.bytes(noEoi));
		assertTrue(e.getMessage(), e.getMessage().contains("EOI"));
		final byte[] noSoi = stream(bytes(0x00, 0x01));
		assertThrows(IllegalArgumentException.class, () -> JpegScan.bytes(noSoi));
	}

	// -- Helpers: a stream is SOI followed by the parts --

	private static byte[] stream(final byte[]... parts) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(marker(SOI));
		for (final byte[] p : parts) out.writeBytes(p);
		return out.toByteArray();
	}

	private static byte[] marker(final int code) {
		return bytes(0xFF, code);
	}

	/** Marker, 2-byte length (payload + 2), payload. */
	private static byte[] segment(final int code, final int... payload) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(marker(code));
		out.write((payload.length + 2) >> 8);
		out.write((payload.length + 2) & 0xFF);
		out.writeBytes(bytes(payload));
		return out.toByteArray();
	}

	private static byte[] bytes(final int... v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
		return b;
	}
}
