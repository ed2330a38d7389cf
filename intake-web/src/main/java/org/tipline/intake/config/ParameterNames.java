package org.tipline.intake.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before binding, any parameter name that no public page produces: {@code name} or
 * {@code list[index].name}, in ASCII letters and digits. Binding would otherwise read {@code persons['1'].role},
 * {@code persons[0x1].role} or a name holding a line break as a property path and fail with a 500 whose message
 * quotes the name. The refusal carries no name, so nothing from the request reaches a log.
 */
class ParameterNames implements HandlerInterceptor {

    private static final Pattern PUBLIC_NAME =
            Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}(\\[[0-9]{1,2}]\\.[A-Za-z][A-Za-z0-9]{0,39})?");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // File uploads keep their parts unread until their own checks pass; their controller reads named parts only.
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
            return true;
        }
        for (String name : request.getParameterMap().keySet()) {
            if (!PUBLIC_NAME.matcher(name).matches()) {
                throw new Unreadable();
            }
        }
        return true;
    }

    /** A form no public page produces; deliberately without the offending name. */
    static class Unreadable extends RuntimeException {
        Unreadable() {
            super("a parameter name no public page produces", null, false, false);
        }
    }
}
