package nl.dijkwacht.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is signed in (name, roles) for the header and the menu. */
@ControllerAdvice(basePackages = "nl.dijkwacht.console")
class ConsoleModel {

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return ConsoleUser.of(authentication);
    }
}
