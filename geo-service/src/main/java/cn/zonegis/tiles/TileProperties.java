package cn.zonegis.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vector tile settings.
 *
 * @param cacheSeconds how long a client or CDN may reuse a tile before asking again (with
 * its ETag)
 * @param statementTimeoutMillis the most one tile query may take; a slower one is a 503,
 * not a stuck map
 * @param cacheMegabytes memory for built tiles, kept until an edit touches them; 0 turns
 * the cache off
 */
@ConfigurationProperties("zonegis.tiles")
public record TileProperties(@DefaultValue("60") int cacheSeconds, @DefaultValue("5000") int statementTimeoutMillis,
		@DefaultValue("64") int cacheMegabytes) {
}
