package org.tipline.triage.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;

/**
 * No console form has more than a few dozen entries in a list, but a request may name {@code fields[99999]} (the
 * binder fails while growing the list) or {@code fields['1']} (it fails parsing the index): both were a 500. Any
 * bracket that is not a small plain index is refused before binding, and anything else the binder cannot resolve is a
 * 400 with a plain explanation.
 */
@ControllerAdvice
@RequiredArgsConstructor
class ImpossibleIndexes {

    /** A list index the binder can use: one or two plain digits, below {@link #MAX_INDEX}. */
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,2})]");

    private static final int MAX_INDEX = 64;

    private final MessageSource messages;

    @InitBinder
    void refuse(WebRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            if (!bindable(name)) {
                // The name itself is not repeated in the exception: it comes from the request and may reach a log.
                throw new InvalidPropertyException(Object.class, "parameter", "no form has this entry");
            }
        }
    }

    /** Any bracket left once the usable indexes are taken out ({@code ['1']}, {@code [1 ]}, {@code [0x1]}) is refused. */
    private static boolean bindable(String name) {
        Matcher index = INDEX.matcher(name);
        StringBuilder rest = new StringBuilder();
        while (index.find()) {
            if (Integer.parseInt(index.group(1)) >= MAX_INDEX) {
                return false;
            }
            index.appendReplacement(rest, "");
        }
        index.appendTail(rest);
        return rest.indexOf("[") < 0 && rest.indexOf("]") < 0;
    }

    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unreadable(Model model) {
        model.addAttribute(
                "message", messages.getMessage("problem.unreadableForm", null, LocaleContextHolder.getLocale()));
        return "problem";
    }
}
