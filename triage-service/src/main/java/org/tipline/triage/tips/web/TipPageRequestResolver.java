package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.tipline.triage.staff.StaffPrincipal;

/** Resolves {@link TipPageRequest} for handlers mapped under {@code /tips/{id}}. */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
class TipPageRequestResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final TipPageModel page;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == TipPageRequest.class;
    }

    @Override
    public TipPageRequest resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest web,
            WebDataBinderFactory binders) {
        var request = web.getNativeRequest(HttpServletRequest.class);
        var me = (StaffPrincipal)
                SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        return new TipPageRequest(
                tipId(web, parameter),
                me,
                request.getSession(),
                RequestContextUtils.getLocale(request),
                (Model) container.getModel(),
                web.getNativeResponse(HttpServletResponse.class),
                page);
    }

    /** A path id that is not a UUID fails as {@code @PathVariable UUID id} would: a 400. */
    @SuppressWarnings("unchecked")
    private static UUID tipId(NativeWebRequest web, MethodParameter parameter) {
        var variables = (Map<String, String>)
                web.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String id = variables == null ? "" : variables.getOrDefault("id", "");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new MethodArgumentTypeMismatchException(id, UUID.class, "id", parameter, e);
        }
    }
}
