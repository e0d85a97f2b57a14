package nl.dijkwacht.console;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page (local development accounts and/or the identity provider) and the "no access" page. */
@Controller
class LoginController {

    private final LocalAccounts localAccounts;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;

    LoginController(LocalAccounts localAccounts, ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.localAccounts = localAccounts;
        this.oidcClients = oidcClients;
    }

    record Provider(String id, String name) {
    }

    @GetMapping("/console/inloggen")
    String login(Model model, @org.springframework.web.bind.annotation.RequestParam(name = "fout", required = false) String failure) {
        model.addAttribute("localAccounts", localAccounts.enabled());
        // only a code the console knows chooses a text of its own; the address's value is never shown
        model.addAttribute("failureMessage", failure == null ? null : ConsoleLoginFailures.MESSAGES.get(failure));
        model.addAttribute("sessionEnded", ConsoleSessionLimit.TOO_OLD.equals(failure) || ConsoleSessionLimit.ACCOUNT_CHANGED.equals(failure));
        List<Provider> providers = List.of();
        if (oidcClients.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations) {
            List<Provider> found = new java.util.ArrayList<>();
            for (ClientRegistration r : registrations) {
                found.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
            providers = found;
        }
        model.addAttribute("providers", providers);
        return "console/login";
    }

    @org.springframework.web.bind.annotation.RequestMapping("/console/geen-toegang")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "console/forbidden";
    }
}
