package cn.zonegis.land;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import cn.zonegis.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Why a draft parcel would be refused, worded as the real write would word it.
 *
 * @param type problem type slug (invalid-geometry, red-line-overlap, duplicate-code…)
 * @param detail the message in the caller's language
 * @param properties the facts (defect, location, conflictingParcels…)
 */
public record DraftProblem(String type, String detail, Map<String, Object> properties) {

	/** The problem the real write would raise, worded in the caller's language. */
	static DraftProblem of(ApiProblem problem, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		String detail = messages.getMessage(problem.messageKey(), problem.messageArgs(), problem.messageKey(), locale);
		return new DraftProblem(problem.type(), detail, new LinkedHashMap<>(problem.properties()));
	}

}
