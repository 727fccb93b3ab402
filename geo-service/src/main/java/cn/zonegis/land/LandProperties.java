package cn.zonegis.land;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param overlapToleranceM2 overlap between active parcels tolerated as survey noise, in
 * m² of plane area in the measuring CRS
 */
@ConfigurationProperties("zonegis.land")
public record LandProperties(@DefaultValue("0.5") double overlapToleranceM2) {
}
