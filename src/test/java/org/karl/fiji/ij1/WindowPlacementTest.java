package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;

import org.junit.Test;

/** A table goes right of the image, else left, else below, never over it. */
public class WindowPlacementTest {

	private static final Rectangle SCREEN = new Rectangle(0, 0, 1920, 1080);

	@Test
	public void rightWhenThereIsRoom() {
		assertEquals(new Point(600, 100), WindowPlacement.place(new Rectangle(100, 100, 500, 400),
			new Dimension(600, 300), SCREEN));
	}

	@Test
	public void leftWhenTheRightIsFull() {
		assertEquals(new Point(700, 100), WindowPlacement.place(new Rectangle(1300, 100, 500, 400),
			new Dimension(600, 300), SCREEN));
	}

	@Test
	public void belowWhenBothSidesAreFullAndNowhereWhenNothingFits() {
		assertEquals(new Point(200, 900), WindowPlacement.place(new Rectangle(200, 100, 1500, 800),
			new Dimension(600, 150), SCREEN));
		assertNull(WindowPlacement.place(new Rectangle(0, 0, 1900, 1000), new Dimension(600, 300),
			SCREEN));
	}

	@Test
	public void aTallTableIsMovedUpToStayOnTheScreen() {
		assertEquals(new Point(600, 280), WindowPlacement.place(new Rectangle(100, 700, 500, 300),
			new Dimension(600, 800), SCREEN));
	}
}
