package nl.dijkwacht.pipeline;

/** One step of the request path. {@link #id()} is the step's key in the policy YAML and in audit records. */
public interface PolicyStep {

    String id();

    Outcome apply(Exchange exchange);
}
