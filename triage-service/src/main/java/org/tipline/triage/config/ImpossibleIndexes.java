package org.tipline.triage.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.WebRequest;

/**
 * No console form has more than a few dozen entries in a list, but a request may name {@code fields[99999]}, and
 * Spring's binder then fails while growing the list (a 500). Such parameters are refused before binding, and anything
 * else the binder cannot resolve is a 400 with a plain explanation.
 */
@ControllerAdvice
class ImpossibleIndexes {

    private static final Pattern INDEX = Pattern.compile("\\[(-?\\d+)]");
    private static final int MAX_INDEX = 64;

    @InitBinder
    void refuse(WebRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            Matcher index = INDEX.matcher(name);
            while (index.find()) {
                String digits = index.group(1);
                if (digits.startsWith("-") || digits.length() > 2 || Integer.parseInt(digits) >= MAX_INDEX) {
                    throw new InvalidPropertyException(Object.class, name, "no form has this entry");
                }
            }
        }
    }

    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unreadable(Model model) {
        model.addAttribute("message", "The form could not be read. Go back and send it again.");
        return "problem";
    }
}
