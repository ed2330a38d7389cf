package org.tipline.triage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The staff tier: sign-in, the queue, tips, referrals and the audit trail. Owns the schema migrations. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriageApplication {

    public static void main(String[] args) {
        SpringApplication.run(TriageApplication.class, args);
    }
}
