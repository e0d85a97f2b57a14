package nl.dijkwacht.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console form or address with a value the page cannot use — a status, format or kind it does not know, a number
 * that is no number, a required field left out — is the operator's mistake, not the gateway's: a 400 with the console's
 * Dutch error page (ops27; before, an unknown value was a 500). The message is fixed: nothing the request sent is
 * repeated, and the exception (which may quote the value) is not logged. {@link ConsoleAccessLog} records the action as
 * refused, as it does every page that answers with a problem.
 */
@ControllerAdvice(basePackages = "nl.dijkwacht.console")
class ConsoleBadRequests {

    static final String MESSAGE = "De aanvraag bevat een waarde die de console niet kent of een verplicht veld is leeg. "
            + "Controleer het formulier of het adres en probeer het opnieuw.";

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ModelAndView badRequest() {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("status", 400);
        page.addObject("message", MESSAGE);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }
}
