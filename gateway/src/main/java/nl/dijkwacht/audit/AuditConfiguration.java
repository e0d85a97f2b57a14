package nl.dijkwacht.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import nl.dijkwacht.audit.chain.ChainCodec;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.ChainedJdbcAuditSink;
import nl.dijkwacht.audit.store.AuditRows;
import nl.dijkwacht.pii.PiiDetector;
import nl.dijkwacht.pii.StructuredIdentifiers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the audit trail: chained store, keyed hashes, governance facts, verification. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditGovernance auditGovernance(AuditProperties properties) {
        return new AuditGovernance(properties);
    }

    @Bean
    TextHasher auditTextHasher(@Qualifier("secretKey") byte[] secretKey, AuditProperties properties) {
        return TextHasher.from(secretKey, properties.hashKeys(), properties.activeHashKey());
    }

    @Bean
    ChainCodec auditChainCodec(@Qualifier("secretKey") byte[] secretKey) {
        return ChainCodec.fromSecret(secretKey);
    }

    @Bean
    AuditRows auditRows(ObjectMapper dijkwachtJson) {
        return new AuditRows(dijkwachtJson);
    }

    @Bean
    ContentRedactor auditContentRedactor() {
        return new ContentRedactor(new PiiDetector(StructuredIdentifiers.all()));
    }

    @Bean
    ChainedJdbcAuditSink auditSink(DataSource dataSource, ChainCodec codec, AuditRows rows, AuditProperties properties) {
        return new ChainedJdbcAuditSink(dataSource, codec, rows, properties.chainId());
    }

    @Bean
    ChainVerifier auditChainVerifier(DataSource dataSource, ChainCodec codec, AuditRows rows) {
        return new ChainVerifier(dataSource, codec, rows);
    }

    @Bean
    AuditTrail auditTrail(AuditSink sink, @Qualifier("secretKey") byte[] secretKey, TextHasher hasher,
                          AuditGovernance governance, ContentRedactor redactor, ObjectMapper dijkwachtJson) {
        return new AuditTrail(sink, new AuditRecordFactory(new Pseudonymizer(secretKey), hasher, governance, redactor),
                hasher, governance, dijkwachtJson);
    }
}
