package cn.zonegis.io;

import java.util.List;

/**
 * The features of one imported file.
 *
 * @param crs the CRS the file was read in, as GDAL or the TXT header gave it
 */
record SourceBatch(String crs, List<SourceFeature> features) {
}
