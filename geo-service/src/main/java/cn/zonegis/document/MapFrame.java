package cn.zonegis.document;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * A rectangle on the page (mm) showing a plane CRS at a scale 1:scale, centred on a plane
 * point: x is easting, y northing, both in metres.
 */
record MapFrame(float xMm, float yMm, float widthMm, float heightMm, int scale, double centreEasting,
		double centreNorthing) {

	/** The page position (mm) of a plane coordinate. */
	float[] toPage(Coordinate c) {
		return new float[] { (float) (this.xMm + this.widthMm / 2 + (c.x - this.centreEasting) * 1000 / this.scale),
				(float) (this.yMm + this.heightMm / 2 + (c.y - this.centreNorthing) * 1000 / this.scale) };
	}

	/** The plane extent the frame shows. */
	Envelope extent() {
		double halfWidth = this.widthMm / 2.0 * this.scale / 1000;
		double halfHeight = this.heightMm / 2.0 * this.scale / 1000;
		return new Envelope(this.centreEasting - halfWidth, this.centreEasting + halfWidth,
				this.centreNorthing - halfHeight, this.centreNorthing + halfHeight);
	}

	boolean shows(Envelope plane) {
		return extent().contains(plane);
	}

	/** The box as minX, minY, maxX, maxY. */
	double[] box() {
		Envelope e = extent();
		return new double[] { e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY() };
	}

}
