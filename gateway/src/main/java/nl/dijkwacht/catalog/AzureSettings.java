package nl.dijkwacht.catalog;

import java.net.URI;

/**
 * How to reach a model on Azure OpenAI ({@code provider: azure-openai}, models-config {@code azure:}): calls go to
 * {@code <base-url>/deployments/<deployment>/chat/completions?api-version=<api-version>}. Authentication is the
 * {@code api-key} header (key from {@code api-key-env}) or, with {@code auth: entra-id}, a Microsoft Entra ID access
 * token obtained with the client-credentials grant (client secret from {@code client-secret-env}).
 *
 * @param tokenUrl the token endpoint; default {@code https://login.microsoftonline.com/<tenant-id>/oauth2/v2.0/token}
 * @param scope    default {@code https://cognitiveservices.azure.com/.default}
 */
public record AzureSettings(String deployment, String apiVersion, Auth auth, String tenantId, String clientId,
                            String clientSecretEnv, URI tokenUrl, String scope) {

    public static final String DEFAULT_SCOPE = "https://cognitiveservices.azure.com/.default";

    public enum Auth { API_KEY, ENTRA_ID }

    public AzureSettings {
        auth = auth == null ? Auth.API_KEY : auth;
        scope = scope == null ? DEFAULT_SCOPE : scope;
        if (tokenUrl == null && tenantId != null) {
            tokenUrl = URI.create("https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token");
        }
    }

    /** The client secret from the environment variable the catalogue names; never in a file. */
    public String clientSecret() {
        String value = clientSecretEnv == null ? null : System.getenv(clientSecretEnv);
        return value == null || value.isBlank() ? null : value;
    }
}
