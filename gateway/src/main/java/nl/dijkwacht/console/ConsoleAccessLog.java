package nl.dijkwacht.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import nl.dijkwacht.audit.OperatorActionLog;
import nl.dijkwacht.audit.OperatorActions;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.identity.Operator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Who did what through the console. Every administrator or auditor action taken on a console page (reload, kill
 * switch, explain, audit search and trace view, export, legal holds, verification, complaints — the table in
 * {@link OperatorActions}) becomes a record in the audit chain through the same {@link OperatorActionLog} the APIs use,
 * with the result: a page that answers with a problem counts as refused. Form fields are recorded only where they are
 * not personal (dates, ids, a status); free text (a reason, an explanation, a prompt) as length and keyed hash; a staff
 * member's id as its keyed pseudonym. Audit pages are also logged (operator id, method and path — never the query).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAccessLog implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAccessLog.class);
    /** Form fields whose values are not personal data. */
    private static final Set<String> PLAIN = Set.of("from", "to", "useCase", "model", "decision", "rule", "entityType",
            "department", "actor", "traceId", "tool", "roles", "status", "scope", "chain", "anchorSeq", "formaat",
            "zoekopdracht", "toepassing");
    /** Form fields with free text: only length and keyed hash. */
    private static final Set<String> TEXT = Set.of("reason", "explanation", "summary", "reference", "prompt");
    private static final String ENTRY = ConsoleAccessLog.class.getName() + ".entry";

    private final OperatorActionLog actions;
    private final Pseudonymizer pseudonymizer;

    ConsoleAccessLog(OperatorActionLog actions, Pseudonymizer pseudonymizer) {
        this.actions = actions;
        this.pseudonymizer = pseudonymizer;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
                if (user == null) {
                    return true;
                }
                if (!request.getRequestURI().startsWith("/console/beheer")) {
                    log.info("console audit access by {}: {} {}", user.operatorId(), request.getMethod(), request.getRequestURI());
                }
                OperatorActions.of(request.getMethod(), request.getRequestURI()).ifPresent(named -> {
                    Operator operator = new Operator(user.operatorId(), user.roles(), user.tenant(), user.operatorId().startsWith("oidc:"));
                    OperatorActionLog.Entry entry = actions.start(operator, named.action(), OperatorActionLog.Channel.CONSOLE);
                    if (named.object() != null) {
                        int colon = named.object().indexOf(':');
                        entry.object(named.object().substring(0, colon), named.object().substring(colon + 1));
                    }
                    parameters(request, entry);
                    request.setAttribute(ENTRY, entry);
                });
                return true;
            }

            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
                if (!(request.getAttribute(ENTRY) instanceof OperatorActionLog.Entry entry)) {
                    return;
                }
                request.removeAttribute(ENTRY);
                FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
                boolean problem = flash.containsKey("problem") || view != null && view.getModel().containsKey("problem");
                int status = response.getStatus() >= 400 ? response.getStatus() : problem ? 422 : 200;
                actions.finish(entry, status, status < 400 ? null : problem ? "console_problem" : "status_" + status);
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                if (request.getAttribute(ENTRY) instanceof OperatorActionLog.Entry entry) {
                    // the handler threw: postHandle did not run. A value the page cannot use was answered with a 400
                    // page (ConsoleBadRequests): refused; anything else failed
                    request.removeAttribute(ENTRY);
                    int status = response.getStatus();
                    if (status >= 400 && status < 500) {
                        actions.finish(entry, status, "invalid_console_request");
                    } else {
                        actions.finish(entry, Math.max(500, status), "console_action_failed");
                    }
                }
            }
        }).addPathPatterns("/console/audit/**", "/console/audit", "/console/toezicht/**", "/console/beheer/**");
    }

    private void parameters(HttpServletRequest request, OperatorActionLog.Entry entry) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            String value = p.getValue().length == 0 ? null : p.getValue()[0];
            if (PLAIN.contains(p.getKey())) {
                entry.param(p.getKey(), value);
            } else if (TEXT.contains(p.getKey())) {
                entry.text(p.getKey(), value);
            } else if (p.getKey().equals("user") && value != null && !value.isBlank()) {
                entry.param("actor", pseudonymizer.pseudonym(value.strip()));
            }
        }
    }
}
