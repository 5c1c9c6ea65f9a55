package vn.ledger.query.readmodel;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Jackson 3 read back the tokens Axon writes with a class name, such as the {@code ReplayToken} of a rebuild
 * that wraps the token it started from. Jackson 3 refuses polymorphic class names by default; this allows exactly
 * Axon's own classes, nothing a stored payload could name besides.
 */
@Configuration(proxyBeanMethods = false)
class TokenTypes {

    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}
