package org.tipline.triage.config;

import ch.qos.logback.classic.spi.IThrowableProxy;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack traces, with each exception's message escaped as {@link OneLineMessage} does: an exception
 * message often quotes the input that caused it. The stack frames themselves are left as they are.
 */
public class OneLineThrowable extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(escaped(throwable));
    }

    private static IThrowableProxy escaped(IThrowableProxy original) {
        if (original == null) {
            return null;
        }
        return (IThrowableProxy) Proxy.newProxyInstance(
                IThrowableProxy.class.getClassLoader(),
                new Class<?>[] {IThrowableProxy.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getMessage":
                            return OneLineMessage.escape(original.getMessage());
                        case "getCause":
                            return escaped(original.getCause());
                        case "getSuppressed":
                            return original.getSuppressed() == null
                                    ? null
                                    : Arrays.stream(original.getSuppressed())
                                            .map(OneLineThrowable::escaped)
                                            .toArray(IThrowableProxy[]::new);
                        default:
                            try {
                                return method.invoke(original, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }
}
