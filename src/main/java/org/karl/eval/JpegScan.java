package org.karl.eval;

/**
 * The size of a JPEG stream's entropy-coded data: the bytes after each SOS (start of scan) marker
 * segment up to the next marker that is not a restart marker, summed over scans, up to EOI.
 * Headers, quantisation and Huffman tables are not counted: they are what a decoder of
 * fixed-table JPEG already knows, so the count is the information the image itself costs.
 * Stuffed zero bytes (FF 00) count, as they are sent; restart markers (FF D0..D7) do not.
 */
final class JpegScan {

	private static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, RST0 = 0xD0, RST7 = 0xD7,
		TEM = 0x01;

	private JpegScan() {}

	/** Entropy-coded bytes of the JPEG stream {@code jpeg}. */
	static int bytes(final byte[] jpeg) {
		if (jpeg.length < 4 || u8(jpeg, 0) != 0xFF || u8(jpeg, 1) != SOI)
			throw new IllegalArgumentException("JpegScan: not a JPEG stream (no SOI marker at the " +
				"start); pass the bytes of a whole JPEG file");
		int pos = 2, coded = 0, scans = 0;
		while (pos + 1 < jpeg.length) {
			if (u8(jpeg, pos) != 0xFF) throw new IllegalArgumentException("JpegScan: byte " + pos +
				" should start a marker; the stream is damaged");
			final int code = u8(jpeg, pos + 1);
			if (code == 0xFF) { // fill byte before a marker
				pos++;
				continue;
			}
			if (code == EOI) {
				if (scans == 0) throw new IllegalArgumentException(
					"JpegScan: EOI before any scan (no SOS marker); the stream holds no image data");
				return coded;
			}
			if (code == TEM || code >= RST0 && code <= RST7) { // standalone: no length
				pos += 2;
				continue;
			}
			if (pos + 3 >= jpeg.length) break;
			pos += 2 + (u8(jpeg, pos + 2) << 8 | u8(jpeg, pos + 3)); // skip the segment by length
			if (code != SOS) continue;
			scans++;
			while (pos < jpeg.length) { // entropy-coded data up to the next real marker
				if (u8(jpeg, pos) != 0xFF) {
					coded++;
					pos++;
					continue;
				}
				if (pos + 1 >= jpeg.length) break;
				final int next = u8(jpeg, pos + 1);
				if (next == 0x00) coded += 2;
				else if (next < RST0 || next > RST7) break;
				pos += 2;
			}
		}
		throw new IllegalArgumentException("JpegScan: no EOI marker; the stream is truncated");
	}

	private static int u8(final byte[] b, final int i) {
		return b[i] & 0xFF;
	}
}
