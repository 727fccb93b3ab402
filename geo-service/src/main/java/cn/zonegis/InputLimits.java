package cn.zonegis;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may say: text lengths by kind of field, the range of plausible
 * dates, and how deeply a JSON body may nest.
 *
 * @param codeLength characters in a code (parcel number, land class code…)
 * @param nameLength characters in a name or any other short text
 * @param noteLength characters in a note, description, legal basis or other free text
 * written over lines (a hazard note, a review's opinion)
 * @param earliestDate the earliest date a record may carry (the zone's records start in
 * 1949)
 * @param yearsAhead how far past today a date may lie, in years
 * @param jsonDepth how many objects and arrays a JSON body may nest
 * @param jsonBodySize the largest JSON body read (files go through the import's own
 * limit)
 */
@ConfigurationProperties("zonegis.limits")
public record InputLimits(@DefaultValue("64") int codeLength, @DefaultValue("200") int nameLength,
		@DefaultValue("4000") int noteLength, @DefaultValue("1949-01-01") LocalDate earliestDate,
		@DefaultValue("10") int yearsAhead, @DefaultValue("32") int jsonDepth,
		@DefaultValue("10MB") DataSize jsonBodySize) {
}
