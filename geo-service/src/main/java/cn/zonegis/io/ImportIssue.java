package cn.zonegis.io;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.zonegis.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;

/**
 * A problem that would refuse one imported feature, or a warning about it, worded for the
 * planner.
 *
 * @param type problem type slug (outside-extent, axes-swapped, red-line-overlap,
 * area-mismatch…)
 * @param detail the message in the caller's language
 * @param properties the facts (location, conflictingParcels…)
 */
public record ImportIssue(String type, String detail, Map<String, Object> properties) {

	/** Words a problem the way the HTTP error would word it. */
	static ImportIssue of(ApiProblem problem, MessageSource messages) {
		String detail = messages.getMessage(problem.messageKey(), problem.messageArgs(), problem.messageKey(),
				LocaleContextHolder.getLocale());
		return new ImportIssue(problem.type(), detail, new LinkedHashMap<>(problem.properties()));
	}

	static ImportIssue of(MessageSource messages, String type, String key, Object... args) {
		return of(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, key, args), messages);
	}

}
