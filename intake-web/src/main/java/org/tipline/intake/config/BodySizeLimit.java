package org.tipline.intake.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses request bodies larger than any honest form could be, before anything reads them. Without this, Tomcat
 * would silently drop the parameters of an oversized post and the tipster would be told they wrote nothing.
 * Every answer's own limit is far below this and is enforced by validation, which keeps what was typed.
 */
@Component
class BodySizeLimit implements HandlerInterceptor {

    /** 14,500 characters of answers, four UTF-8 bytes each, percent-encoded: under 256 KiB. */
    static final long MAX_FORM_BYTES = 1024 * 1024;
    /** Five files of at most 10 MiB each, with room for the multipart framing. */
    static final long MAX_UPLOAD_BYTES = 51L * 1024 * 1024;

    static final String UPLOAD_PATH = "/status/attachments";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            throw new TooLarge(request.getContentLengthLong(), limit);
        }
        return true;
    }

    static long limitFor(HttpServletRequest request) {
        return request.getRequestURI().equals(UPLOAD_PATH) ? MAX_UPLOAD_BYTES : MAX_FORM_BYTES;
    }

    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    static class TooLarge extends RuntimeException {
        private final long bytes;
        private final long limit;

        TooLarge(long bytes, long limit) {
            super("request body of " + bytes + " bytes");
            this.bytes = bytes;
            this.limit = limit;
        }

        long bytes() {
            return bytes;
        }

        long limit() {
            return limit;
        }

        /** Negative when the size is unknown (a chunked body cut off by Tomcat). */
        long kilobytes() {
            return bytes < 0 ? -1 : bytes / 1024;
        }

        long limitKilobytes() {
            return limit / 1024;
        }
    }
}
