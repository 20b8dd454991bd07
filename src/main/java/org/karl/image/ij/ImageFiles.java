package org.karl.image.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.Opener;
import ij.plugin.FileInfoVirtualStack;
import ij.io.TiffDecoder;

import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Opens image files with ImageJ 1 ({@link Opener}: TIFF stacks and hyperstacks, PNG, JPEG, GIF,
 * BMP, PGM, FITS, DICOM, ...). It exists so that a file that cannot be opened is an
 * {@link IOException} naming the file, instead of ImageJ's {@code null} plus a log line.
 * <p>
 * TIFF headers are read first ({@link TiffDecoder}, as ImageJ does) and checked before any
 * pixel is read: ImageJ fills pixels missing from a truncated file with zeros (or silently drops
 * planes), and a small damaged header can make it allocate gigabytes of zeros.
 */
public final class ImageFiles {

	private ImageFiles() {}

	/** Opens {@code file}; virtual stacks are not used, the whole file is read. */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		if (!Files.isReadable(file)) throw new IOException(file + ": not readable");
		refuseEmpty(file);
		return openWhole(file, isTiff(file) ? tiffInfo(file) : null);
	}

	/** A 0-byte file holds no image of any format: say so, not "a format ImageJ cannot open". */
	private static void refuseEmpty(final Path file) throws IOException {
		if (Files.size(file) == 0) throw new IOException(file + " is empty (0 bytes); copy or " +
			"export the image again");
	}

	/** Opens the whole file; {@code info}: its checked TIFF directories, or null for other formats. */
	private static ImagePlus openWhole(final Path file, final FileInfo[] info) throws IOException {
		if (info != null) checkFitsInMemory(file, info, availableHeap());
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final String path = file.toAbsolutePath().toString();
		// NB: for an unknown type, Opener prints "Unsupported format" to stdout and returns null.
		if (opener.getFileType(path) == Opener.UNKNOWN) throw new IOException(file +
			": not a format ImageJ opens; convert it to TIFF or PNG");
		final ImagePlus imp = opener.openImage(path);
		if (imp == null) throw new IOException(file +
			": ImageJ could not read it (damaged or unsupported variant); convert it to TIFF");
		checkPixels(file, imp);
		return imp;
	}

	/**
	 * Opens {@code file} for reading plane by plane, for the headless doors: a TIFF stack
	 * becomes a virtual stack (ImageJ's {@link FileInfoVirtualStack}) whose planes are read from
	 * disk when asked for, so memory is bounded by a plane, whatever the stack's size; the same
	 * checks as {@link #open} come first, and one plane (not the whole file) must fit in memory.
	 * Other files, single planes and compressed TIFFs are opened whole; a file that would not
	 * fit is refused in one line.
	 */
	public static ImagePlus openPlanes(final Path file) throws IOException {
		if (!Files.isRegularFile(file) || !Files.isReadable(file) || Files.size(file) == 0 || !isTiff(
			file)) return open(file);
		final FileInfo[] info = tiffInfo(file);
		long planes = 0;
		boolean plain = true;
		for (final FileInfo fi : info) {
			planes += planes(fi);
			plain &= !compressed(fi);
		}
		if (planes < 2 || !plain) return openWhole(file, info); // NB: already checked, not read again
		final FileInfo one = (FileInfo) info[0].clone();
		one.nImages = 1;
		checkFitsInMemory(file, new FileInfo[] { one }, availableHeap());
		final ImagePlus imp;
		try {
			imp = FileInfoVirtualStack.openVirtual(file.toAbsolutePath().toString());
		}
		catch (final RuntimeException e) {
			throw new IOException(file + ": ImageJ could not open it plane by plane (" + e
				.getClass().getSimpleName() + "); convert it to a plain TIFF", e);
		}
		if (imp == null || imp.getStackSize() != planes) return openWhole(file, info);
		checkPixels(file, imp);
		return imp;
	}

	/**
	 * The image directories of a TIFF, checked as before opening it: not a TIFF, damaged, or
	 * cut off before the end of its pixel data is an IOException with one line. Reads no pixel.
	 */
	public static FileInfo[] checkTiff(final Path file) throws IOException {
		refuseEmpty(file);
		if (!isTiff(file)) throw new IOException(file + ": not a TIFF; re-export it as TIFF");
		return tiffInfo(file);
	}

	/** True when the file starts with a classic TIFF header ("II*\0" or "MM\0*"). */
	static boolean isTiff(final Path file) throws IOException {
		final byte[] b = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(b, 0, 4) < 4) return false;
		}
		return b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0 || b[0] == 'M' && b[1] == 'M' &&
			b[2] == 0 && b[3] == 42;
	}

	/**
	 * The image directories as ImageJ reads them, checked: a damaged directory, or pixel data
	 * past the end of the file, is an IOException with one line.
	 */
	static FileInfo[] tiffInfo(final Path file) throws IOException {
		final long size = Files.size(file);
		final String cut = checkDirectories(file, size);
		final Path abs = file.toAbsolutePath();
		final FileInfo[] info;
		try {
			info = new TiffDecoder(abs.getParent().toString() + File.separator, abs.getFileName()
				.toString()).getTiffInfo();
		}
		catch (final IOException e) {
			// NB: TiffDecoder's own messages name unsupported variants (tiled, CMYK, ...);
			// EOFException and the like have none and mean the directory runs past the end.
			throw new IOException(file + ": damaged TIFF, or a variant ImageJ cannot read (" +
				(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll(
					"\\s+", " ").replaceAll("[ .]+$", "").trim()) + "); re-export it as a plain TIFF or copy the file again", e);
		}
		catch (final RuntimeException | OutOfMemoryError e) {
			// NB: garbage counts in a directory become huge or negative array sizes in TiffDecoder.
			throw new IOException(file + ": damaged TIFF: its image directory is unreadable (" + e
				.getClass().getSimpleName() + "); re-export it or copy the file again", e);
		}
		if (info == null || info.length == 0) throw new IOException(file +
			": damaged TIFF: it has no readable image directory; re-export it or copy the file again");
		for (final FileInfo fi : info)
			if (fi.width <= 0 || fi.height <= 0) throw new IOException(file + ": damaged TIFF: it " +
				"declares an image of " + fi.width + "x" + fi.height + " pixels; re-export it or copy " +
				"the file again");
		checkComplete(file, info, size);
		// NB: after the pixel check, whose message (the image's size) says more to a user
		if (cut != null) throw new IOException(cut);
		return info;
	}

	/**
	 * Walks the chain of image directories before {@link TiffDecoder} does: it trusts every count
	 * (a garbage count of strips is read byte by byte for minutes), follows a looping chain until
	 * memory runs out, and quietly stops at a directory past the end of a truncated file.
	 * Returns the message for a later directory that starts past the end (TiffDecoder stops
	 * there safely), else null; throws for the rest.
	 */
	static String checkDirectories(final Path file, final long size) throws IOException {
		if (size < 8) throw new IOException(file + ": damaged or truncated TIFF: the file holds " +
			bytes(size) + ", less than a TIFF header; re-export or copy the file again");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteOrder order = read(ch, 0, 1).get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN
				: ByteOrder.BIG_ENDIAN;
			long ifd = read(ch, 4, 4).order(order).getInt(0) & 0xffffffffL;
			final Set<Long> seen = new HashSet<>();
			for (int index = 1; ifd != 0; index++) {
				if (ifd + 2 > size) {
					final String m = file + ": damaged or truncated TIFF: its image directory " + index +
						" starts at byte " + ifd + " but the file holds " + bytes(size) +
						"; re-export or copy the file again";
					if (index == 1) throw new IOException(m);
					return m;
				}
				if (!seen.add(ifd)) throw new IOException(file + ": damaged TIFF: its image " +
					"directories form a loop; re-export it or copy the file again");
				final int n = read(ch, ifd, 2).order(order).getShort(0) & 0xffff;
				if (n == 0) throw new IOException(file + ": damaged TIFF: its image directory " + index +
					" is empty; re-export it or copy the file again");
				if (ifd + 2 + 12L * n + 4 > size) throw new IOException(file + ": damaged or truncated " +
					"TIFF: its image directory " + index + " runs past the end of the file (" + bytes(
						size) + "); re-export or copy the file again");
				final ByteBuffer d = read(ch, ifd + 2, 12 * n + 4).order(order);
				for (int i = 0; i < n; i++) {
					final long count = d.getInt(12 * i + 4) & 0xffffffffL;
					final long length = count * typeBytes(d.getShort(12 * i + 2) & 0xffff);
					// NB: values of up to 4 bytes are stored in the entry itself.
					if (length > 4 && (d.getInt(12 * i + 8) & 0xffffffffL) + length > size)
						throw new IOException(file + ": damaged or truncated TIFF: tag " + (d.getShort(12 *
							i) & 0xffff) + " of its image directory " + index + " declares " + count +
							" values (" + bytes(length) + ") but the file holds " + bytes(size) +
							"; re-export or copy the file again");
				}
				ifd = d.getInt(12 * n) & 0xffffffffL;
			}
		}
		return null;
	}

	/** {@code n} bytes at {@code at}; the caller has checked that they are in the file. */
	private static ByteBuffer read(final FileChannel ch, final long at, final int n)
		throws IOException
	{
		final ByteBuffer b = ByteBuffer.allocate(n);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0) throw new EOFException();
		return b;
	}

	/** Bytes of one value of a TIFF field type; unknown types count as 1 (the least). */
	private static long typeBytes(final int type) {
		switch (type) {
			case 3: // SHORT
			case 8: // SSHORT
				return 2;
			case 4: // LONG
			case 9: // SLONG
			case 11: // FLOAT
			case 13: // IFD
				return 4;
			case 5: // RATIONAL
			case 10: // SRATIONAL
			case 12: // DOUBLE
				return 8;
			default:
				return 1;
		}
	}

	/**
	 * Refuses a TIFF whose declared pixel data extends past the end of the file ({@code size}
	 * bytes): ImageJ would read zeros, or fewer planes, in its place.
	 */
	static void checkComplete(final Path file, final FileInfo[] info, final long size)
		throws IOException
	{
		long end = 0;
		for (final FileInfo fi : info)
			end = Math.max(end, dataEnd(file, fi));
		if (end > size) throw new IOException(file + ": damaged or truncated TIFF: it declares " +
			describe(info) + " pixels (" + bytes(end) + (compressed(info[0]) ? ", compressed" : "") +
			") but the file holds " + bytes(size) + "; re-export or copy the file again");
	}

	/**
	 * Refuses a TIFF that ImageJ could not hold in the heap when it opens the whole file
	 * ({@code available} bytes left). Separate from {@link #checkComplete}: a door that reads
	 * plane by plane needs only one plane in memory, not this check.
	 */
	static void checkFitsInMemory(final Path file, final FileInfo[] info, final long available)
		throws IOException
	{
		long need = 0;
		for (final FileInfo fi : info)
			need += (long) fi.width * fi.height * planes(fi) * memoryBytesPerPixel(fi);
		if (need > available) {
			final long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
			final long gib = Math.max(2, (long) Math.ceil((need + used) * 1.25 / (1L << 30)));
			throw new IOException(file + ": the image is " + describe(info) + " pixels, " + bytes(
				need) + " in memory, more than the " + bytes(available) + " Java can still use; give " +
				"Java more memory (e.g. KARL_JAVA_OPTS=-Xmx" + gib + "g; in Fiji: Edit>Options>Memory " +
				"& Threads...) or crop the file into smaller parts");
		}
	}

	/** Bytes of heap not yet used, up to -Xmx. */
	static long availableHeap() {
		final Runtime rt = Runtime.getRuntime();
		return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
	}

	/** Refuses an image ImageJ returned without pixels for some plane. */
	static void checkPixels(final Path file, final ImagePlus imp) throws IOException {
		if (imp.getProcessor() == null || imp.getProcessor().getPixels() == null) throw new IOException(
			file + ": ImageJ read no pixels from it (damaged or unsupported variant); convert it " +
				"to TIFF");
		if (imp.getStackSize() == 1) return;
		final ImageStack stack = imp.getStack();
		if (stack.isVirtual()) return; // NB: asking would read every plane
		for (int i = 1; i <= stack.getSize(); i++)
			if (stack.getPixels(i) == null) throw new IOException(file + ": ImageJ read no pixels " +
				"for plane " + i + " of " + stack.getSize() + " (damaged or unsupported variant); " +
				"convert it to TIFF");
	}

	/** The byte just past the last pixel byte {@code fi} declares. */
	private static long dataEnd(final Path file, final FileInfo fi) throws IOException {
		if (compressed(fi)) {
			// NB: ImageJ reads compressed planes strip by strip.
			final int[] off = fi.stripOffsets, len = fi.stripLengths;
			if (off == null || len == null || off.length == 0 || off.length != len.length)
				throw new IOException(file + ": damaged TIFF: its compressed pixel data has no " +
					"valid strip table; re-export it or copy the file again");
			long end = 0;
			for (int i = 0; i < off.length; i++)
				end = Math.max(end, (off[i] & 0xffffffffL) + (len[i] & 0xffffffffL));
			return end;
		}
		// NB: uncompressed planes are read contiguously from the offset, then a gap to the next.
		final long n = planes(fi), plane = planeBytes(fi);
		return fi.getOffset() + plane * n + Math.max(0, fi.getGap()) * (n - 1);
	}

	private static boolean compressed(final FileInfo fi) {
		return fi.compression >= FileInfo.LZW;
	}

	private static long planes(final FileInfo fi) {
		return Math.max(1, fi.nImages);
	}

	/** Bytes of one uncompressed plane in the file (ImageJ's ImageReader sizes). */
	private static long planeBytes(final FileInfo fi) {
		final long w = fi.width, h = fi.height;
		switch (fi.fileType) {
			case FileInfo.BITMAP:
				return (w + 7) / 8 * h;
			case FileInfo.GRAY12_UNSIGNED:
				return (3 * w + 1) / 2 * h;
			default:
				return w * h * fi.getBytesPerPixel();
		}
	}

	/** Bytes per pixel of the processor ImageJ makes for {@code fi}. */
	private static long memoryBytesPerPixel(final FileInfo fi) {
		switch (fi.fileType) {
			case FileInfo.GRAY8:
			case FileInfo.COLOR8:
			case FileInfo.BITMAP:
				return 1;
			case FileInfo.GRAY16_SIGNED:
			case FileInfo.GRAY16_UNSIGNED:
			case FileInfo.GRAY12_UNSIGNED:
			case FileInfo.GRAY10_UNSIGNED:
				return 2;
			case FileInfo.RGB48:
			case FileInfo.RGB48_PLANAR:
				return 6; // three 16-bit channels
			default:
				return 4;
		}
	}

	/** "WxH 16-bit", with "xN" planes when there are several. */
	private static String describe(final FileInfo[] info) {
		long n = 0;
		for (final FileInfo fi : info)
			n += planes(fi);
		final FileInfo fi = info[0];
		return fi.width + "x" + fi.height + (n > 1 ? "x" + n : "") + " " + type(fi);
	}

	private static String type(final FileInfo fi) {
		switch (fi.fileType) {
			case FileInfo.BITMAP:
				return "1-bit";
			case FileInfo.GRAY8:
			case FileInfo.COLOR8:
				return "8-bit";
			case FileInfo.GRAY10_UNSIGNED:
				return "10-bit";
			case FileInfo.GRAY12_UNSIGNED:
				return "12-bit";
			case FileInfo.GRAY16_SIGNED:
			case FileInfo.GRAY16_UNSIGNED:
				return "16-bit";
			case FileInfo.GRAY24_UNSIGNED:
				return "24-bit";
			case FileInfo.GRAY32_INT:
			case FileInfo.GRAY32_UNSIGNED:
			case FileInfo.GRAY32_FLOAT:
				return "32-bit";
			case FileInfo.GRAY64_FLOAT:
				return "64-bit";
			case FileInfo.RGB48:
			case FileInfo.RGB48_PLANAR:
				return "48-bit RGB";
			default:
				return "RGB";
		}
	}

	/** A byte count for people: "1.0 KB", "800 MB" (powers of 1000). */
	static String bytes(final long n) {
		if (n < 1000) return n + " bytes";
		final String[] units = { "KB", "MB", "GB", "TB", "PB" };
		double v = n;
		int u = -1;
		while (v >= 1000 && u < units.length - 1) {
			v /= 1000;
			u++;
		}
		return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
	}
}
