package nl.dijkwacht.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's error page ({@code /error}), answered in the OpenAI error format in Dutch for every status: an unknown
 * address (404), a wrong method (405), anything the servlet container or a filter rejected with {@code sendError}.
 * Nothing from the request (path, headers, exception messages) is repeated.
 */
@Controller
public class OpenAiErrorController implements ErrorController {

    private final OpenAiErrorWriter errors;
    OpenAiErrorController(com.fasterxml.jackson.databind.ObjectMapper dijkwachtJson) {
        this.errors = new OpenAiErrorWriter(dijkwachtJson);
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : response.getStatus() >= 400 ? response.getStatus() : 500;
        errors.write(response, HttpErrors.forStatus(status));
    }

}
