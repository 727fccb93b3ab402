// Plane coordinates in the zone's measuring CRS (a 3-degree Gauss-Krüger zone of CGCS2000,
// given by /api/config as a proj4 string). Chinese surveying calls the northing X and the
// easting Y, so results are named northing/easting, never x/y.
import proj4 from 'proj4';

// CGCS2000 and its Gauss-Krüger projections share the GRS80 ellipsoid: no datum shift.
const CGCS2000_GEOGRAPHIC = '+proj=longlat +ellps=GRS80 +no_defs';

// Returns (lon, lat) → { northing, easting } in metres.
export function gaussKruger(measureProj4) {
  const converter = proj4(CGCS2000_GEOGRAPHIC, measureProj4);
  return (lon, lat) => {
    const [easting, northing] = converter.forward([lon, lat]);
    return { northing, easting };
  };
}

// Millimetre precision, as surveyed coordinates are given.
export function formatPlane({ northing, easting }) {
  return { n: northing.toFixed(3), e: easting.toFixed(3) };
}
