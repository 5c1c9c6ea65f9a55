package vn.ledger.command.web;

import java.text.Normalizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text a request body carries is read in Unicode NFC. Browsers and keyboards send Vietnamese either
 * precomposed ("ễ" as one code point) or decomposed (e, circumflex, tilde); both mean the same, but only one form
 * may reach the log, or a search, a unique name or a printed glyph would tell them apart.
 */
@Configuration(proxyBeanMethods = false)
class NfcText {

    @Bean
    JacksonModule nfcStrings() {
        return new SimpleModule("nfc-strings").addDeserializer(String.class, new NfcStringDeserializer());
    }

    static final class NfcStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                    ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        }
    }
}
