package cn.zonegis;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free ground for test features: cells south-west of the demo zone, each handed out once
 * per run, so tests that draw parcels never overlap each other or the demo's red lines,
 * whatever their order.
 */
public final class TestArea {

	/** Cells are 0.003° (about 300 m) apart; a test draws inside its own cell. */
	public static final double CELL = 0.003;

	private static final int COLUMNS = 30;

	private static final AtomicInteger NEXT = new AtomicInteger();

	private TestArea() {
	}

	/** South-west corner (lon, lat) of a cell no other test uses in this run. */
	public static double[] nextCell() {
		int i = NEXT.getAndIncrement();
		return new double[] { 121.91 + (i % COLUMNS) * CELL, 37.06 + (i / COLUMNS) * CELL };
	}

	/** The centre (lon, lat) of a cell no other test uses in this run. */
	public static double[] nextSpot() {
		double[] corner = nextCell();
		return new double[] { corner[0] + CELL / 2, corner[1] + CELL / 2 };
	}

}
