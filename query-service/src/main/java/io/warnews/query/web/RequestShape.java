package io.warnews.query.web;

import io.warnews.events.TextRule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.warnews.query.consistency.ReadsFrom;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks what a request carries besides its body, before any controller runs: a Content-Type
 * must be a concrete media type (a pattern such as {@code *}{@code /*} is a 415), every query
 * parameter must be one the endpoint reads (an unknown one is a 400 naming it, never silently
 * ignored; {@code waitFor} and {@code waitMillis} are read where the endpoint is marked
 * {@link ReadsFrom}), none may be given twice (each holds one value), no parameter may break the
 * {@link TextRule}, and no path variable is blank,
 * longer than {@value #MAX_ID} characters or breaks the text rule: a 400 naming it, so that such
 * text never reaches the database.
 */
@Configuration
class RequestShape implements WebMvcConfigurer, HandlerInterceptor {

    /** The longest stream id the event store holds. */
    static final int MAX_ID = 255;
    /**
     * The query parameters each endpoint reads, found once per endpoint: reading them from the
     * method's annotations parses those annotations again each time.
     */
    private static final Map<Method, Set<String>> QUERY_PARAMETERS = new ConcurrentHashMap<>();

    /**
     * An Accept header that cannot be read is a 400 for every path (otherwise no answer could be
     * negotiated, not even the problem saying so).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> acceptHeaderCheck() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        for (Enumeration<String> accepts = request.getHeaders("Accept"); accepts.hasMoreElements(); ) {
                            String accept = accepts.nextElement();
                            try {
                                MediaType.parseMediaTypes(accept);
                            } catch (InvalidMediaTypeException e) {
                                ProblemJson.write(response, 400, null, "Bad Request",
                                        "the Accept header cannot be read: " + e.getMessage(), Map.of());
                                return;
                            }
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String contentType = request.getContentType();
        if (contentType != null) {
            String problem = mediaTypeProblem(contentType);
            if (problem != null) {
                ProblemJson.write(response, 415, null, "Unsupported Media Type", "Content-Type '" + contentType
                        + "' " + problem + "", Map.of());
                return false;
            }
        }
        List<String> names;
        try {
            names = queryParameterNames(request.getQueryString());
        } catch (IllegalArgumentException badEncoding) {
            return refuse(response, "query", "is not valid percent-encoded UTF-8");
        }
        Set<String> known = names.isEmpty() ? Set.of() : QUERY_PARAMETERS.computeIfAbsent(method.getMethod(),
                endpoint -> readParameters(method));
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            return refuse(response, String.join(", ", unknown), "is not a query parameter of this endpoint (known: "
                    + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))) + ")");
        }
        Set<String> repeated = new TreeSet<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            int values = 0;
            for (String value : parameter.getValue()) {
                if (value == null) {
                    // a field without '=' in a form body (read for DELETE, PUT and PATCH too): no text to check
                    continue;
                }
                values++;
                String problem = TextRule.problem(value);
                if (problem != null) {
                    return refuse(response, parameter.getKey(), problem);
                }
            }
            if (values > 1) {
                repeated.add(parameter.getKey());
            }
        }
        if (!repeated.isEmpty()) {
            // Spring would join the values with a comma: which of them would count?
            String first = repeated.iterator().next();
            boolean inQuery = names.indexOf(first) != names.lastIndexOf(first);
            return refuse(response, String.join(", ", repeated), inQuery ? "is given more than once; give it once"
                    : "is given in the query and again in the form body; give it once");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            for (Map.Entry<String, String> variable : variables.entrySet()) {
                String value = variable.getValue();
                String problem = value.isBlank() ? "must not be blank"
                        : value.length() > MAX_ID ? "must be at most " + MAX_ID + " characters"
                        : TextRule.problem(value);
                if (problem != null) {
                    return refuse(response, variable.getKey(), problem);
                }
            }
        }
        return true;
    }

    private static String mediaTypeProblem(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isConcrete() ? null : "is a pattern, not a type";
        } catch (InvalidMediaTypeException e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    private static Set<String> readParameters(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getMethod().getParameters()) {
            RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
            if (param != null) {
                names.add(param.name().isEmpty() ? parameter.getName() : param.name());
            }
        }
        ReadsFrom readsFrom = method.getMethodAnnotation(ReadsFrom.class);
        if (readsFrom != null || method.getBeanType().isAnnotationPresent(ReadsFrom.class)) {
            names.add("waitFor");
            names.add("waitMillis");
        }
        return names;
    }

    static List<String> queryParameterNames(String query) {
        List<String> names = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            names.add(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8));
            if (equals >= 0) {
                URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return names;
    }

    private static boolean refuse(HttpServletResponse response, String field, String problem) throws IOException {
        ProblemJson.write(response, 400, null, "Bad query parameter", field + ": " + problem,
                Map.of("parameter", field));
        return false;
    }
}
