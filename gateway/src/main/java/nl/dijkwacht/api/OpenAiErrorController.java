package nl.dijkwacht.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.dijkwacht.pipeline.Refusal;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error page ({@code /error}), answered in the OpenAI error format in Dutch for every status: an unknown
 * address (404), a wrong method (405), anything the servlet container or a filter rejected with {@code sendError}.
 * The console and the public transparency page are read by people in a browser: their errors are a small Dutch HTML
 * page instead. Nothing from the request (path, headers, exception messages) is repeated.
 */
@Controller
public class OpenAiErrorController implements ErrorController {

    private final OpenAiErrorWriter errors;

    OpenAiErrorController(com.fasterxml.jackson.databind.ObjectMapper dijkwachtJson) {
        this.errors = new OpenAiErrorWriter(dijkwachtJson);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly (GET /error): no error to report, so no page there — a 404, not the 500 it was (ops27)
        int status = code instanceof Integer i ? i : response.getStatus() >= 400 ? response.getStatus() : 404;
        Refusal refusal = HttpErrors.forStatus(status);
        if (forPeople(code == null ? request.getRequestURI() : request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
            ModelAndView page = new ModelAndView("console/error");
            page.addObject("status", status);
            page.addObject("message", status == 404 ? "Deze pagina bestaat niet." : refusal.message());
            page.setStatus(HttpStatusCode.valueOf(status));
            return page;
        }
        errors.write(response, refusal);
        return null;
    }

    /**
     * The console's pages and the public transparency pages (HTML: {@code /transparantie} and a tenant's
     * {@code /transparantie/<tenant>}), not the APIs next to them ({@code /transparantie….json}).
     */
    public static boolean forPeople(Object uri) {
        return uri instanceof String path && (path.equals("/console") || path.startsWith("/console/") 
                || path.equals("/transparantie") || path.startsWith("/transparantie/") && !path.endsWith(".json"));
    }
}
