package org.tipline.triage.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON packet against the schema written from the HTCDS field reference, and what it leaves out. */
class HtcdsJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Schema schema() throws IOException {
        try (InputStream in = HtcdsJson.class.getResourceAsStream(HtcdsJson.SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFullPacketIsValidAndUsesHtcdsNames() throws Exception {
        String json = HtcdsJson.write(SamplePackets.everything());

        assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
        JsonNode root = JSON.readTree(json);
        assertThat(root.at("/case/cas_ReferredOrganisation/org_Name").asString())
                .isEqualTo("Norwalk Police Department tip line");
        assertThat(root.at("/case/cas_ReferredOrganisation/org_Type").asString())
                .isEqualTo("LawEnforcement");
        assertThat(root.at("/case/cas_ReferredOrganisation/org_Phone").asString())
                .isEqualTo("+12038543111");
        assertThat(root.at("/historicTraffickingEvents/0/hte_Street").asString())
                .isEqualTo("12 Harbor Ave");
        assertThat(root.at("/historicTraffickingEvents/0/hte_PostalCode").asString())
                .isEqualTo("06850");
        assertThat(root.at("/persons/0/prs_Gender").asString()).isEqualTo("Female");
        assertThat(root.at("/persons/0/context").asString()).isEqualTo("victim");
        assertThat(root.at("/persons/1/per_RoleInProcess/0").asString()).isEqualTo("Exploiter");
        assertThat(root.at("/tipline/nibrsOffenseCodes/0").asString()).isEqualTo("64A");
        assertThat(root.at("/tipline/vehicles/0/plate").asString()).isEqualTo("AB 1234");
    }

    @Test
    void sectionsNotChosenAreAbsentAndThePacketStaysValid() throws Exception {
        String json = HtcdsJson.write(SamplePackets.with(EnumSet.of(PacketField.WHEN), "not shared"));

        assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
        assertThat(json)
                .doesNotContain("Harbor")
                .doesNotContain("Golden Lotus")
                .doesNotContain("AB 1234")
                .doesNotContain("not shared")
                .doesNotContain("203-555-0147")
                .contains("last night around 11");
        assertThat(JSON.readTree(json).at("/persons").size()).isZero();
    }

    @Test
    void textInAnyScriptAndMarkupTravelsExactly() throws Exception {
        String typed = "مرحبا <script>alert(1)</script> \"quoted\" 🚐 \\ end";
        String json = HtcdsJson.write(SamplePackets.with(EnumSet.of(PacketField.DETAILS), typed));

        assertThat(schema().validate(json, InputFormat.JSON)).isEmpty();
        assertThat(JSON.readTree(json)
                        .at("/historicTraffickingEvents/0/hte_Description")
                        .asString())
                .isEqualTo(typed);
    }

    @Test
    void theSchemaRejectsWhatTheStandardDoesNotAllow() throws Exception {
        String json = HtcdsJson.write(SamplePackets.everything())
                .replace("\"LawEnforcement\"", "\"Police\"")
                .replace("\"64A\"", "\"13A\"");

        assertThat(schema().validate(json, InputFormat.JSON)).hasSize(2);
    }
}
